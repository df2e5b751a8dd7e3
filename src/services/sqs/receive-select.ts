/**
 * Which messages one ReceiveMessage takes, decided synchronously on the in-memory state so two
 * concurrent receives never take the same message.
 * - Standard queues: visible messages in the order they became visible.
 * - FIFO queues: messages in send order per MessageGroupId; a message that is not visible (in
 *   flight or delayed) holds back the rest of its group, not the messages before it: a message
 *   whose timeout was extended leaves the earlier ones of its group, visible again, to be
 *   received (AWS's answers in localstack's test_sqs.snapshot.json,
 *   test_fifo_group_visibility_extends_with_change_message_visibility, 2025-11-19, and
 *   test_fifo_message_group_visibility_after_change_message_visibility). SQS "first attempts to
 *   return as many messages with the same message group ID as possible", so groups are taken one
 *   after another.
 *   https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-understanding-logic.html
 */
import type { Msg, QueueState } from './queue-state.js';

export function selectStandard(state: QueueState, max: number, now: number): Msg[] {
  state.promote(now);
  const out: Msg[] = [];
  while (out.length < max) {
    const msg = state.takeReady(now);
    if (msg === undefined) break;
    out.push(msg);
  }
  return out;
}

export function selectFifo(state: QueueState, max: number, now: number): Msg[] {
  const held = new Set<string | undefined>();
  const byGroup = new Map<string | undefined, Msg[]>();
  for (const msg of state.messages.values()) {
    if (held.has(msg.group)) continue;
    if (msg.visibleAt > now) { held.add(msg.group); continue; }
    let list = byGroup.get(msg.group);
    if (list === undefined) byGroup.set(msg.group, list = []);
    list.push(msg);
  }
  const out: Msg[] = [];
  for (const list of byGroup.values()) {
    for (const msg of list) {
      if (out.length >= max) return out;
      out.push(msg);
    }
  }
  return out;
}

/** Messages past the retention period, oldest first (they are deleted, never delivered). */
export function expired(state: QueueState, retentionMs: number, now: number): Msg[] {
  const out: Msg[] = [];
  for (const msg of state.messages.values()) {
    // Send order is sent-time order but for redriven messages (they keep their first send time
    // and are checked when selected), so the walk stops at the first young message.
    if (msg.sent + retentionMs > now) break;
    out.push(msg);
  }
  // After the walk: a fresh message taken joins `messages`, and must not be listed twice (each
  // deletion releases the message's share of a shared body once).
  state.takeExpiredFresh(now - retentionMs, out);
  return out;
}
