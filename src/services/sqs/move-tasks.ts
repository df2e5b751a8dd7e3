/**
 * Message move tasks (dead-letter queue redrive): StartMessageMoveTask moves the visible messages
 * of a dead-letter queue back to their source queues (DeadLetterQueueSourceArn) or to a given
 * destination, at most MaxNumberOfMessagesPerSecond a second (else as fast as the store allows);
 * each move is one atomic batch (delete from the DLQ, store in the destination, and the task's
 * record with its new count). Tasks are stored (keys.ts `t`): after a restart, or a kill -9, the
 * list is as it was, a RUNNING task carries on from where it stopped (AWS runs tasks on its side,
 * independent of any client, so a task outlives whatever stopped the emulator), and one that was
 * CANCELLING is CANCELLED. The 10 most recent tasks of a source queue are kept, as
 * ListMessageMoveTasks lists at most 10.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListMessageMoveTasks.html
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../log.js';
import type { BackgroundWorkMarker } from '../../storage/background-markers.js';
import { isAwsError } from '../../errors/aws-error.js';
import { sqsErrors } from './errors.js';
import type { MetaOp } from '../../storage/meta-store.js';
import { encodeMessage } from './message-codec.js';
import { SQS_NS, messageKey, moveTaskKey, moveTaskRange } from './keys.js';
import type { Msg, QueueState } from './queue-state.js';
import { dropMessage } from './drop-message.js';
import { arriveFifo, seenIn } from './fifo-arrival.js';
import { parseQueueArn } from './names.js';
import type { MessageRecord } from './records.js';
import { selectFifo, selectStandard } from './receive-select.js';
import type { Queue, SqsStore } from './store.js';

export type MoveStatus = 'RUNNING' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';

export interface MoveTask {
  id: string;
  handle: string;
  sourceArn: string;
  /**
   * The source queue's id: a queue made again under a deleted one's name has the same ARN but
   * another id, and none of the deleted queue's tasks (absent from tasks stored by earlier builds).
   */
  sourceId?: string;
  destinationArn?: string;
  maxPerSecond?: number;
  status: MoveStatus;
  started: number;
  moved: number;
  toMove: number;
  failureReason?: string;
}

/** How long a FIFO task waits at most before it looks again at a group held in flight. */
const FIFO_HELD_POLL_MS = 200;
/** ... and at least (a stale timer entry may lie in the past). */
const FIFO_HELD_MIN_MS = 10;

/** Tasks kept per source queue (ListMessageMoveTasks answers at most 10). */
const KEPT_PER_SOURCE = 10;

/** Whether `task` is one of `queue`'s (tasks stored before sourceId was kept: by the ARN alone). */
const ofQueue = (task: MoveTask, queue: Queue): boolean => task.sourceArn === queue.arn && (task.sourceId === undefined || task.sourceId === queue.id);

const taskRecord = (task: MoveTask): MetaOp => ({ type: 'put', ns: SQS_NS, key: moveTaskKey(task.id), value: JSON.stringify(task) });

export class MoveTasks {
  readonly #store: SqsStore;
  readonly #log: Logger;
  readonly #marker: BackgroundWorkMarker | undefined;
  /** Newest first. */
  readonly #tasks: MoveTask[] = [];
  readonly #running = new Set<Promise<void>>();
  /** start() calls between their mark() and their task's launch (background-markers.ts drained()). */
  #starting = 0;
  /** A task's end could not be stored: the marker stays, the next start checks. */
  #unsure = false;
  #closed = false;
  /** Aborted on close: ends a FIFO task's wait for a held group. */
  readonly #closing = new AbortController();

  constructor(store: SqsStore, log: Logger, marker?: BackgroundWorkMarker) {
    this.#store = store;
    this.#log = log;
    this.#marker = marker;
  }

  /** The stored tasks; RUNNING ones carry on, CANCELLING ones are CANCELLED. */
  static async open(store: SqsStore, log: Logger, marker?: BackgroundWorkMarker): Promise<MoveTasks> {
    const tasks = new MoveTasks(store, log, marker);
    for await (const [, value] of store.meta.iterate(SQS_NS, moveTaskRange)) tasks.#tasks.push(JSON.parse(value) as MoveTask);
    tasks.#tasks.sort((a, b) => b.started - a.started);
    // Tasks left RUNNING by a build that kept no marker: marked now, so the next start resumes them.
    if (tasks.#tasks.some((t) => t.status === 'RUNNING')) await marker?.mark();
    for (const task of tasks.#tasks) {
      if (task.status === 'CANCELLING') {
        task.status = 'CANCELLED';
        await store.commit([taskRecord(task)]);
      } else if (task.status === 'RUNNING') {
        const source = tasks.queueByArn(task.sourceArn);
        if (source === undefined || !ofQueue(task, source)) await tasks.#fail(task, sqsErrors.queueDoesNotExist());
        else tasks.#launch(task, source);
      }
    }
    tasks.#maybeDrained();
    return tasks;
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
    this.#assertNoActiveTask(source);
    // The marker before the task is stored: a task stored without it would wait for SQS's first
    // request after a restart (storage/background-markers.ts; one file write per process).
    this.#starting++;
    try {
      await this.#marker?.mark();
      return await this.#create(source, destinationArn, maxPerSecond);
    } finally {
      this.#starting--;
    }
  }

  /** One active task per source queue, as AWS allows. */
  #assertNoActiveTask(source: Queue): void {
    if (this.#tasks.some((t) => ofQueue(t, source) && (t.status === 'RUNNING' || t.status === 'CANCELLING'))) {
      throw sqsErrors.invalidParameterValue('There is already a task running. Only one active task is allowed for a source queue arn at a given time.');
    }
  }

