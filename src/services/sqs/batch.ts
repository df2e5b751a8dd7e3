/**
 * The rules every *Batch operation applies before looking at any entry: at least one entry, at
 * most 10, ids of up to 80 alphanumeric characters, hyphens and underscores, each id once.
 * Failures of single entries are then reported per entry (Failed), not as an error.
 */
import type { FailedItem, SuccessfulItem } from '../../model/generated/sqs-types.js';
import type { MetaOp } from '../../storage/meta-store.js';
import { isAwsError } from '../../errors/aws-error.js';
import { sqsErrors } from './errors.js';

const ID = /^[A-Za-z0-9_-]{1,80}$/;

export function assertBatch(entries: Array<{ Id?: string } | null> | undefined, entryName: string): void {
  if (entries === undefined || entries.length === 0) throw sqsErrors.emptyBatchRequest(entryName);
  if (entries.length > 10) throw sqsErrors.tooManyEntriesInBatchRequest(entries.length);
  const seen = new Set<string>();
  for (const entry of entries) {
    // A null entry ("Entries":[null] over json) has no Id: refused as one without (it was a 500).
    if (entry === null || entry.Id === undefined || !ID.test(entry.Id)) throw sqsErrors.invalidBatchEntryId();
    if (seen.has(entry.Id)) throw sqsErrors.batchEntryIdsNotDistinct(entry.Id);
    seen.add(entry.Id);
  }
}

/** An entry's failure as SQS reports it: the error's (legacy) code and whether it was the sender's fault. */
export function failure(id: string, err: unknown): FailedItem {
  if (!isAwsError(err)) throw err;
  return { Id: id, SenderFault: err.fault === 'Sender', Code: err.queryCode ?? err.code, Message: err.message };
}

/**
 * A batch's answer without its empty lists: AWS leaves `Failed` (and `Successful`) out when there
 * is none, although its model marks both required (aws/aws-sdk#536 and #657, 2023; localstack's
 * re-validated fix, localstack#9710; localstack tests/aws/services/sqs/test_sqs.snapshot.json,
 * test_send_message_batch_with_oversized_contents_with_updated_maximum_message_size, 2024-04-30).
 * An empty list writes nothing in the query protocol's flattened XML either.
 */
export function batchAnswer<S>(Successful: S[], Failed: FailedItem[]): { Successful: S[]; Failed: FailedItem[] } {
  if (Failed.length === 0) return { Successful } as { Successful: S[]; Failed: FailedItem[] };
  if (Successful.length === 0) return { Failed } as { Successful: S[]; Failed: FailedItem[] };
  return { Successful, Failed };
}

/**
 * The receipt-handle batches (DeleteMessageBatch, ChangeMessageVisibilityBatch): each entry's
 * store operations from `opsFor`, or its failure; the successful ones are one atomic commit.
 */
export async function applyByReceiptHandle<E extends { Id: string; ReceiptHandle: string | undefined }>(
  entries: E[],
  opsFor: (entry: E & { ReceiptHandle: string }) => MetaOp[],
  commit: (ops: MetaOp[]) => Promise<void>,
): Promise<{ Successful: SuccessfulItem[]; Failed: FailedItem[] }> {
  const ops: MetaOp[] = [];
  const Successful: SuccessfulItem[] = [];
  const Failed: FailedItem[] = [];
  for (const entry of entries) {
    try {
      if (entry.ReceiptHandle === undefined) throw sqsErrors.missingParameter('ReceiptHandle');
      ops.push(...opsFor(entry as E & { ReceiptHandle: string }));
      Successful.push({ Id: entry.Id });
    } catch (err) {
      Failed.push(failure(entry.Id, err));
    }
  }
  if (ops.length > 0) await commit(ops);
  return batchAnswer(Successful, Failed);
}
