/**
 * Seeded random SQS sessions against a reference model of the queue, as DynamoDB's random-model
 * test does for tables: SendMessage, SendMessageBatch, ReceiveMessage, DeleteMessage,
 * ChangeMessageVisibility to 0 and the Approximate* counters, with a restart of the server on the
 * same data dir half way. After every step the answers must be the model's:
 * - nothing received that was deleted or is in flight, nothing lost, bodies intact;
 * - a receive with messages available returns some;
 * - FIFO: per group, messages in send order; a message in flight holds back the rest of its
 *   group, not the messages before it (AWS SQS Developer Guide, "FIFO queue logic": no more
 *   messages of the group until it is deleted or visible; AWS's recordings in localstack's
 *   test_sqs.snapshot.json, test_fifo_group_visibility_extends_with_change_message_visibility,
 *   2025-11-19: the earlier messages of the group come again); a deduplication id seen within 5 minutes
 *   answers the first send's MessageId and adds nothing;
 * - a message made visible again (visibility 0) is received again, first in its group;
 * - ApproximateNumberOfMessages / NotVisible equal the model's (boltstack's are exact);
 * - receipt handles and in-flight state survive the restart.
 * Visibility timeouts are 10 minutes, so nothing expires by the clock during the test.
 */
import test from 'ava';
import type { Boltstack } from '../../../src/index.js';
import { seededRandom, type Random } from '../../helpers/model-inputs.js';
import { startBoltstack, tempDir } from '../../helpers/server.js';
import { sqsJsonOk } from '../../helpers/sqs.js';

interface ModelMessage { id: string; body: string; group: string; inFlight: boolean; handle?: string }

/** A FIFO group's messages (in send order) that can be received: those before its first one in flight. */
const beforeInFlight = (list: ModelMessage[]): ModelMessage[] => {
  const first = list.findIndex((m) => m.inFlight);
  return first === -1 ? list : list.slice(0, first);
};
interface Received { MessageId: string; Body: string; ReceiptHandle: string }

const STEPS = 500;
const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

