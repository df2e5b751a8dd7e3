/**
 * UpdateTable's GlobalSecondaryIndexUpdates: Create (the index starts CREATING and is
 * backfilled), Update (throughput, on-demand limits) and Delete (its entries are removed in the
 * background), with DynamoDB's rules and messages. Attribute definitions follow the keys in use.
 */
import type { GlobalSecondaryIndexUpdate, UpdateTableInput } from '../../model/generated/dynamodb-types.js';
import { Constraints } from './constraints.js';
import { changedThroughput, indexOnDemand } from './decrease-limit.js';
import { ddbErrors } from './errors.js';
import { checkKeyOrder, checkProjectionRules } from './key-schema-rules.js';
import { MAX_CAPACITY_UNITS, checkIndex, checkThroughput } from './table-constraints.js';
import type { IndexRecord, KeyAttribute, TableRecord } from './table-record.js';
import { onDemandRecord } from './on-demand-throughput.js';

export function checkGsiUpdateConstraints(c: Constraints, updates: GlobalSecondaryIndexUpdate[] | undefined): void {
  updates?.forEach((u, i) => {
    const at = `globalSecondaryIndexUpdates.${i + 1}.member`;
    if (u.Create) checkIndex(c, `${at}.create`, u.Create);
    if (u.Update) {
      c.notNull(`${at}.update.indexName`, u.Update.IndexName);
      checkThroughput(c, `${at}.update.provisionedThroughput`, u.Update.ProvisionedThroughput);
    }
    if (u.Delete) c.notNull(`${at}.delete.indexName`, u.Delete.IndexName);
  });
}

const indexNameOf = (u: GlobalSecondaryIndexUpdate): string => (u.Create ?? u.Update ?? u.Delete)!.IndexName;

const onlyOneOnlineIndex = () => ddbErrors.limitExceeded('Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table');

function usedDefinitions(table: TableRecord, pool: KeyAttribute[]): KeyAttribute[] {
  const used = new Set<string>([table.hash.name, ...(table.range ? [table.range.name] : [])]);
  for (const i of table.indexes) { used.add(i.hash.name); if (i.range) used.add(i.range.name); }
  const out: KeyAttribute[] = [];
  for (const a of pool) if (used.has(a.name) && !out.some((o) => o.name === a.name)) out.push(a);
  return out;
}

/**
 * The shape of GlobalSecondaryIndexUpdates, which needs no table: one action per entry, one entry
 * per index. UpdateTable checks it before looking the table up, as AWS does (architect/dynalite
 * test/updateTable.js "empty index struct", "repeated GlobalSecondaryIndexUpdates", on a table
 * that does not exist).
 */
export function checkGsiUpdateShape(updates: GlobalSecondaryIndexUpdate[]): void {
  if (updates.length === 0) throw ddbErrors.invalidParameter('List of GlobalSecondaryIndexUpdates is empty');
  const names = new Set<string>();
  for (const u of updates) {
    const actions = [u.Create, u.Update, u.Delete].filter((a) => a !== undefined).length;
    if (actions === 0) throw ddbErrors.invalidParameter('One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null');
    if (actions > 1) throw ddbErrors.invalidParameter('Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object');
    const name = indexNameOf(u);
    if (names.has(name)) throw ddbErrors.invalidParameter(`Only one global secondary index update per index is allowed simultaneously. Index: ${name}`);
    names.add(name);
  }
}

