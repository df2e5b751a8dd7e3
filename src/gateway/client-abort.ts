/**
 * The `signal` of a request's context. Made only when a handler asks for it (HandlerContext):
 * most never do, and an AbortController plus an abort listener per request was a measurable
 * share of a small GetObject (bench s3-figures, figure 3). A signal asked for after the client
 * left is aborted at once.
 */
import type { HttpResponse } from '../server/types.js';

export function clientSignal(res: HttpResponse): AbortSignal {
  const controller = new AbortController();
  if (res.aborted) controller.abort(new Error('client disconnected'));
  else res.onAborted(() => controller.abort(new Error('client disconnected')));
  return controller.signal;
}
