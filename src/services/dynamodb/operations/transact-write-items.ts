/**
 * TransactWriteItems: up to 100 Put / Update / Delete / ConditionCheck actions, on distinct items
 * of any tables of the account, applied all together or not at all (transactions/): one
 * MetaStore batch for everything, so also across a kill -9. ClientRequestToken makes a retry
 * within 10 minutes a no-op (answered in read units). Transactional writes cost twice the write units on the table (not on
 * its indexes).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 */
import type { ConsumedCapacityItem, TransactWriteItemsInput, TransactWriteItemsOutput } from '../../../model/generated/dynamodb-types.js';
import { emptyConsumption, readUnits, transactionCapacity, writeConsumption, type Consumption } from '../capacity.js';
import { Constraints } from '../constraints.js';
import type { DdbDeps, DdbHandler } from '../context.js';
import { itemCollectionMetrics } from '../item-collection-metrics.js';
import type { MetaOp } from '../../../storage/meta-store.js';
import { itemSize, type Item } from '../values/index.js';
import { RETURN_CAPACITY } from '../write-options.js';
import { multipleOperationsOnOneItem, tooManyOrFew } from '../transactions/errors.js';
import { executeWriteTransaction, type WriteOutcome } from '../transactions/execute-write.js';
import { checkActionMembers, parseWriteAction, planWrite, type PlannedWrite } from '../transactions/plan-write.js';
import { checkPayloadSize } from '../transactions/payload-size.js';

export const transactWriteItems: DdbHandler<TransactWriteItemsInput, TransactWriteItemsOutput> = async (deps, ctx, input) => {
  const items = input.TransactItems;
  const c = new Constraints();
  if (c.notNull('transactItems', items) && (items.length === 0 || items.length > 100)) throw tooManyOrFew('transactItems', items.length, 100);
  // The token first, then the enums, in one message (paritysuite/dynamodb-conformance
  // tests/tier3/validation-ordering/transactions.test.ts, us-east-1, 2026-10-09).
  c.length('clientRequestToken', input.ClientRequestToken, 1, 36);
  c.oneOf('returnConsumedCapacity', input.ReturnConsumedCapacity, RETURN_CAPACITY);
  c.oneOf('returnItemCollectionMetrics', input.ReturnItemCollectionMetrics, ['SIZE', 'NONE']);
  // A missing list is a violation already; c.check() throws it with the others.
  items?.forEach((action, i) => checkActionMembers(c, action, i));
  c.check();
  // Every action's own checks first, in request order, then the tables (plan-write.ts).
  const parsed = items.map((action, i) => parseWriteAction(ctx, action, i));
  // What the request carries, before any table or item is looked at (payload-size.ts).
  checkPayloadSize(parsed);
  const plans = parsed.map((p) => planWrite(deps, p));
  const seen = new Set<string>();
  for (const p of plans) {
    if (seen.has(p.lock.key)) throw multipleOperationsOnOneItem();
    seen.add(p.lock.key);
  }
  if (input.ClientRequestToken === undefined) return commitAll(deps, plans).then((outcomes) => answer(plans, outcomes, input));
  const { ClientRequestToken, ...parameters } = input;
  // AWS compares ReturnConsumedCapacity and ReturnItemCollectionMetrics too, NONE as if omitted
  // (radkawar/stackd testdata/aws/dynamodb/transaction_tokens.json seq 99-115, native AWS 2026-09-17).
  if (parameters.ReturnConsumedCapacity === 'NONE') delete parameters.ReturnConsumedCapacity;
  if (parameters.ReturnItemCollectionMetrics === 'NONE') delete parameters.ReturnItemCollectionMetrics;
  const scope = { account: ctx.accountId, region: ctx.region, token: ClientRequestToken };
  return deps.transactionTokens.run<TransactWriteItemsOutput>(scope, parameters, async (record) => {
    // The token's record goes in the transaction's batch, with the answer a repeat will get.
    const outcomes = await commitAll(deps, plans, (o) => [record(answer(plans, o, input, true))]);
    return answer(plans, outcomes, input);
  });
};

/**
 * Everything in one atomic batch, with the statistics of every table it changes. The items are
 * claimed first: if another ongoing transaction holds one, this one is cancelled with
 * TransactionConflict there; while claimed, single-item writes of them are refused
 * (transactions/ongoing-writes.ts). Writes that were already under way are waited for (the locks).
 */
async function commitAll(deps: DdbDeps, plans: PlannedWrite[], more?: (outcomes: WriteOutcome<Item>[]) => MetaOp[]) {
  const release = deps.ongoing.beginTransaction(plans.map((p) => p.lock.key));
  try {
    return await executeWriteTransaction(plans, (ops) => deps.items.commitAcross(new Set(plans.map((p) => p.table.id)), ops), more);
  } finally {
    release();
  }
}

/**
 * The answer, or with `repeat` the one a repeat of the token's request gets: AWS charges a repeat
 * two strongly consistent read units per 4 KB of the larger of each item's images of the first
 * run, on the table only, in ReadCapacityUnits, whatever the items are now (radkawar/stackd
 * testdata/aws/dynamodb/transaction_tokens.json "nativeFacts", seq 17-36, 37-97, native AWS
 * 2026-09-17). What a repeat costs on an index was not observed: none is charged.
 */
function answer(plans: PlannedWrite[], outcomes: Awaited<ReturnType<typeof commitAll>>, input: TransactWriteItemsInput, repeat = false): TransactWriteItemsOutput {
  const out: TransactWriteItemsOutput = {};
  if (input.ReturnConsumedCapacity === 'TOTAL' || input.ReturnConsumedCapacity === 'INDEXES') {
    const byTable = new Map<string, Consumption>();
    plans.forEach((p, i) => {
      const o = outcomes[i]!;
      let c = byTable.get(p.table.name);
      if (!c) byTable.set(p.table.name, c = emptyConsumption());
      const next = o.changed ? o.next : o.old;
      if (repeat) c.table += readUnits(Math.max(o.old ? itemSize(o.old) : 0, next ? itemSize(next) : 0), true);
      else writeConsumption(p.table, p.encodedKey, o.old, next, c);
    });
    const capacities: ConsumedCapacityItem[] = [];
    for (const [name, c] of byTable) {
      // Two write units per unit of a standard write on the table; its index entries cost what
      // they cost outside a transaction (radkawar/stackd testdata/aws/dynamodb/index_capacity.json
      // seq 61-79, data.json seq 62, native AWS 2026-09-17). A repeat: two read units per unit.
      c.table *= 2;
      capacities.push(transactionCapacity(name, input.ReturnConsumedCapacity, c, repeat ? 'ReadCapacityUnits' : 'WriteCapacityUnits')!);
    }
    out.ConsumedCapacity = capacities;
  }
  if (input.ReturnItemCollectionMetrics === 'SIZE') {
    const metrics: NonNullable<TransactWriteItemsOutput['ItemCollectionMetrics']> = {};
    for (const p of plans) {
      const m = itemCollectionMetrics(p.table, 'SIZE', p.keyItem);
      if (m) (metrics[p.table.name] ??= []).push(m);
    }
    if (Object.keys(metrics).length > 0) out.ItemCollectionMetrics = metrics;
  }
  return out;
}
