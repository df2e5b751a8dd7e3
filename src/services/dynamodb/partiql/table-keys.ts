/** The key schema of a statement's table and its indexes, from DescribeTable. */
import type { RequestContext } from '../../types.js';
import { AwsError, isAwsError } from '../../../errors/aws-error.js';
import type { PartiqlDeps } from './context.js';
import type { IndexProjection } from './index-projection.js';
import type { KeyNames, TableKeys } from './translate.js';

interface KeySchemaElement { AttributeName: string; KeyType: string }

const namesOf = (schema: KeySchemaElement[]): KeyNames => {
  const hash = schema.find((k) => k.KeyType === 'HASH')!.AttributeName;
  const range = schema.find((k) => k.KeyType === 'RANGE')?.AttributeName;
  return range === undefined ? { hash } : { hash, range };
};

export async function tableKeys(deps: PartiqlDeps, ctx: RequestContext, table: string): Promise<TableKeys> {
  type Index = { IndexName: string; KeySchema: KeySchemaElement[]; Projection?: { ProjectionType?: string; NonKeyAttributes?: string[] } };
  let described: { Table: { AttributeDefinitions: Array<{ AttributeName: string; AttributeType: string }>; KeySchema: KeySchemaElement[]; GlobalSecondaryIndexes?: Index[]; LocalSecondaryIndexes?: Index[] } };
  try {
    described = await deps.call('DescribeTable', ctx, { TableName: table });
  } catch (err) {
    // PartiQL names no table in this error, as the item operations do.
    if (isAwsError(err) && err.code === 'ResourceNotFoundException') throw new AwsError({ code: 'ResourceNotFoundException', status: 400, message: 'Requested resource not found' });
    throw err;
  }
  const indexes: Record<string, KeyNames> = {};
  const projections: Record<string, IndexProjection> = {};
  for (const i of [...(described.Table.GlobalSecondaryIndexes ?? []), ...(described.Table.LocalSecondaryIndexes ?? [])]) {
    indexes[i.IndexName] = namesOf(i.KeySchema);
    projections[i.IndexName] = { type: i.Projection?.ProjectionType ?? 'ALL', ...(i.Projection?.NonKeyAttributes && { nonKey: i.Projection.NonKeyAttributes }) };
  }
  const global = new Set((described.Table.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  const types: Record<string, string> = {};
  for (const d of described.Table.AttributeDefinitions ?? []) types[d.AttributeName] = d.AttributeType;
  return { key: namesOf(described.Table.KeySchema), indexes, global, types, projections };
}
