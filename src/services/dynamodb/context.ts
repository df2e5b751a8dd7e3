/** What every DynamoDB handler gets besides its input: the stores, the gates, the clock. */
import type { Features } from '../../config.js';
import type { Logger } from '../../log.js';
import type { MetaStore } from '../../storage/meta-store.js';
import type { RequestContext } from '../types.js';
import { rejectUnsupported } from '../unsupported.js';
import type { BackgroundRemoval } from './background-removal.js';
import type { BackgroundWork } from './background-work.js';
import type { GsiBackfills } from './gsi-backfills.js';
import type { ItemStore } from './item-store.js';
import type { TableStore } from './table-store.js';
import type { IdempotencyTokens } from './transactions/idempotency.js';
import type { OngoingWrites } from './transactions/ongoing-writes.js';
import type { ConditionTrees } from './expressions/condition-trees.js';

export interface DdbDeps {
  meta: MetaStore;
  tables: TableStore;
  items: ItemStore;
  removal: BackgroundRemoval;
  /** GSIs being created: their backfills (gsi-backfills.ts). */
  backfills: GsiBackfills;
  /** The background-work marker: set before a write that queues a removal or a backfill (background-work.ts). */
  work: BackgroundWork;
  features: Features;
  log: Logger;
  /** Epoch ms; injectable so tests control time (TTL, timestamps). */
  now: () => number;
  /** Fresh ids for table and index incarnations. */
  newId: () => string;
  /** TransactWriteItems' ClientRequestTokens of the last 10 minutes. */
  transactionTokens: IdempotencyTokens;
  /** Items ongoing writes hold: transaction conflicts (transactions/ongoing-writes.ts). */
  ongoing: OngoingWrites;
  /** Condition expressions parsed once per text (expressions/condition-trees.ts); absent: parsed per request. */
  conditionTrees?: ConditionTrees;
}

export type DdbHandler<I, O> = (deps: DdbDeps, ctx: RequestContext, input: I) => Promise<O>;

/** Strict by default: a parameter boltstack does not implement fails the request (DESIGN.md §7). */
export function unsupported(deps: DdbDeps, ctx: RequestContext, operation: string, input: object, members: readonly string[]): void {
  rejectUnsupported(deps.features, ctx, 'DynamoDB', operation, input as Record<string, unknown>, members);
}
