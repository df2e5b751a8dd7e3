/**
 * Which message reaches which filtered subscription, and how json-structured messages are taken
 * apart, against a raw capture of native AWS (us-east-1, 2026-09-14): radkawar/stackd
 * testdata/aws/sns/message_rules.json, its final run (`observations`). Three SQS subscriptions on
 * one topic: `numeric` (MessageAttributes scope, five keys each of a number or "control"),
 * `default` and `sqs` (MessageBody scope, `$or` of a route value or a `default` key starting "{").
 * Every publication below is the capture's; the expected queues are the receipts of its two
 * receive windows (first-receipt-window-*, late-receipt-window-*). The 5-key refusal of the
 * earlier attempt is pinned in aws-captures-stackd-filter-admission.test.ts.
 */
import test from 'ava';
import { snsHarness, type Harness } from './harness.js';
import { isAwsError } from '../../../src/errors/aws-error.js';

const RULES = 'radkawar/stackd testdata/aws/sns/message_rules.json';
const QUEUE = (name: string) => `arn:aws:sqs:us-east-1:000000000000:rules-${name}`;
const POLICIES = {
  numeric: ['MessageAttributes', '{"half": [0.5, "control"], "five": [5, "control"], "lower": [1.23456, "control"], "upper": [1.23457, "control"], '
    + '"numeric": [{"numeric": ["=", 0.5]}, {"numeric": ["=", 5]}, {"numeric": [">", 1.23456, "<", 1.23457]}, "control"]}'],
  default: ['MessageBody', '{"$or": [{"route": ["default"]}, {"default": [{"prefix": "{"}]}]}'],
  sqs: ['MessageBody', '{"$or": [{"route": ["sqs"]}, {"default": [{"prefix": "{"}]}]}'],
} as const;
type Queue = keyof typeof POLICIES;

type Attribute = { DataType: string; StringValue: string };
const KEYS = ['half', 'five', 'lower', 'upper', 'numeric'] as const;
/** The five attributes, each "control" but the ones given. */
const attributes = (set: Partial<Record<(typeof KEYS)[number], Attribute>> = {}): Record<string, Attribute> =>
  Object.fromEntries(KEYS.map((k) => [k, set[k] ?? { DataType: 'String', StringValue: 'control' }]));
const num = (v: string): Attribute => ({ DataType: 'Number', StringValue: v });
const str = (v: string): Attribute => ({ DataType: 'String', StringValue: v });

const route = (r: string) => JSON.stringify({ route: r, probe: 'p' });
const DEFAULT_SQS = JSON.stringify({ default: route('default'), sqs: route('sqs') });

async function setUp(): Promise<{ h: Harness; TopicArn: string }> {
  const h = await snsHarness();
  const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'rules' });
  for (const [name, [scope, policy]] of Object.entries(POLICIES)) {
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE(name), Attributes: { FilterPolicyScope: scope, FilterPolicy: policy } });
  }
  return { h, TopicArn };
}

/** The labels each queue received, by the MessageId of each delivery's envelope. */
function received(h: Harness, labels: Map<string, string>): Record<Queue, string[]> {
  const out = { numeric: [], default: [], sqs: [] } as Record<Queue, string[]>;
  for (const name of Object.keys(POLICIES) as Queue[]) {
    for (const d of h.sqs.to(QUEUE(name))) out[name].push(labels.get((JSON.parse(d.body) as { MessageId: string }).MessageId) ?? '?');
    out[name].sort();
  }
  return out;
}

// [label, entries: [id, attributes set]] — PublishBatch entries of numeric-* rows.
const NUMERIC_BATCHES: Array<[string, Array<[string, Partial<Record<(typeof KEYS)[number], Attribute>>]>]> = [
  ['numeric-half-number', [['half-exact', { half: num('.5') }], ['half-numeric', { numeric: num('.5') }]]],
  ['numeric-half-string', [['half-exact', { half: str('.5') }], ['half-numeric', { numeric: str('.5') }]]],
  ['numeric-five-number', [['five-exact', { five: num('5.') }], ['five-numeric', { numeric: num('5.') }]]],
  ['numeric-five-string', [['five-exact', { five: str('5.') }], ['five-numeric', { numeric: str('5.') }]]],
  ...(['1.23456', '1.23457', '1.234561', '1.234565', '1.234569', '1.2345667'].map((v, i): [string, Array<[string, Partial<Record<(typeof KEYS)[number], Attribute>>]>] => [
    `numeric-${['lower-bound', 'upper-bound', 'precision-low', 'precision-mid', 'precision-high', 'precision-seven'][i]}`,
    [['lower-exact', { lower: num(v) }], ['upper-exact', { upper: num(v) }], ['interior', { numeric: num(v) }]]])),
  ['numeric-precision-string', [['lower-exact', { lower: str('1.234565') }], ['upper-exact', { upper: str('1.234565') }], ['interior', { numeric: str('1.234565') }]]],
];

