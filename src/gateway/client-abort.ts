/**
 * The `signal` of a request's context, made on first use: most handlers never look at it, and an
 * AbortController plus an abort listener per request was a measurable share of a small GetObject
 * (bench s3-figures, figure 3). A signal asked for after the client left is aborted at once.
 */
import type { HttpResponse } from '../server/types.js';

export function clientSignal(res: HttpResponse): () => AbortSignal {
  let controller: AbortController | undefined;
  return () => {
    if (controller === undefined) {
      const c = new AbortController();
      controller = c;
      if (res.aborted) c.abort(new Error('client disconnected'));
      else res.onAborted(() => c.abort(new Error('client disconnected')));
    }
    return controller.signal;
  };
}
