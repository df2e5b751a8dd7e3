/**
 * paritysuite's three PartiQL tables under our names: hashTableDef (`pk` S), hashNTableDef
 * (`pk` N) and compositeTableDef (`pk`, `sk` S).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createKeyedTable } from '../helpers.js';

export async function createParitysuiteTables(ddb: DynamoDBClient, names: { S: string; N: string; C: string }): Promise<void> {
  await createKeyedTable(ddb, names.S, [['pk', 'S']]);
  await createKeyedTable(ddb, names.N, [['pk', 'N']]);
  await createKeyedTable(ddb, names.C, [['pk', 'S'], ['sk', 'S']]);
}
