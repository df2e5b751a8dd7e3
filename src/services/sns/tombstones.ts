/**
 * What ConfirmSubscription answers for the token of a subscription that is gone. Native AWS
 * remembers such tokens: the confirmation token of a subscription its owner removed answers
 * NotFound "Subscription does not exist", from either account and after the endpoint subscribed
 * again (radkawar/stackd testdata/aws/sns/confirmation_lifetime.json confirm-removed-A,
 * confirm-removed-B, confirm-old-after-replacement, 2026-09-23), where an unknown token is
 * "Invalid parameter: Token". The token of a confirmed subscription whose topic was deleted still
 * answers its ARN, even after the topic is made again (confirm-removed-topic,
 * confirm-recreated-topic); so does the UnsubscribeConfirmation token of one deactivated before
 * (confirmation_lifetime_scope.json reactivate-without-topic). The tokens live in the MetaStore beside the subscriptions, written in
 * the batch that removes them; only the newest LIMIT are kept, so the state stays bounded.
 */
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import { SNS_NS, TOMBSTONE_PREFIX, prefixRange, tombstoneKey } from './keys.js';

/** A removed subscription's token: its ARN, and whether ConfirmSubscription still answers that ARN. */
export interface Tombstone {
  token: string;
  arn: string;
  answersArn: boolean;
}

/** How many tokens are remembered (AWS documents tokens as valid for two days; no count is known). */
export const LIMIT = 1000;

export class Tombstones {
  readonly #byToken = new Map<string, Tombstone & { seq: number }>();
  #next = 0;

  static async open(meta: MetaStore): Promise<Tombstones> {
    const t = new Tombstones();
    for await (const [k, v] of meta.iterate(SNS_NS, prefixRange(TOMBSTONE_PREFIX))) {
      const seq = Number(k.slice(TOMBSTONE_PREFIX.length));
      const stone = JSON.parse(v) as Tombstone;
      t.#byToken.set(stone.token, { ...stone, seq });
      t.#next = seq + 1;
    }
    return t;
  }

  find(token: string): Tombstone | undefined {
    return this.#byToken.get(token);
  }

  /** The writes that remember `stones` and forget the oldest beyond LIMIT; `apply` then updates the index. */
  ops(stones: Tombstone[]): { ops: MetaOp[]; apply: () => void } {
    const ops: MetaOp[] = [];
    const added = stones.map((s) => ({ ...s, seq: this.#next++ }));
    for (const s of added) {
      const { seq, ...stone } = s;
      ops.push({ type: 'put', ns: SNS_NS, key: tombstoneKey(seq), value: JSON.stringify(stone) });
    }
    const excess = this.#byToken.size + added.length - LIMIT;
    const dropped = excess > 0 ? [...this.#byToken.values()].slice(0, excess) : [];
    for (const d of dropped) ops.push({ type: 'del', ns: SNS_NS, key: tombstoneKey(d.seq) });
    return {
      ops,
      apply: () => {
        for (const d of dropped) this.#byToken.delete(d.token);
        for (const s of added) {
          this.#byToken.delete(s.token);
          this.#byToken.set(s.token, s);
        }
      },
    };
  }
}
