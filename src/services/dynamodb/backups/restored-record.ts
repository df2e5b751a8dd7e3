/**
 * The table record of a restore: the backup's key schema, the indexes it keeps
 * (index-overrides.ts) with fresh ids, and only the attribute definitions they and the table key
 * use (backups.json seq 132: a restore keeping no index defines pk and sk only); billing and
 * units as the overrides say, else as the source had them; the source's encryption. Not
 * restored, as in AWS: the stream, TTL, tags, point-in-time recovery, deletion protection
 * (backups.json seq 42 and 201-203) and the table class (a STANDARD_INFREQUENT_ACCESS table's
 * restore describes no TableClassSummary: backup_provisioned_restore.json seq 54, 2026-09-18).
 */
import type { RestoreTableFromBackupInput } from '../../../model/generated/dynamodb-types.js';
import { notImplemented } from '../../../errors/common.js';
import { onDemandRecord } from '../on-demand-throughput.js';
import type { BillingMode, IndexRecord, TableRecord, Throughput } from '../table-record.js';
import type { KeptIndex } from './index-overrides.js';

export interface RestoreTarget { account: string; region: string; name: string; id: string; now: number }

/** The overrides both restores take, and what a NotImplemented names: the operation and what is restored. */
export type RestoreOverrides = Pick<RestoreTableFromBackupInput, 'BillingModeOverride' | 'ProvisionedThroughputOverride' | 'OnDemandThroughputOverride'>;
export interface RestoreKind { operation: string; from: 'backup' | 'source table' }
const fresh = (read: number, write: number): Throughput => ({ read, write, decreasesToday: 0 });

export function restoredRecord(source: TableRecord, kept: KeptIndex[], input: RestoreOverrides, target: RestoreTarget, newId: () => string, kind: RestoreKind): TableRecord {
  const mode = (input.BillingModeOverride ?? source.billingMode) as BillingMode;
  const override = input.ProvisionedThroughputOverride;
  if (mode === 'PROVISIONED' && source.billingMode === 'PAY_PER_REQUEST') {
    // What AWS answers for an on-demand source restored provisioned without every unit given is not captured.
    if (override === undefined) throw notImplemented('DynamoDB', kind.operation, `BillingModeOverride PROVISIONED without ProvisionedThroughputOverride for an on-demand ${kind.from}`);
    if (kept.some((k) => k.index.global && k.throughput === undefined)) {
      throw notImplemented('DynamoDB', kind.operation, `BillingModeOverride PROVISIONED for an on-demand ${kind.from} with a global secondary index kept without ProvisionedThroughput`);
    }
  }
  const throughput = mode === 'PAY_PER_REQUEST' ? fresh(0, 0)
    : override ? fresh(override.ReadCapacityUnits!, override.WriteCapacityUnits!) : fresh(source.throughput.read, source.throughput.write);
  const indexes = kept.map((k) => restoredIndex(k, mode, newId()));
  const onDemand = input.OnDemandThroughputOverride ? onDemandRecord(input.OnDemandThroughputOverride, 'table', false) : source.onDemand;
  const used = new Set([source.hash.name, source.range?.name, ...indexes.flatMap((i) => [i.hash.name, i.range?.name])]);
  return {
    account: target.account, region: target.region, name: target.name, id: target.id, created: target.now,
    attributeDefinitions: source.attributeDefinitions.filter((a) => used.has(a.name)),
    hash: source.hash, ...(source.range ? { range: source.range } : {}),
    indexes, billingMode: mode, ...(mode === 'PAY_PER_REQUEST' ? { payPerRequestSince: target.now } : {}), throughput,
    ...(onDemand && mode === 'PAY_PER_REQUEST' ? { onDemand } : {}),
    ...(source.sse ? { sse: source.sse } : {}),
    deletionProtection: false, tags: [],
  };
}

function restoredIndex(k: KeptIndex, mode: BillingMode, id: string): IndexRecord {
  const i = k.index;
  const units = k.throughput ? fresh(k.throughput.ReadCapacityUnits!, k.throughput.WriteCapacityUnits!) : i.throughput && fresh(i.throughput.read, i.throughput.write);
  const onDemand = k.onDemand ? onDemandRecord(k.onDemand, `index: ${i.name}`, false) : i.onDemand;
  return {
    name: i.name, id, global: i.global, hash: i.hash, ...(i.range ? { range: i.range } : {}), projection: i.projection,
    ...(i.global && mode === 'PROVISIONED' && units ? { throughput: units } : {}),
    ...(i.global && mode === 'PAY_PER_REQUEST' && onDemand ? { onDemand } : {}),
    status: 'ACTIVE',
  };
}
