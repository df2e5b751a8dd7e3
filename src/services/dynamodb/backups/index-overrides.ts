/**
 * RestoreTableFromBackup's GlobalSecondaryIndexOverride and LocalSecondaryIndexOverride: which of
 * the backup's indexes the restored table keeps. An override lists indexes of the source as they
 * were (name, key schema, projection); an empty list keeps none of that kind, a missing one keeps
 * them all. Any other index, or one of the source's with another key schema or projection, is
 * refused: a restore creates no index (native AWS, radkawar/stackd testdata/aws/dynamodb/
 * backup_index_overrides.json seq 13-14; backups.json seq 132 kept none with [] and [],
 * 2026-09-18). A GSI entry may give the index's ProvisionedThroughput or OnDemandThroughput for
 * the restored table.
 */
import type { KeySchemaItem, OnDemandThroughput, Projection, ProvisionedThroughput } from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import { ddbErrors } from '../errors.js';
import { checkIndex } from '../table-constraints.js';
import type { IndexRecord, TableRecord } from '../table-record.js';

export interface IndexOverride { IndexName?: string; KeySchema?: KeySchemaItem[]; Projection?: Projection; ProvisionedThroughput?: ProvisionedThroughput; OnDemandThroughput?: OnDemandThroughput }

/** An index the restored table keeps, with the units its override gave it. */
export interface KeptIndex { index: IndexRecord; throughput?: ProvisionedThroughput; onDemand?: OnDemandThroughput }

/** The model's constraints on each entry, reported with the request's others (restore-table.ts). */
export function checkIndexOverrides(c: Constraints, path: string, overrides: readonly IndexOverride[] | undefined): void {
  // A null member (raw JSON `[null]`) is refused as Coral refuses any null member, not read (a TypeError, a 500).
  overrides?.forEach((o, i) => { if (c.notNull(`${path}.${i + 1}.member`, o)) checkIndex(c, `${path}.${i + 1}.member`, o); });
}

const notInSource = (name: string | undefined) => ddbErrors.validation(
  `Invalid Request: Index ${name} does not match a secondary index that existed in the source table and cannot be created during the restore operation`);

export function keptIndexes(source: TableRecord, gsis: readonly IndexOverride[] | undefined, lsis: readonly IndexOverride[] | undefined): KeptIndex[] {
  const ofKind = (global: boolean, overrides: readonly IndexOverride[] | undefined): KeptIndex[] => {
    const own = source.indexes.filter((i) => i.global === global);
    if (overrides === undefined) return own.map((index) => ({ index }));
    return overrides.map((o) => {
      const index = own.find((i) => i.name === o.IndexName);
      if (!index || !sameDefinition(index, o)) throw notInSource(o.IndexName);
      return { index, ...(o.ProvisionedThroughput ? { throughput: o.ProvisionedThroughput } : {}), ...(o.OnDemandThroughput ? { onDemand: o.OnDemandThroughput } : {}) };
    });
  };
  return [...ofKind(false, lsis), ...ofKind(true, gsis)];
}

function sameDefinition(index: IndexRecord, o: IndexOverride): boolean {
  const keys = [index.hash, ...(index.range ? [index.range] : [])];
  const schema = o.KeySchema ?? [];
  if (schema.length !== keys.length || schema.some((k, i) => k.AttributeName !== keys[i]!.name || k.KeyType !== (i === 0 ? 'HASH' : 'RANGE'))) return false;
  if (o.Projection?.ProjectionType !== index.projection.type) return false;
  const given = [...(o.Projection.NonKeyAttributes ?? [])].sort();
  const kept = [...(index.projection.nonKeyAttributes ?? [])].sort();
  return given.length === kept.length && given.every((name, i) => name === kept[i]);
}