  async #create(source: Queue, destinationArn: string | undefined, maxPerSecond: number | undefined): Promise<MoveTask> {
    const state = await source.state(this.#store);
    // Again after the awaits, in the same synchronous run as the task's entry into #tasks: three
    // StartMessageMoveTask of one source sent together all passed the check in start() and ran
    // three tasks at once (race26, 4 of 4 rounds).
    this.#assertNoActiveTask(source);
    const id = randomUUID();
    // Messages in flight count too (AWS: radkawar/stackd testdata/aws/sqs/fifo_redrive.json, case
    // held_progress, 2026-09-12: 3 to move, one of them in flight).
    const counts = state.counters(Date.now());
    const task: MoveTask = {
      id, handle: Buffer.from(JSON.stringify({ taskId: id, sourceArn: source.arn })).toString('base64'),
      sourceArn: source.arn, sourceId: source.id, status: 'RUNNING', started: Date.now(), moved: 0, toMove: counts.visible + counts.notVisible,
      ...(destinationArn !== undefined ? { destinationArn } : {}), ...(maxPerSecond !== undefined ? { maxPerSecond } : {}),
    };
    // Stored before the answer, with the oldest tasks of this source past the 10 kept dropped.
    const ops: MetaOp[] = [taskRecord(task)];
    const ofSource = this.#tasks.filter((t) => t.sourceArn === source.arn);
    for (const old of ofSource.slice(KEPT_PER_SOURCE - 1)) {
      ops.push({ type: 'del', ns: SQS_NS, key: moveTaskKey(old.id) });
      this.#tasks.splice(this.#tasks.indexOf(old), 1);
    }
    this.#tasks.unshift(task);
    await this.#store.commit(ops);
    this.#launch(task, source);
    return task;
  }