test(`Number attributes match a filter's numbers exactly, and ".5" or "5." match no number; the body scope sees the protocol's own text of a json-structured message [${RULES} body-positive-control-*, numeric-*, structured-*, late-*, first-receipt-window-*, late-receipt-window-* (2026-09-14)]`, async (t) => {
  const { h, TopicArn } = await setUp();
  try {
    const labels = new Map<string, string>();
    const publish = async (label: string, input: Record<string, unknown>) => {
      const { MessageId } = await h.call<{ MessageId: string }>('Publish', { TopicArn, MessageAttributes: attributes(), ...input });
      labels.set(MessageId, label);
    };
    const batch = async (label: string, entries: Array<Record<string, unknown>>) => {
      const { Successful } = await h.call<{ Successful: Array<{ Id: string; MessageId: string }> }>('PublishBatch', { TopicArn, PublishBatchRequestEntries: entries });
      for (const s of Successful) labels.set(s.MessageId, `${label}/${s.Id}`);
    };
    await publish('body-positive-control-default', { Message: '{"route": "default"}' });
    await publish('body-positive-control-sqs', { Message: '{"route": "sqs"}' });
    await publish('body-positive-control-map', { Message: '{"default": "{control}", "probe": "p"}' });
    await publish('body-positive-control-both', { Message: '{"route": ["default", "sqs"]}' });
    await publish('numeric-positive-control', { Message: 'n', MessageAttributes: attributes({ numeric: num('0.5') }) });
    for (const [label, entries] of NUMERIC_BATCHES) {
      await batch(label, entries.map(([Id, set]) => ({ Id, Message: `${label}:${Id}`, MessageAttributes: attributes(set) })));
    }
    const structured = (label: string, Message: string) => publish(label, { Message, MessageStructure: 'json' });
    await structured('structured-default-only', JSON.stringify({ default: route('default') }));
    await structured('structured-default-sqs', DEFAULT_SQS);
    await structured('structured-unknown-key', JSON.stringify({ default: route('default'), stackd_probe_unknown: 'ignored' }));
    await structured('structured-nonstring-sqs', JSON.stringify({ default: route('default'), sqs: { route: 'sqs' } }));
    await structured('structured-nonstring-http', JSON.stringify({ default: route('default'), http: 17 }));
    await structured('structured-nonstring-default', JSON.stringify({ default: 17, sqs: route('sqs') }));
    await structured('structured-duplicate-default', `{"default":${JSON.stringify(route('default'))},"default":${JSON.stringify(route('sqs'))}}`);
    await structured('structured-duplicate-sqs', `{"default":${JSON.stringify(route('default'))},"sqs":${JSON.stringify(route('default'))},"sqs":${JSON.stringify(route('sqs'))}}`);
    await structured('structured-unknown-nonstring', JSON.stringify({ default: route('default'), stackd_probe_unknown: { ignored: true } }));
    const valid = { Id: 'valid-structured', Message: DEFAULT_SQS, MessageStructure: 'json', MessageAttributes: attributes() };
    const malformed = { Id: 'malformed-structured', Message: '{"default":', MessageStructure: 'json', MessageAttributes: attributes() };
    await batch('structured-batch-valid-only', [valid]);
    await batch('structured-batch-valid-then-malformed', [valid, malformed]);
    await batch('structured-batch-malformed-then-valid', [malformed, valid]);
    await structured('late-structured-default-sqs-control', DEFAULT_SQS);
    await publish('late-body-both-control', { Message: JSON.stringify({ route: ['default', 'sqs'], probe: 'p' }) });
    await publish('late-numeric-control', { Message: 'n', MessageAttributes: attributes({ half: num('0.5') }) });

    const structuredAll = ['structured-default-only', 'structured-default-sqs', 'structured-unknown-key', 'structured-nonstring-sqs', 'structured-nonstring-http',
      'structured-nonstring-default', 'structured-duplicate-default', 'structured-duplicate-sqs', 'structured-unknown-nonstring',
      'structured-batch-valid-only/valid-structured', 'structured-batch-valid-then-malformed/valid-structured', 'structured-batch-malformed-then-valid/valid-structured'];
    t.deepEqual(received(h, labels), {
      numeric: [
        'body-positive-control-both', 'body-positive-control-default', 'body-positive-control-map', 'body-positive-control-sqs', 'numeric-positive-control',
        'numeric-lower-bound/lower-exact', 'numeric-upper-bound/upper-exact',
        'numeric-precision-low/interior', 'numeric-precision-mid/interior', 'numeric-precision-high/interior', 'numeric-precision-seven/interior',
        ...structuredAll, 'late-structured-default-sqs-control', 'late-body-both-control', 'late-numeric-control',
      ].sort(),
      default: ['body-positive-control-default', 'body-positive-control-map', 'body-positive-control-both', 'structured-default-only', 'structured-unknown-key',
        'structured-nonstring-sqs', 'structured-nonstring-http', 'structured-unknown-nonstring', 'late-body-both-control'].sort(),
      sqs: ['body-positive-control-sqs', 'body-positive-control-map', 'body-positive-control-both', 'structured-default-sqs', 'structured-nonstring-default',
        'structured-duplicate-default', 'structured-duplicate-sqs', 'structured-batch-valid-only/valid-structured', 'structured-batch-valid-then-malformed/valid-structured',
        'structured-batch-malformed-then-valid/valid-structured', 'late-structured-default-sqs-control', 'late-body-both-control'].sort(),
    });
  } finally {
    await h.close();
  }
});