export function applyGsiUpdates(table: TableRecord, input: UpdateTableInput, newId: () => string, now: number): { table: TableRecord; created: string[]; dropped: string[] } {
  const updates = input.GlobalSecondaryIndexUpdates;
  const created: string[] = [];
  const dropped: string[] = [];
  let indexes = [...table.indexes];
  // The table's own definitions first: an attribute it already keys keeps its type, a conflicting
  // redeclaration is ignored (AWS eu-west-2, 2026-07-02, paritysuite/dynamodb-conformance#78:
  // "AWS keeps the attribute's existing type, ignores the conflicting one, and proceeds").
  const definitions = [...table.attributeDefinitions, ...(input.AttributeDefinitions ?? []).map((d) => ({ name: d.AttributeName, type: d.AttributeType as KeyAttribute['type'] }))];
  const onDemand = table.billingMode === 'PAY_PER_REQUEST';
  if (updates !== undefined) {
    checkGsiUpdateShape(updates);
    // One index created or deleted per UpdateTable, checked before the indexes are looked up
    // (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html;
    // architect/dynalite test/updateTable.js "LimitExceededException for too many
    // GlobalSecondaryIndexUpdates", six Deletes of indexes the table does not have).
    const online = updates.filter((u) => u.Create !== undefined || u.Delete !== undefined);
    if (online.length > 1) throw onlyOneOnlineIndex();
    // Nor while another index of the table is still being created: the same code and words for a
    // Create or a Delete of another index, in either phase of the build; an Update of another
    // index, or a Delete of the index being built, is accepted (ack-api-quirks DDB-TABLE-159 and
    // DDB-TABLE-149, native AWS, verified 2026-10-08). Deleted indexes leave the record at once
    // here, so no index is ever seen DELETING.
    const target = online[0] === undefined ? undefined : indexNameOf(online[0]);
    if (target !== undefined && table.indexes.some((i) => i.status === 'CREATING' && i.name !== target)) throw onlyOneOnlineIndex();
    for (const u of updates) {
      const name = indexNameOf(u);
      const existing = indexes.find((i) => i.name === name);
      if (u.Create) {
        if (existing) throw ddbErrors.validation('Attempting to create an index which already exists');
        checkKeyOrder(u.Create.KeySchema);
        const keyNames = u.Create.KeySchema.map((k) => k.AttributeName);
        const given = (input.AttributeDefinitions ?? []).map((d) => d.AttributeName);
        if (input.AttributeDefinitions === undefined) throw ddbErrors.invalidParameter(`AttributeDefinitions is not specified for index: ${name}`);
        const missing = keyNames.filter((k) => !given.includes(k));
        if (missing.length > 0) throw ddbErrors.invalidParameter(`Some index key attributes are not defined in AttributeDefinitions. Keys: [${missing.join(', ')}], AttributeDefinitions: [${given.join(', ')}]`);
        const projection = checkProjectionRules(u.Create.Projection);
        const t = u.Create.ProvisionedThroughput;
        if (onDemand && t) throw ddbErrors.invalidParameter(`Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: ${name} when BillingMode is PAY_PER_REQUEST`);
        if (!onDemand && !t) throw ddbErrors.invalidParameter(`ProvisionedThroughput must be specified for index: ${name}`);
        const typeOf = (n: string): KeyAttribute => definitions.find((d) => d.name === n)!;
        const id = newId();
        indexes.push({
          name, id, global: true, hash: typeOf(keyNames[0]!), ...(keyNames[1] ? { range: typeOf(keyNames[1]) } : {}), projection,
          ...(t ? { throughput: { read: t.ReadCapacityUnits, write: t.WriteCapacityUnits, decreasesToday: 0 } } : {}),
          ...(u.Create.OnDemandThroughput ? { onDemand: onDemandRecord(u.Create.OnDemandThroughput, `index: ${name}`, false) } : {}),
          status: 'CREATING',
        });
        created.push(id);
      } else if (u.Update) {
        if (!existing) throw ddbErrors.resourceNotFoundNamed(`Requested resource not found: Index: ${name} not found`);
        if (!existing.global) throw ddbErrors.validation(`Cannot update an index that is not a GlobalSecondaryIndex: ${name}`);
        const t = u.Update.ProvisionedThroughput;
        if (onDemand && t) throw ddbErrors.invalidParameter(`The only Updates for index: ${name} when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput`);
        let next: IndexRecord = { ...existing };
        if (t) {
          if (t.ReadCapacityUnits > MAX_CAPACITY_UNITS || t.WriteCapacityUnits > MAX_CAPACITY_UNITS) throw ddbErrors.validation(`Given value ${Math.max(t.ReadCapacityUnits, t.WriteCapacityUnits)} for ReadCapacityUnits is out of bounds`);
          const old = existing.throughput;
          // The same units are refused as the table's are, in the index's words (radkawar/stackd
          // testdata/aws/dynamodb/decrease_limits.json seq 17, AWS us-east-1, 2026-09-18).
          if (old && old.read === t.ReadCapacityUnits && old.write === t.WriteCapacityUnits) {
            throw ddbErrors.validation(`The provisioned throughput for the index ${name} will not change. The requested value equals the current value. `
              + `Current ReadCapacityUnits provisioned for index ${name}: ${old.read}. Requested ReadCapacityUnits: ${t.ReadCapacityUnits}. `
              + `Current WriteCapacityUnits provisioned for index ${name}: ${old.write}. Requested WriteCapacityUnits: ${t.WriteCapacityUnits}. `
              + 'Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.');
          }
          // Its own increase/decrease times and daily decrease quota, as the table's (decrease-limit.ts).
          next = { ...next, throughput: existing.throughput ? changedThroughput(existing.throughput, t.ReadCapacityUnits, t.WriteCapacityUnits, now) : { read: t.ReadCapacityUnits, write: t.WriteCapacityUnits, decreasesToday: 0 } };
        }
        if (u.Update.OnDemandThroughput) next = { ...next, onDemand: onDemandRecord(u.Update.OnDemandThroughput, `index: ${name}`, true) };
        indexes = indexes.map((i) => (i === existing ? next : i));
      } else {
        if (!existing) throw ddbErrors.resourceNotFoundNamed(`Requested resource not found: Index: ${name} not found`);
        if (!existing.global) throw ddbErrors.validation(`Cannot delete an index that is not a GlobalSecondaryIndex: ${name}`);
        indexes = indexes.filter((i) => i !== existing);
        dropped.push(existing.id);
      }
    }
  }
  // An on-demand GSI keeps its provisioned history with units 0 (decrease-limit.ts), so units 0
  // mean none given: back on PROVISIONED each GSI needs its own.
  if (table.billingMode === 'PROVISIONED') {
    for (const i of indexes) if (i.global && !(i.throughput && i.throughput.read > 0)) throw ddbErrors.invalidParameter(`ProvisionedThroughput must be specified for index: ${i.name}`);
  } else {
    indexes = indexes.map((i) => (i.throughput && i.throughput.read > 0 ? { ...i, throughput: indexOnDemand(i.throughput, now) } : i));
  }
  const next = { ...table, indexes };
  next.attributeDefinitions = usedDefinitions(next, definitions);
  return { table: next, created, dropped };
}
