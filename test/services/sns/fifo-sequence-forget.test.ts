/**
 * FifoSequences.forget (DeleteTopic of a FIFO topic) against a topic made again under the same
 * name while the old topic's reservation write is still in flight: the new topic's reservation
 * must survive, or a restart would hand its numbers out again (found by reading, fuzzx helper).
 */
import test from 'ava';
import { MemoryMetaStore } from '../../../src/storage/memory/index.js';
import { FifoSequences } from '../../../src/services/sns/fifo-sequence.js';
import { SNS_NS, sequenceKey } from '../../../src/services/sns/keys.js';

/** A store whose puts wait until released, so a reservation can be held in flight. */
class SlowPuts extends MemoryMetaStore {
  readonly held: Array<() => void> = [];
  override async put(ns: string, key: string, value: string): Promise<void> {
    await new Promise<void>((resolve) => this.held.push(resolve));
    return super.put(ns, key, value);
  }
}

test('a topic made again while the old reservation is written keeps its own reservation', async (t) => {
  const meta = new SlowPuts();
  const arn = 'arn:aws:sns:us-east-1:000000000000:t.fifo';
  const sequences = await FifoSequences.open(meta);
  const oldWrite = sequences.reserve(arn);
  t.truthy(oldWrite);
  const forgetting = sequences.forget(arn);
  // The topic is made again and publishes before the old write has landed.
  const newWrite = sequences.reserve(arn);
  t.truthy(newWrite);
  // The new topic's write lands first, then the old one: forget's delete comes after both.
  meta.held[1]!();
  await newWrite;
  meta.held[0]!();
  await oldWrite;
  await forgetting;
  t.is(await meta.get(SNS_NS, sequenceKey(arn)), '1003', 'the new topic\'s reservation is kept');
  t.is(sequences.request(arn)(), '10000000000000003000', 'the new topic starts again at 3');
});
