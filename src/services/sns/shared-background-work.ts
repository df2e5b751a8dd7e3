/**
 * SNS's one background-work marker (storage/background-markers.ts) shared by its kinds of work
 * (the HTTP outbox, replays from the archive): each kind marks it before its durable work and
 * says when it has drained; the marker goes only once every kind has. Each kind counts as busy
 * until it first says otherwise (its open() reports what a previous run left).
 */
import type { BackgroundWorkMarker } from '../../storage/background-markers.js';

export class SharedBackgroundWork {
  readonly #marker: BackgroundWorkMarker;
  readonly #busy: Set<string>;

  constructor(marker: BackgroundWorkMarker, kinds: readonly string[]) {
    this.#marker = marker;
    this.#busy = new Set(kinds);
  }

  mark(kind: string): Promise<void> {
    this.#busy.add(kind);
    return this.#marker.mark();
  }

  drained(kind: string): Promise<void> {
    this.#busy.delete(kind);
    return this.#busy.size === 0 ? this.#marker.drained() : Promise.resolve();
  }
}
