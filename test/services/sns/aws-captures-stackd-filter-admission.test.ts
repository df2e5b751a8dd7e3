/**
 * Which filter policies Subscribe admits, against a raw capture of native AWS (us-east-1,
 * 2026-09-14): radkawar/stackd testdata/aws/sns/filters.json, the `admission-*` observations.
 * The capture keeps each message up to its first line break (the AWS CLI's one-line error), so
 * the first line is compared: where boltstack adds the parser's "\n at [Source: …]" location,
 * other sources pin it (filter-policy-answers.test.ts).
 */
import test from 'ava';
import { snsHarness } from './harness.js';
import { isAwsError } from '../../../src/errors/aws-error.js';

const FILTERS = 'radkawar/stackd testdata/aws/sns/filters.json';
const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:admission';
const REASON = 'Invalid parameter: Attributes Reason: ';

const REFUSED: Array<[label: string, scope: string, policy: string, message: string]> = [
  ['admission-invalid-json', 'MessageAttributes', '{invalid',
    "FilterPolicy: failed to parse JSON. Unexpected character ('i' (code 105)): was expecting double-quote to start field name"],
  ['admission-top-level-array', 'MessageAttributes', '["x"]', 'FilterPolicy: Filter is not an object'],
  ['admission-non-array-leaf', 'MessageAttributes', '{"v":"x"}', 'FilterPolicy: "v" must be an object or an array'],
  ['admission-empty-value-array', 'MessageAttributes', '{"v":[]}', 'FilterPolicy: Empty arrays are not allowed'],
  ['admission-attribute-nesting', 'MessageAttributes', '{"detail":{"state":["ALARM"]}}', 'Filter policy scope MessageAttributes does not support nested filter policy'],
  ['admission-numeric-incomplete', 'MessageAttributes', '{"v":[{"numeric":[">",1,"<="]}]}', 'FilterPolicy: Value of <= must be numeric'],
  ['admission-unknown-operator', 'MessageAttributes', '{"v":[{"owned-unknown":"x"}]}', 'FilterPolicy: Unrecognized match type owned-unknown'],
  ['admission-exists-nonboolean', 'MessageBody', '{"v":[{"exists":"true"}]}', 'FilterPolicy: exists match pattern must be either true or false.'],
  ['admission-or-one-object', 'MessageBody', '{"$or":[{"v":["x"]}]}', 'FilterPolicy: There must have at least 2 Objects in $or relationship.'],
  ['admission-or-literal-field', 'MessageBody', '{"$or":["literal"]}', 'FilterPolicy: Only JSON object is allowed in array of $or relationship.'],
];

for (const [label, scope, policy, message] of REFUSED) {
  test(`Subscribe refuses FilterPolicy ${policy} (${scope}) [${FILTERS} ${label} (2026-09-14)]`, async (t) => {
    const h = await snsHarness();
    try {
      const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'admission' });
      const err = await t.throwsAsync(h.call('Subscribe', {
        TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true,
        Attributes: { FilterPolicyScope: scope, FilterPolicy: policy, RawMessageDelivery: 'false' },
      }));
      if (!isAwsError(err)) return;
      t.deepEqual({ code: err.code, status: err.status, message: err.message.split('\n')[0] }, { code: 'InvalidParameter', status: 400, message: REASON + message });
    } finally {
      await h.close();
    }
  });
}

const ADMITTED: Array<[label: string, policy: string]> = [
  ['admission-anything-but-suffix', '{"v":[{"anything-but":{"suffix":".tmp"}}]}'],
  ['admission-prefix-ignore-case-nesting', '{"v":[{"prefix":{"equals-ignore-case":"abc"}}]}'],
];

