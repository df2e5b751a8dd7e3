/**
 * The rules every *Batch operation applies before looking at any entry: at least one entry, at
 * most 10, ids of up to 80 alphanumeric characters, hyphens and underscores, each id once.
 * Failures of single entries are then reported per entry (Failed), not as an error.
 */
import type { FailedItem } from '../../model/generated/sqs-types.js';
import { isAwsError } from '../../errors/aws-error.js';
import { sqsErrors } from './errors.js';

const ID = /^[A-Za-z0-9_-]{1,80}$/;

export function assertBatch(entries: Array<{ Id?: string }> | undefined, entryName: string): void {
  if (entries === undefined || entries.length === 0) throw sqsErrors.emptyBatchRequest(entryName);
  if (entries.length > 10) throw sqsErrors.tooManyEntriesInBatchRequest(entries.length);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.Id === undefined || !ID.test(entry.Id)) throw sqsErrors.invalidBatchEntryId();
    if (seen.has(entry.Id)) throw sqsErrors.batchEntryIdsNotDistinct(entry.Id);
    seen.add(entry.Id);
  }
}

/** An entry's failure as SQS reports it: the error's (legacy) code and whether it was the sender's fault. */
export function failure(id: string, err: unknown): FailedItem {
  if (!isAwsError(err)) throw err;
  return { Id: id, SenderFault: err.fault === 'Sender', Code: err.queryCode ?? err.code, Message: err.message };
}
