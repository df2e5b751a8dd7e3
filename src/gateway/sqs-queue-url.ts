/**
 * SQS requests may be sent to the queue's URL (http://<host>/<account>/<name>), as the query
 * protocol's clients do and AWS accepts; the QueueUrl parameter may then be left out. This fills
 * it in from the path, so the service only ever reads QueueUrl.
 */
import type { OperationModel } from '../model/types.js';

// A trailing slash is the queue too: AWS's query examples write `.../MyQueue/?Action=...`, and
// such URLs end up in configurations (kombu's predefined_queues).
const QUEUE_PATH = /^\/\d{12}\/[^/]+\/?$/;

export function queueUrlFromPath(input: Record<string, unknown>, operation: OperationModel, path: string, host: string | undefined): void {
  if (input.QueueUrl !== undefined || operation.input?.members?.QueueUrl === undefined || !QUEUE_PATH.test(path)) return;
  input.QueueUrl = `http://${host ?? 'localhost'}${path.endsWith('/') ? path.slice(0, -1) : path}`;
}

/**
 * CreateQueue and ListQueues sent to a queue's URL: SQS refuses them there as actions "not valid
 * for this endpoint" (localstack's TestSqsQueryApi test_get_create_queue_fails and
 * test_get_list_queues_fails, aws.validated), while GetQueueUrl and the queue's own actions run.
 */
export function isAccountActionOnQueuePath(action: string, path: string): boolean {
  return (action === 'CreateQueue' || action === 'ListQueues') && QUEUE_PATH.test(path);
}
