/**
 * One setup call (create a table, queue or topic; preload) over the raw drivers' signed POST,
 * so setting up a workload needs no AWS SDK: the default (raw) drivers then run with nothing
 * but boltstack's own dependencies installed. A failed call throws a SetupError naming the step.
 */
import type { SignedPoster } from './signed-post.js';
import { SetupError } from './setup-error.js';

/** POSTs `body` (with `headers`, e.g. its X-Amz-Target); the answer body as text. */
export async function setupCall(http: SignedPoster, step: string, body: string, headers?: Record<string, string>): Promise<string> {
  const answer = await http.post(body, headers);
  if (answer.error) throw new SetupError(step, answer.error);
  return answer.body.toString('utf8');
}

/** A JSON 1.0 setup call: the parsed answer (an empty answer is `{}`). */
export async function setupJsonCall<T>(http: SignedPoster, step: string, request: unknown, headers?: Record<string, string>): Promise<T> {
  const text = await setupCall(http, step, JSON.stringify(request), headers);
  try {
    return (text === '' ? {} : JSON.parse(text)) as T;
  } catch {
    throw new SetupError(step, 'UnparsableAnswer');
  }
}
