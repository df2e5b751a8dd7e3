/** The stream an operation names by ARN, or AWS's error for a malformed or unknown one. */
import { streamNotFound, streamValidation } from '../errors.js';
import { parseStreamArn } from '../names.js';
import type { StreamState } from '../types.js';
import { checkLength, checkRequired } from '../validate.js';
import type { StreamsDeps } from './context.js';

export async function findStream(deps: StreamsDeps, arn: string | undefined): Promise<StreamState> {
  checkRequired(arn, 'streamArn');
  checkLength(arn, 'streamArn', 37, 1024);
  if (!parseStreamArn(arn!)) throw streamValidation('Invalid StreamArn');
  const d = await deps.store.byArn(arn!);
  if (!d) throw streamNotFound(arn!);
  return d;
}