test(`a json-structured message delivers each protocol's string, else the default; a duplicate key's last value counts [${RULES} structured-nonstring-sqs, structured-nonstring-default, structured-duplicate-default, structured-duplicate-sqs and their receipts (2026-09-14)]`, async (t) => {
  const { h, TopicArn } = await setUp();
  try {
    const message = async (Message: string, queue: Queue) => {
      const { MessageId } = await h.call<{ MessageId: string }>('Publish', { TopicArn, Message, MessageStructure: 'json', MessageAttributes: attributes() });
      const d = h.sqs.to(QUEUE(queue)).find((x) => (JSON.parse(x.body) as { MessageId: string }).MessageId === MessageId);
      return d === undefined ? undefined : (JSON.parse(d.body) as { Message: string }).Message;
    };
    t.is(await message(JSON.stringify({ default: route('default'), sqs: { route: 'sqs' } }), 'numeric'), route('default'));
    t.is(await message(JSON.stringify({ default: 17, sqs: route('sqs') }), 'numeric'), route('sqs'));
    t.is(await message(`{"default":${JSON.stringify(route('default'))},"default":${JSON.stringify(route('sqs'))}}`, 'numeric'), route('sqs'));
    t.is(await message(`{"default":${JSON.stringify(route('default'))},"sqs":${JSON.stringify(route('default'))},"sqs":${JSON.stringify(route('sqs'))}}`, 'numeric'), route('sqs'));
  } finally {
    await h.close();
  }
});

test(`Publish refuses a json structure with no default or that does not parse; in a batch only that entry fails, in either place [${RULES} structured-missing-default, structured-invalid-json, structured-batch-valid-then-malformed, structured-batch-malformed-then-valid (2026-09-14)]`, async (t) => {
  const { h, TopicArn } = await setUp();
  try {
    const refusal = async (Message: string) => {
      const err = await t.throwsAsync(h.call('Publish', { TopicArn, Message, MessageStructure: 'json', MessageAttributes: attributes() }));
      return isAwsError(err) ? { code: err.code, status: err.status, message: err.message } : undefined;
    };
    t.deepEqual(await refusal(JSON.stringify({ sqs: route('sqs') })),
      { code: 'InvalidParameter', status: 400, message: 'Invalid parameter: Message Structure - No default entry in JSON message body' });
    t.deepEqual(await refusal('{"default":'),
      { code: 'InvalidParameter', status: 400, message: 'Invalid parameter: Message Structure - JSON message body failed to parse' });
    const valid = { Id: 'valid-structured', Message: DEFAULT_SQS, MessageStructure: 'json' };
    const malformed = { Id: 'malformed-structured', Message: '{"default":', MessageStructure: 'json' };
    for (const entries of [[valid, malformed], [malformed, valid]]) {
      const out = await h.call<{ Successful: Array<{ Id: string }>; Failed: unknown[] }>('PublishBatch', { TopicArn, PublishBatchRequestEntries: entries });
      t.deepEqual(out.Successful.map((s) => s.Id), ['valid-structured']);
      t.deepEqual(out.Failed, [{ Id: 'malformed-structured', Code: 'InvalidParameter',
        Message: 'Invalid parameter: Message Structure - JSON message body failed to parse', SenderFault: true }]);
    }
  } finally {
    await h.close();
  }
});