  #launch(task: MoveTask, source: Queue): void {
    const run = this.#run(task, source).catch((err: unknown) => this.#fail(task, err));
    this.#running.add(run);
    void run.finally(() => { this.#running.delete(run); this.#maybeDrained(); });
  }

  /** No task runs, none is being started and every end is stored: the marker goes (background-markers.ts). */
  #maybeDrained(): void {
    if (this.#closed || this.#unsure || this.#starting > 0 || this.#running.size > 0) return;
    if (this.#tasks.some((t) => t.status === 'RUNNING' || t.status === 'CANCELLING')) return;
    this.#marker?.drained().catch((err: unknown) => this.#log.warn('sqs: removing the background-work marker failed', { err: String(err) }));
  }

  async #fail(task: MoveTask, err: unknown): Promise<void> {
    task.status = 'FAILED';
    task.failureReason = isAwsError(err) ? (err.queryCode ?? err.code) : 'InternalFailure';
    if (!isAwsError(err)) this.#log.warn('sqs: message move task failed', { task: task.id, err: String(err) });
    await this.#store.commit([taskRecord(task)]).catch((e: unknown) => {
      this.#unsure = true;
      this.#log.warn('sqs: storing a failed move task failed', { task: task.id, err: String(e) });
    });
  }

  /** A task's end (COMPLETED, CANCELLED), stored. */
  async #finish(task: MoveTask, status: 'COMPLETED' | 'CANCELLED'): Promise<void> {
    task.status = status;
    await this.#store.commit([taskRecord(task)]);
  }

  /** The tasks of `source`, newest first: not those of a deleted queue that had its name. */
  list(source: Queue): MoveTask[] {
    return this.#tasks.filter((t) => ofQueue(t, source));
  }

  async cancel(handle: string): Promise<MoveTask> {
    let decoded: { taskId?: unknown; sourceArn?: unknown } | undefined;
    try {
      decoded = JSON.parse(Buffer.from(handle, 'base64').toString('utf8')) as { taskId?: unknown; sourceArn?: unknown };
    } catch { /* answered below */ }
    const taskId = decoded?.taskId;
    if (typeof taskId !== 'string') throw sqsErrors.invalidParameterValue('Value for parameter TaskHandle is invalid.');
    // The handle's queue is looked up before its task (AWS's answers in localstack
    // tests/aws/services/sqs/test_sqs_move_task.snapshot.json, test_cancel_with_invalid_source_arn_in_task_handle, 2024-01-05).
    if (typeof decoded?.sourceArn !== 'string' || this.queueByArn(decoded.sourceArn) === undefined) {
      throw sqsErrors.resourceNotFound('The resource that you specified for the SourceArn parameter doesn\'t exist.');
    }
    const task = this.#tasks.find((t) => t.id === taskId);
    if (task === undefined || !ofQueue(task, this.queueByArn(decoded.sourceArn)!)) throw sqsErrors.resourceNotFound('Task does not exist.');
    if (task.status !== 'RUNNING') throw sqsErrors.unsupportedOperation('Only active tasks can be cancelled.');
    task.status = 'CANCELLING';
    // Stored before the answer: a task cancelled before a crash does not carry on after it.
    await this.#store.commit([taskRecord(task)]);
    return task;
  }

  async #run(task: MoveTask, source: Queue): Promise<void> {
    const state = await source.state(this.#store);
    const perMove = task.maxPerSecond === undefined ? 0 : 1000 / task.maxPerSecond;
    while (!this.#closed) {
      if (task.status === 'CANCELLING') return this.#finish(task, 'CANCELLED');
      // Its queue deleted (its messages taken out of the state): stopped, not completed.
      if (source.deleted) throw sqsErrors.queueDoesNotExist();
      const now = Date.now();
      const [msg] = source.fifo ? selectFifo(state, 1, now) : selectStandard(state, 1, now);
      if (msg === undefined) {
        // A FIFO task waits for a group held by a message in flight in the dead-letter queue, then
        // moves it and the rest of its group in order (AWS: radkawar/stackd testdata/aws/sqs/
        // fifo_redrive.json, cases held_progress..released_destination, 2026-09-12).
        if (!source.fifo || state.messages.size === 0) return this.#finish(task, 'COMPLETED');
        await state.wait(Math.max(FIFO_HELD_MIN_MS, Math.min(FIFO_HELD_POLL_MS, state.nextVisibleAt() - now)), this.#closing.signal);
        continue;
      }
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
      await this.#move(task, source, state, msg, record, target);
      await new Promise((resolve) => (perMove > 0 ? setTimeout(resolve, perMove) : setImmediate(resolve)));
    }
  }

  async #move(task: MoveTask, source: Queue, state: QueueState, msg: Msg, record: MessageRecord, target: Queue): Promise<void> {
    const targetState = await target.state(this.#store);
    const now = Date.now();
    if (target.deleted) {
      // Deleted while its state loaded: the message stays in its source, as when no target is found.
      msg.deleted = false;
      state.add(msg, now);
      throw sqsErrors.queueDoesNotExist();
    }
    const ops: MetaOp[] = [];
    if (target.fifo && seenIn(target, targetState, record.group, record.id, now) !== undefined) {
      // The destination has seen this MessageId as a deduplication id: the message is dropped,
      // not delivered and not counted (fifo_redrive.json, cases send_collision..collision_destination).
      dropMessage(this.#store.bodies, source.id, state, msg, ops);
      await this.#store.commit(ops);
      return;
    }
    const targetSeq = target.numbers.next();
    const { dlqSource: _source, priorReceives: _receives, ...rest } = record;
    // The copy owns its whole body (encodeMessage never writes a shared body's ref).
    const copy: MessageRecord = { ...rest, visibleAt: now };
    // The moved message is a new one, with a new MessageId and SentTimestamp (so its retention
    // starts again): AWS Developer Guide, "Configure a dead-letter queue redrive" ("All redriven
    // messages are considered new messages with a new messageID and enqueueTime"); native AWS,
    // radkawar/stackd testdata/aws/sqs/forwarding_execution.json (a standard message's
    // SentTimestamp after the task started) and fifo_redrive.json, 2026-09-12. Into a FIFO queue it
    // is sequenced and deduplicated by its old MessageId (fifo-arrival.ts).
    Object.assign(copy, { id: target.ids.next(), sent: now });
    if (target.fifo) arriveFifo(target, targetState, copy, targetSeq, record.id, now, ops);
    ops.push({ type: 'put', ns: SQS_NS, key: messageKey(target.id, targetSeq), value: encodeMessage(copy) });
    dropMessage(this.#store.bodies, source.id, state, msg, ops);
    // The task's count moves in the same batch as the message: exact after a crash.
    task.moved++;
    ops.push(taskRecord(task));
    try {
      await this.#store.commit(ops);
    } catch (err) {
      task.moved--;
      throw err;
    }
    targetState.addSent(targetSeq, copy.sent, now, copy.group, now);
    targetState.wake();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#closing.abort();
    await Promise.all([...this.#running]);
  }
}