for (const [label, policy] of ADMITTED) {
  test(`Subscribe admits FilterPolicy ${policy} and reads it back as given [${FILTERS} ${label}, ${label}-attributes (2026-09-14)]`, async (t) => {
    const h = await snsHarness();
    try {
      const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'admission' });
      const { SubscriptionArn } = await h.call<{ SubscriptionArn: string }>('Subscribe', {
        TopicArn, Protocol: 'sqs', Endpoint: QUEUE, ReturnSubscriptionArn: true,
        Attributes: { FilterPolicyScope: 'MessageAttributes', FilterPolicy: policy, RawMessageDelivery: 'false' },
      });
      const { Attributes } = await h.call<{ Attributes: Record<string, string> }>('GetSubscriptionAttributes', { SubscriptionArn });
      t.like(Attributes, { FilterPolicy: policy, FilterPolicyScope: 'MessageAttributes' });
    } finally {
      await h.close();
    }
  });
}

test(`the two admitted patterns match as their names say (the capture exercised admission only: boltstack's reading, as EventBridge documents the same patterns) [${FILTERS} evidence_summary (2026-09-14)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'admission' });
    const policy = { $or: [{ a: [{ 'anything-but': { suffix: '.tmp' } }] }, { p: [{ prefix: { 'equals-ignore-case': 'abc' } }] }] };
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE, Attributes: { FilterPolicy: JSON.stringify(policy) } });
    const s = (v: string) => ({ DataType: 'String', StringValue: v });
    for (const [message, attributes] of [['kept', { a: s('x.txt') }], ['dropped', { a: s('x.tmp') }], ['prefixed', { p: s('ABCdef') }], ['other', { p: s('xabc') }]] as const) {
      await h.call('Publish', { TopicArn, Message: message, MessageAttributes: attributes });
    }
    t.deepEqual(h.sqs.to(QUEUE).map((d) => (JSON.parse(d.body) as { Message: string }).Message), ['kept', 'prefixed']);
  } finally {
    await h.close();
  }
});

const RULES = 'radkawar/stackd testdata/aws/sns/message_rules.json';

test(`the 5-key limit counts the keys of every $or branch: 10 branches over 3 distinct keys (19 in all) are refused; 5 top-level keys, and 5 one-key branches, are admitted [${RULES} previous_attempts fresh-subscribe-numeric-and-control, and the final run's fresh-subscribe-numeric-and-control (2026-09-14); ${FILTERS} string-operators-subscribe]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'keys' });
    const subscribe = (name: string, policy: string) => h.call('Subscribe', {
      TopicArn, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:000000000000:${name}`, ReturnSubscriptionArn: true,
      Attributes: { FilterPolicyScope: 'MessageAttributes', FilterPolicy: policy },
    });
    const refused = '{"$or": [{"control": ["yes"]}, {"case": ["half-exact"], "n": [0.5]}, {"case": ["half-numeric"], "n": [{"numeric": ["=", 0.5]}]}, '
      + '{"case": ["five-exact"], "n": [5]}, {"case": ["five-numeric"], "n": [{"numeric": ["=", 5]}]}, {"case": ["lower-exact"], "n": [1.23456]}, '
      + '{"case": ["upper-exact"], "n": [1.23457]}, {"case": ["interior"], "n": [{"numeric": [">", 1.23456, "<", 1.23457]}]}, '
      + '{"case": ["half-string"], "n": [".5"]}, {"case": ["precision-string"], "n": ["1.234565"]}]}';
    const err = await t.throwsAsync(subscribe('refused', refused));
    if (isAwsError(err)) {
      t.deepEqual({ code: err.code, status: err.status, message: err.message },
        { code: 'InvalidParameter', status: 400, message: `${REASON}FilterPolicy: Filter policy can not have more than 5 keys` });
    }
    await t.notThrowsAsync(subscribe('five', '{"half": [0.5, "control"], "five": [5, "control"], "lower": [1.23456, "control"], "upper": [1.23457, "control"], '
      + '"numeric": [{"numeric": ["=", 0.5]}, {"numeric": ["=", 5]}, {"numeric": [">", 1.23456, "<", 1.23457]}, "control"]}'));
    await t.notThrowsAsync(subscribe('branches', JSON.stringify({ $or: [{ p: [{ prefix: 'pre-' }] }, { s: [{ suffix: '.json' }] },
      { i: [{ 'equals-ignore-case': 'ALARM' }] }, { d: [{ 'anything-but': ['bad'] }] }, { n: [{ 'anything-but': { prefix: 'skip-' } }] }] })));
  } finally {
    await h.close();
  }
});
