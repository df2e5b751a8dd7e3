/**
 * Filter policies on message attributes against a raw capture of native AWS (us-east-1,
 * 2026-09-14): radkawar/stackd testdata/aws/sns/filters.json, its `cases` (the policies and
 * messages) and `case_results` (which were delivered). A bounded receive window is AWS's only
 * evidence for a non-delivery; each test cites the receive labels.
 */
import test from 'ava';
import { snsHarness } from './harness.js';

const FILTERS = 'radkawar/stackd testdata/aws/sns/filters.json';

type Attributes = Record<string, { DataType: string; StringValue: string }>;
const s = (v: string) => ({ DataType: 'String', StringValue: v });

async function delivered(policy: unknown, cases: Array<[string, Attributes]>): Promise<string[]> {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'filters' });
    const queue = 'arn:aws:sqs:us-east-1:000000000000:filters';
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: queue, Attributes: { FilterPolicy: JSON.stringify(policy) } });
    for (const [label, attributes] of cases) await h.call('Publish', { TopicArn, Message: JSON.stringify({ probe_case: label }), MessageAttributes: attributes });
    return h.sqs.to(queue).map((d) => (JSON.parse((JSON.parse(d.body) as { Message: string }).Message) as { probe_case: string }).probe_case);
  } finally {
    await h.close();
  }
}

test(`a value list of "blue" and a numeric range matches String blue, a String.Array holding blue and Number 5; not String "5", Number 0 or 11 [${FILTERS} types-range-subscribe, types-range-receive-0, types-range-receive-1 (2026-09-14)]`, async (t) => {
  t.deepEqual(await delivered({ v: ['blue', { numeric: ['>', 0, '<=', 10] }] }, [
    ['type-string-exact', { v: s('blue') }], ['type-string-array-member', { v: { DataType: 'String.Array', StringValue: '["red","blue"]' } }],
    ['type-number-in-range', { v: { DataType: 'Number', StringValue: '5' } }], ['type-string-number', { v: s('5') }],
    ['range-exclusive-lower', { v: { DataType: 'Number', StringValue: '0' } }], ['range-above-upper', { v: { DataType: 'Number', StringValue: '11' } }],
  ]), ['type-string-exact', 'type-string-array-member', 'type-number-in-range']);
});

test(`prefix, suffix, equals-ignore-case, anything-but and anything-but prefix under $or; a String.Array [bad, good] passes anything-but [bad] [${FILTERS} string-operators-subscribe, string-operators-receive-0..3 (2026-09-14)]`, async (t) => {
  const policy = { $or: [{ p: [{ prefix: 'pre-' }] }, { s: [{ suffix: '.json' }] }, { i: [{ 'equals-ignore-case': 'ALARM' }] },
    { d: [{ 'anything-but': ['bad'] }] }, { n: [{ 'anything-but': { prefix: 'skip-' } }] }] };
  t.deepEqual(await delivered(policy, [
    ['prefix-match', { p: s('pre-event') }], ['prefix-mismatch', { p: s('other-pre') }],
    ['suffix-match', { s: s('event.json') }], ['suffix-mismatch', { s: s('event.json.old') }],
    ['ignore-case-match', { i: s('aLaRm') }], ['ignore-case-mismatch', { i: s('ALARMING') }],
    ['anything-but-match', { d: s('good') }], ['anything-but-mismatch', { d: s('bad') }],
    ['anything-but-prefix-match', { n: s('send-event') }], ['anything-but-prefix-mismatch', { n: s('skip-event') }],
    ['anything-but-mixed-array', { d: { DataType: 'String.Array', StringValue: '["bad","good"]' } }],
  ]), ['prefix-match', 'suffix-match', 'ignore-case-match', 'anything-but-match', 'anything-but-prefix-match', 'anything-but-mixed-array']);
});
