/** What every Streams operation gets: the store, the service clock and the table lookup. */
import type { StreamStore } from '../stream-store.js';

export interface StreamsDeps {
  store: StreamStore;
  /** ms since epoch: ServiceDeps.clock, or Date.now. */
  now: () => number;
}
