/**
 * Message move tasks (dead-letter queue redrive): StartMessageMoveTask moves the visible messages
 * of a dead-letter queue back to their source queues (DeadLetterQueueSourceArn) or to a given
 * destination, at most MaxNumberOfMessagesPerSecond a second (else as fast as the store allows);
 * each move is one atomic batch (delete from the DLQ, store in the destination). Tasks are held
 * in memory: after a restart the list is empty (moved messages stay moved).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../log.js';
import { isAwsError } from '../../errors/aws-error.js';
import { sqsErrors } from './errors.js';
import type { MetaOp } from '../../storage/meta-store.js';
import { encodeMessage } from './message-codec.js';
import { SQS_NS, messageKey } from './keys.js';
import type { Msg, QueueState } from './queue-state.js';
import { dropMessage } from './drop-message.js';
import { parseQueueArn } from './names.js';
import type { MessageRecord } from './records.js';
import { selectFifo, selectStandard } from './receive-select.js';
import type { Queue, SqsStore } from './store.js';

export type MoveStatus = 'RUNNING' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';

export interface MoveTask {
  id: string;
  handle: string;
  sourceArn: string;
  destinationArn?: string;
  maxPerSecond?: number;
  status: MoveStatus;
  started: number;
  moved: number;
  toMove: number;
  failureReason?: string;
}

export class MoveTasks {
  readonly #store: SqsStore;
  readonly #log: Logger;
  readonly #tasks: MoveTask[] = [];
  readonly #running = new Set<Promise<void>>();
  #closed = false;

  constructor(store: SqsStore, log: Logger) {
    this.#store = store;
    this.#log = log;
  }

  queueByArn(arn: string): Queue | undefined {
    const address = parseQueueArn(arn);
    return address === undefined ? undefined : this.#store.find(address);
  }

  async start(sourceArn: string, destinationArn: string | undefined, maxPerSecond: number | undefined): Promise<MoveTask> {
    const source = this.queueByArn(sourceArn);
    if (source === undefined) throw sqsErrors.resourceNotFound('The resource that you specified for the SourceArn parameter doesn\'t exist.');
    const isDlq = [...this.#store.all()].some((q) => {
      const p = q.record.attributes.RedrivePolicy;
      return p !== undefined && p !== '' && (JSON.parse(p) as { deadLetterTargetArn: string }).deadLetterTargetArn === source.arn;
    });
    if (!isDlq) throw sqsErrors.invalidParameterValue('Source queue must be configured as a Dead Letter Queue.');
    if (destinationArn !== undefined && this.queueByArn(destinationArn) === undefined) {
      throw sqsErrors.resourceNotFound('The resource that you specified for the DestinationArn parameter doesn\'t exist.');
    }
    if (maxPerSecond !== undefined && (!Number.isInteger(maxPerSecond) || maxPerSecond < 1 || maxPerSecond > 500)) {
      throw sqsErrors.invalidValue(maxPerSecond, 'MaxNumberOfMessagesPerSecond', 'Must be between 1 and 500, if provided.');
    }
    if (this.#tasks.some((t) => t.sourceArn === source.arn && (t.status === 'RUNNING' || t.status === 'CANCELLING'))) {
      throw sqsErrors.invalidParameterValue('There is already a task running. Only one active task is allowed for a source queue arn at a given time.');
    }
    const state = await source.state(this.#store);
    const id = randomUUID();
    const task: MoveTask = {
      id, handle: Buffer.from(JSON.stringify({ taskId: id, sourceArn: source.arn })).toString('base64'),
      sourceArn: source.arn, status: 'RUNNING', started: Date.now(), moved: 0, toMove: state.counters(Date.now()).visible,
      ...(destinationArn !== undefined ? { destinationArn } : {}), ...(maxPerSecond !== undefined ? { maxPerSecond } : {}),
    };
    this.#tasks.unshift(task);
    const run = this.#run(task, source).catch((err: unknown) => {
      task.status = 'FAILED';
      task.failureReason = isAwsError(err) ? (err.queryCode ?? err.code) : 'InternalFailure';
      if (!isAwsError(err)) this.#log.warn('sqs: message move task failed', { task: id, err: String(err) });
    });
    this.#running.add(run);
    void run.finally(() => this.#running.delete(run));
    return task;
  }

  list(sourceArn: string): MoveTask[] {
    return this.#tasks.filter((t) => t.sourceArn === sourceArn);
  }

  cancel(handle: string): MoveTask {
    let taskId: string | undefined;
    try {
      taskId = (JSON.parse(Buffer.from(handle, 'base64').toString('utf8')) as { taskId?: string }).taskId;
    } catch { /* answered below */ }
    if (typeof taskId !== 'string') throw sqsErrors.invalidParameterValue('Value for parameter TaskHandle is invalid.');
    const task = this.#tasks.find((t) => t.id === taskId);
    if (task === undefined) throw sqsErrors.resourceNotFound('Task does not exist.');
    if (task.status !== 'RUNNING') throw sqsErrors.unsupportedOperation('Only active tasks can be cancelled.');
    task.status = 'CANCELLING';
    return task;
  }

  async #run(task: MoveTask, source: Queue): Promise<void> {
    const state = await source.state(this.#store);
    const perMove = task.maxPerSecond === undefined ? 0 : 1000 / task.maxPerSecond;
    while (!this.#closed) {
      if (task.status === 'CANCELLING') { task.status = 'CANCELLED'; return; }
      const now = Date.now();
      const [msg] = source.fifo ? selectFifo(state, 1, now) : selectStandard(state, 1, now);
      if (msg === undefined) { task.status = 'COMPLETED'; return; }
      // Out of the state at once, so no other operation deletes it meanwhile (drop-message.ts).
      state.remove(msg);
      const [record] = await this.#store.readMessages(source, [msg.seq]);
      if (record === undefined) continue;
      msg.ref = record.ref ?? 0;
      const targetArn = task.destinationArn ?? record.dlqSource;
      const target = targetArn === undefined ? undefined : this.queueByArn(targetArn);
      if (target === undefined) {
        msg.deleted = false;
        state.add(msg, now);
        throw sqsErrors.queueDoesNotExist();
      }
      await this.#move(source, state, msg, record, target);
      task.moved++;
      await new Promise((resolve) => (perMove > 0 ? setTimeout(resolve, perMove) : setImmediate(resolve)));
    }
  }

  async #move(source: Queue, state: QueueState, msg: Msg, record: MessageRecord, target: Queue): Promise<void> {
    const targetState = await target.state(this.#store);
    const now = Date.now();
    const targetSeq = targetState.nextSeq++;
    const { dlqSource: _source, priorReceives: _receives, ...rest } = record;
    // The copy owns its whole body (encodeMessage never writes a shared body's ref).
    const copy: MessageRecord = { ...rest, visibleAt: now };
    const ops: MetaOp[] = [{ type: 'put', ns: SQS_NS, key: messageKey(target.id, targetSeq), value: encodeMessage(copy) }];
    dropMessage(this.#store.bodies, source.id, state, msg, ops);
    await this.#store.commit(ops);
    targetState.addSent(targetSeq, copy.sent, now, copy.group, now);
    targetState.wake();
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#running]);
  }
}
