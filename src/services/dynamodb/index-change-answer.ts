/**
 * How UpdateTable's answer shows the GSI it is creating or deleting, as AWS's answer does at the
 * moment of the request (native AWS, radkawar/stackd
 * testdata/aws/dynamodb/continuous_backup_readiness.json, us-east-1, 2026-09-18):
 * - a created index is CREATING with `Backfilling: false` (seq 27): the backfill has not begun.
 *   DescribeTable then says `Backfilling: true` while boltstack writes its entries (AWS's seq
 *   138-147, minutes later on AWS).
 * - a deleted index is still listed, DELETING, with only its name, status, throughput, size,
 *   item count and ARN: no key schema, projection or warm throughput (seq 148). boltstack drops
 *   it from the table at once, so the next DescribeTable no longer lists it (AWS's did for 8 s,
 *   seq 149-151).
 */
import type { TableDescription } from '../../model/generated/dynamodb-types.js';
import { throughputShape } from './describe-table-shape.js';
import { indexArn, type TableRecord } from './table-record.js';

type IndexDescription = NonNullable<TableDescription['GlobalSecondaryIndexes']>[number];

/** `dropped` maps each deleted index's id to its [item count, bytes] when the request arrived. */
export function answerIndexChanges(out: TableDescription, before: TableRecord, created: string[], dropped: Map<string, [number, number]>): void {
  if (created.length === 0 && dropped.size === 0) return;
  const after = describedByName(out);
  const onDemand = before.billingMode === 'PAY_PER_REQUEST';
  const listed: IndexDescription[] = [];
  for (const index of before.indexes) {
    if (!index.global) continue;
    const figures = dropped.get(index.id);
    if (figures) {
      const [count, bytes] = figures;
      listed.push({
        IndexName: index.name, IndexStatus: 'DELETING', ProvisionedThroughput: throughputShape(index.throughput, onDemand),
        IndexSizeBytes: bytes, ItemCount: count, IndexArn: indexArn(before, index),
      });
    } else if (after.has(index.name)) listed.push(after.get(index.name)!);
  }
  // The index this request creates comes after the ones the table had, as describeTable lists it.
  for (const [name, described] of after) {
    if (!before.indexes.some((i) => i.name === name)) listed.push({ ...described, IndexStatus: 'CREATING', Backfilling: false });
  }
  if (listed.length > 0) out.GlobalSecondaryIndexes = listed;
}

const describedByName = (out: TableDescription): Map<string, IndexDescription> =>
  new Map((out.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName ?? '', i]));
