/**
 * Runs a write transaction all-or-nothing: every item is locked (in one global order), read,
 * and checked; if any action fails its condition (or a runtime validation), nothing is written
 * and TransactionCanceledException lists every action's reason in request order; otherwise every
 * change — items, index entries, statistics, stream records — goes into ONE MetaStore batch,
 * which LevelDB applies atomically, so a kill -9 leaves all of it or none of it.
 */
import { isAwsError } from '../../../errors/aws-error.js';
import type { MetaOp } from '../../../storage/meta-store.js';
import { NONE_REASON, conditionalCheckFailedReason, transactionCanceled, type CancellationReason } from './errors.js';
import { withItemLocks, type ItemLock } from './lock-all.js';

/** One action of the transaction, on one item. */
export interface WriteParticipant<I> {
  /** The item's lock: the same one single-item writes take. */
  lock: ItemLock;
  read(): Promise<I | undefined>;
  /**
   * The item after the action (undefined: deleted), or `unchanged` for a ConditionCheck. Throws
   * ConditionalCheckFailedException when its condition fails, ValidationException for a runtime
   * validation error (e.g. an update on an attribute of the wrong type).
   */
  decide(old: I | undefined): { next: I | undefined } | 'unchanged';
  /** The batch operations that replace `old` by `next` (item, indexes, stream record). */
  changeOps(old: I | undefined, next: I | undefined): MetaOp[];
  /** ReturnValuesOnConditionCheckFailure ALL_OLD: the old item to put in the reason. */
  returnOldOnFailure?: boolean;
  /** The item as the reason's Item field shows it (wire JSON). */
  renderItem?(item: I): Record<string, unknown>;
}

export interface WriteOutcome<I> { old: I | undefined; next: I | undefined; changed: boolean }

/**
 * @param more operations to add to the batch once the outcome is known (the ClientRequestToken's
 *   record: written with the transaction, so both survive a crash or neither does)
 */
export async function executeWriteTransaction<I>(
  participants: WriteParticipant<I>[],
  commit: (ops: MetaOp[]) => Promise<void>,
  more: (outcomes: WriteOutcome<I>[]) => MetaOp[] = () => [],
): Promise<WriteOutcome<I>[]> {
  // `commit` queues the batch and resolves once it is durable (item-store.ts): the locks are
  // released once it is queued, the answer waits for durability.
  let durable: Promise<void> | undefined;
  const outcomes = await withItemLocks(participants.map((p) => p.lock), async () => {
    const olds = await Promise.all(participants.map((p) => p.read()));
    const reasons: CancellationReason[] = [];
    const outcomes: WriteOutcome<I>[] = [];
    let failed = false;
    participants.forEach((p, i) => {
      const old = olds[i];
      try {
        const decided = p.decide(old);
        outcomes.push(decided === 'unchanged' ? { old, next: old, changed: false } : { old, next: decided.next, changed: true });
        reasons.push(NONE_REASON);
      } catch (err) {
        if (!isAwsError(err)) throw err;
        failed = true;
        outcomes.push({ old, next: old, changed: false });
        if (err.code === 'ConditionalCheckFailedException') {
          // The condition check may carry the item already (ReturnValuesOnConditionCheckFailure).
          const carried = err.fields.Item as unknown as Record<string, unknown> | undefined;
          reasons.push(conditionalCheckFailedReason(carried ?? (p.returnOldOnFailure && old !== undefined && p.renderItem ? p.renderItem(old) : undefined)));
        } else if (err.code === 'ValidationException') {
          reasons.push({ Code: 'ValidationError', Message: err.message });
        } else {
          throw err;
        }
      }
    });
    if (failed) throw transactionCanceled(reasons);
    const ops: MetaOp[] = [];
    participants.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.changed && !(o.old === undefined && o.next === undefined)) ops.push(...p.changeOps(o.old, o.next));
    });
    ops.push(...more(outcomes));
    if (ops.length > 0) durable = commit(ops);
    return outcomes;
  });
  await durable;
  return outcomes;
}