async function session(t: import('ava').ExecutionContext, fifo: boolean, seed: number): Promise<void> {
  const random = seededRandom(seed);
  const dir = await tempDir();
  let server: Boltstack = await startBoltstack({ port: 0, dataDir: dir.dir });
  t.teardown(async () => { await server.stop(); await dir.remove(); });
  const call = (operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> => sqsJsonOk(server.endpoint, operation, input);

  const name = fifo ? 'model.fifo' : 'model';
  const { QueueUrl } = await call('CreateQueue', { QueueName: name, Attributes: { VisibilityTimeout: '600', ...(fifo ? { FifoQueue: 'true' } : {}) } }) as { QueueUrl: string };
  const groups = new Map<string, ModelMessage[]>();
  const live = new Map<string, ModelMessage>();
  const dedup = new Map<string, string>();
  let sent = 0;
  const problems: string[] = [];
  const problem = (step: number, text: string): void => { if (problems.length < 10) problems.push(`step ${step}: ${text}`); };

  for (let step = 0; step < STEPS; step++) {
    if (step === STEPS / 2) {
      await server.stop();
      server = await startBoltstack({ port: 0, dataDir: dir.dir });
    }
    const action = pick(random, ['send', 'send', 'batch', 'receive', 'receive', 'delete', 'delete', 'visible', 'counts'] as const);
    if (action === 'send' || action === 'batch') {
      const entries = Array.from({ length: action === 'send' ? 1 : 1 + Math.floor(random() * 4) }, (_, i) => {
        const body = `m${sent++}`;
        // One send in ten repeats an earlier deduplication id.
        const dedupId = random() < 0.1 && sent > 1 ? `d${Math.floor(random() * (sent - 1))}` : `d${sent - 1}`;
        return { Id: `e${i}`, MessageBody: body, group: fifo ? pick(random, ['a', 'b', 'c']) : '-', dedupId };
      });
      const fifoMembers = (e: typeof entries[number]) => (fifo ? { MessageGroupId: e.group, MessageDeduplicationId: e.dedupId } : {});
      let ids: (string | undefined)[];
      if (action === 'send') {
        const e = entries[0]!;
        ids = [(await call('SendMessage', { QueueUrl, MessageBody: e.MessageBody, ...fifoMembers(e) })).MessageId as string];
      } else {
        const out = await call('SendMessageBatch', { QueueUrl, Entries: entries.map((e) => ({ Id: e.Id, MessageBody: e.MessageBody, ...fifoMembers(e) })) });
        const ok = (out.Successful ?? []) as { Id: string; MessageId: string }[];
        ids = entries.map((e) => ok.find((s) => s.Id === e.Id)?.MessageId);
      }
      entries.forEach((e, i) => {
        const id = ids[i];
        if (id === undefined) return problem(step, `${e.Id} not sent`);
        if (fifo && dedup.has(e.dedupId)) {
          if (id !== dedup.get(e.dedupId)) problem(step, `deduplicated send of ${e.dedupId} answered ${id}, not ${dedup.get(e.dedupId)}`);
          return;
        }
        if (fifo) dedup.set(e.dedupId, id);
        const message: ModelMessage = { id, body: e.MessageBody, group: e.group, inFlight: false };
        live.set(id, message);
        groups.set(e.group, [...groups.get(e.group) ?? [], message]);
      });
    } else if (action === 'receive') {
      const max = pick(random, [1, 2, 5, 10]);
      const got = ((await call('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: max, WaitTimeSeconds: 0 })).Messages ?? []) as Received[];
      const available = fifo
        ? [...groups.values()].reduce((n, list) => n + beforeInFlight(list).length, 0)
        : [...live.values()].filter((m) => !m.inFlight).length;
      if (got.length > max) problem(step, `${got.length} messages for MaxNumberOfMessages ${max}`);
      if (got.length === 0 && available > 0) problem(step, `nothing received with ${available} available`);
      const nextInGroup = new Map<string, number>();
      for (const message of got) {
        const m = live.get(message.MessageId);
        if (m === undefined) { problem(step, `received ${message.Body}, deleted or never sent`); continue; }
        if (m.body !== message.Body) problem(step, `body ${message.Body} for ${m.body}`);
        if (m.inFlight) problem(step, `received ${m.body} while in flight`);
        if (fifo) {
          const list = groups.get(m.group)!;
          if (!beforeInFlight(list).includes(m)) problem(step, `group ${m.group}: ${m.body} came after a message in flight`);
          const at = nextInGroup.get(m.group) ?? 0;
          if (list[at] !== m) problem(step, `group ${m.group}: ${m.body} where ${list[at]?.body} comes first`);
          nextInGroup.set(m.group, at + 1);
        }
      }
      for (const message of got) {
        const m = live.get(message.MessageId);
        if (m !== undefined) { m.inFlight = true; m.handle = message.ReceiptHandle; }
      }
    } else if (action === 'delete' || action === 'visible') {
      const inFlight = [...live.values()].filter((m) => m.inFlight);
      if (inFlight.length === 0) continue;
      const m = pick(random, inFlight);
      if (action === 'delete') {
        await call('DeleteMessage', { QueueUrl, ReceiptHandle: m.handle });
        live.delete(m.id);
        const list = groups.get(m.group)!;
        list.splice(list.indexOf(m), 1);
      } else {
        await call('ChangeMessageVisibility', { QueueUrl, ReceiptHandle: m.handle, VisibilityTimeout: 0 });
        m.inFlight = false;
      }
    } else {
      const { Attributes } = await call('GetQueueAttributes', { QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }) as { Attributes: Record<string, string> };
      const visible = [...live.values()].filter((m) => !m.inFlight).length;
      const counts = `${Attributes.ApproximateNumberOfMessages}/${Attributes.ApproximateNumberOfMessagesNotVisible}`;
      if (counts !== `${visible}/${live.size - visible}`) problem(step, `counts ${counts}, model ${visible}/${live.size - visible}`);
    }
  }
  t.log(`${sent} sent, ${live.size} left`);
  t.deepEqual(problems, []);
}

test('standard queue: random sends, receives, deletes and visibility changes agree with the model, across a restart', (t) => session(t, false, 11));
test('FIFO queue: order per group, group holds, deduplication, visibility changes agree with the model, across a restart', (t) => session(t, true, 12));
