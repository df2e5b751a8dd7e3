/**
 * The SQS service: its operation table, its store, and the in-process API SNS delivers through.
 * Operations of the model that are not listed here answer NotImplemented (the gateway does that).
 */
import type { Service, ServiceDeps } from '../types.js';
import type { SqsDeps, SqsHandler } from './context.js';
import type { BodyFinisher } from './internal-api.js';
import { createInternalApi } from './internal.js';
import { MoveTasks } from './move-tasks.js';
import { SqsStore } from './store.js';
import { changeMessageVisibility, changeMessageVisibilityBatch } from './operations/change-message-visibility.js';
import { createQueue } from './operations/create-queue.js';
import { deleteMessage } from './operations/delete-message.js';
import { deleteMessageBatch } from './operations/delete-message-batch.js';
import { deleteQueue } from './operations/delete-queue.js';
import { getQueueUrl } from './operations/get-queue-url.js';
import { listDeadLetterSourceQueues } from './operations/list-dead-letter-source-queues.js';
import { listQueues } from './operations/list-queues.js';
import { cancelMessageMoveTask, listMessageMoveTasks, startMessageMoveTask } from './operations/message-move-tasks.js';
import { addPermission, removePermission } from './operations/permissions.js';
import { purgeQueue } from './operations/purge-queue.js';
import { getQueueAttributes, setQueueAttributes } from './operations/queue-attributes.js';
import { receiveMessage } from './operations/receive-message.js';
import { sendMessage } from './operations/send-message.js';
import { sendMessageBatch } from './operations/send-message-batch.js';
import { listQueueTags, tagQueue, untagQueue } from './operations/tag-queue.js';

// The table erases each handler's own input/output types; the gateway passes decoded input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const HANDLERS: Record<string, SqsHandler<any, any>> = {
  CreateQueue: createQueue, GetQueueUrl: getQueueUrl, ListQueues: listQueues, DeleteQueue: deleteQueue,
  GetQueueAttributes: getQueueAttributes, SetQueueAttributes: setQueueAttributes, PurgeQueue: purgeQueue,
  SendMessage: sendMessage, SendMessageBatch: sendMessageBatch, ReceiveMessage: receiveMessage,
  DeleteMessage: deleteMessage, DeleteMessageBatch: deleteMessageBatch,
  ChangeMessageVisibility: changeMessageVisibility, ChangeMessageVisibilityBatch: changeMessageVisibilityBatch,
  TagQueue: tagQueue, UntagQueue: untagQueue, ListQueueTags: listQueueTags,
  AddPermission: addPermission, RemovePermission: removePermission,
  ListDeadLetterSourceQueues: listDeadLetterSourceQueues,
  StartMessageMoveTask: startMessageMoveTask, ListMessageMoveTasks: listMessageMoveTasks, CancelMessageMoveTask: cancelMessageMoveTask,
};

export const implementedOperations: readonly string[] = Object.keys(HANDLERS);

export async function createSqsService(deps: ServiceDeps): Promise<Service> {
  const peer = deps.peer;
  // A deferred shared body (SNS's envelope, signed when first read) is finished by its sender,
  // created on first need when the body was stored before this start.
  const finish = peer && (async (by: 'sns', head: string): Promise<string> => {
    const finisher = (await peer(by))?.internal as BodyFinisher | undefined;
    if (finisher === undefined) throw new Error(`sqs: no ${by} service to finish a deferred body`);
    return finisher.finishBody(head);
  });
  const store = await SqsStore.open(deps.meta, deps.log, finish);
  const moveTasks = await MoveTasks.open(store, deps.log, deps.backgroundWork);
  const sqs: SqsDeps = { store, features: deps.features, log: deps.log, moveTasks };
  const operations: Service['operations'] = {};
  for (const [name, handler] of Object.entries(HANDLERS)) operations[name] = (ctx, input) => handler(sqs, ctx, input);
  return {
    operations,
    internal: createInternalApi(store),
    async close() {
      await moveTasks.close();
      await store.close();
    },
  };
}
