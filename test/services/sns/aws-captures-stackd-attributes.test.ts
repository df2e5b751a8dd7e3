/**
 * SNS message attributes and topic controls against raw captures of native AWS (us-east-1,
 * 2026-09-14) in radkawar/stackd testdata/aws/sns/*.json: numeric_attributes.json and
 * attribute_unicode.json; each row cites the file and the label of its
 * `observations` entry. Query protocol, as the AWS CLI spoke; status, Code and exact message.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, queryValue, xmlValue } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const CAP = 'radkawar/stackd testdata/aws/sns';
const NUMBERS = `${CAP}/numeric_attributes.json`;
const UNICODE = `${CAP}/attribute_unicode.json`;

let server: Boltstack;
let topic: string;
let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${counter++}`;
const sns = (params: Record<string, string>) => queryPost(server.endpoint, { service: 'sns', params });

test.before(async () => {
  server = await startBoltstack();
  topic = await queryValue(server.endpoint, 'sns', { Action: 'CreateTopic', Name: unique('cap-attr') }, 'TopicArn');
});
test.after.always(async () => { await server?.stop(); });

const numberAttribute = (value: string): Record<string, string> => ({
  Action: 'Publish', TopicArn: topic, Message: 'x', 'MessageAttributes.entry.1.Name': 'numeric',
  'MessageAttributes.entry.1.Value.DataType': 'Number', 'MessageAttributes.entry.1.Value.StringValue': value,
});
const scale = (v: string): string => `Message attribute 'numeric' number value [${v}] scale must be 10^-128 and 10^126.`;
const precision = (v: string): string => `Message attribute 'numeric' number value [${v}] must have less than 38 precision digits.`;

interface Row { label: string; value: string; message?: string }
const numberRows: Row[] = [
  { label: 'high-edge / sns-upper-edge', value: '1e126', message: scale('1e126') },
  { label: 'above-high', value: '1e127', message: scale('1e127') },
  { label: 'low-edge / sns-lower-edge', value: '1e-128' },
  { label: 'below-low / sns-lower-outside', value: '1e-129', message: scale('1e-129') },
  { label: 'precision-38', value: '12345678901234567890123456789012345678' },
  { label: 'precision-39', value: '123456789012345678901234567890123456789', message: precision('123456789012345678901234567890123456789') },
  { label: 'zero-exponent / sns-zero-extreme', value: '0e-100000', message: scale('0e-100000') },
  { label: 'sns-zero-low', value: '0e-129', message: scale('0e-129') },
  { label: 'sns-zero-high', value: '0e126', message: scale('0e126') },
  { label: 'fraction-leading-dot', value: '.5' },
  { label: 'fraction-trailing-dot', value: '5.' },
  { label: 'sns-upper-inside', value: '9.99e125' },
  { label: 'sns-integer-zero-padding', value: `1${'0'.repeat(100)}`, message: precision(`1${'0'.repeat(100)}`) },
  { label: 'sns-fraction-zero-padding', value: `1.${'0'.repeat(100)}`, message: precision(`1.${'0'.repeat(100)}`) },
  { label: 'sns-leading-zero-padding', value: `${'0'.repeat(300)}1` },
];

for (const row of numberRows) {
  test(`Publish a Number attribute ${row.value.length > 20 ? `of ${row.value.length} characters` : row.value} [${NUMBERS} ${row.label} (2026-09-14)]`, async (t) => {
    const reply = await sns(numberAttribute(row.value));
    if (row.message === undefined) { t.is(reply.status, 200, reply.body); return; }
    t.is(reply.status, 400, reply.body);
    t.is(xmlValue(reply.body, 'Code'), 'ParameterValueInvalid');
    t.is(xmlValue(reply.body, 'Message'), row.message);
  });
}

const errorMessage = (value: string): Record<string, string> => ({
  'MessageAttributes.entry.1.Name': 'ErrorCode', 'MessageAttributes.entry.1.Value.DataType': 'Number', 'MessageAttributes.entry.1.Value.StringValue': '200',
  'MessageAttributes.entry.2.Name': 'ErrorMessage', 'MessageAttributes.entry.2.Value.DataType': 'String', 'MessageAttributes.entry.2.Value.StringValue': value,
});
const UNICODE_REFUSAL = 'Invalid parameter: Invalid attribute value was passed in for message attribute ErrorMessage';

test(`Publish: a String attribute with an emoji is refused, one with a BMP character taken [${UNICODE} emoji-attribute, bmp-attribute (2026-09-14)]`, async (t) => {
  const emoji = await sns({ Action: 'Publish', TopicArn: topic, Message: 'x', ...errorMessage('native-error:\u96ea\u{1F642}Z') });
  t.is(emoji.status, 400, emoji.body);
  t.is(xmlValue(emoji.body, 'Code'), 'InvalidParameter');
  t.is(xmlValue(emoji.body, 'Message'), UNICODE_REFUSAL);
  const bmp = await sns({ Action: 'Publish', TopicArn: topic, Message: 'x', ...errorMessage('native-error:\u96eaZ') });
  t.is(bmp.status, 200, bmp.body);
});

test(`PublishBatch: one entry's String attribute with an emoji fails the whole call [${UNICODE} supplementary-attribute-rejects-entire-batch (2026-09-14)]`, async (t) => {
  const reply = await sns({ Action: 'PublishBatch', TopicArn: topic,
    'PublishBatchRequestEntries.member.1.Id': 'valid', 'PublishBatchRequestEntries.member.1.Message': 'native batch control',
    'PublishBatchRequestEntries.member.2.Id': 'supplementary', 'PublishBatchRequestEntries.member.2.Message': 'native batch attribute rejection',
    'PublishBatchRequestEntries.member.2.MessageAttributes.entry.1.Name': 'ErrorMessage',
    'PublishBatchRequestEntries.member.2.MessageAttributes.entry.1.Value.DataType': 'String',
    'PublishBatchRequestEntries.member.2.MessageAttributes.entry.1.Value.StringValue': 'native-error:\u96ea\u{1F642}Z' });
  t.is(reply.status, 400, reply.body);
  t.is(xmlValue(reply.body, 'Code'), 'InvalidParameter');
  t.is(xmlValue(reply.body, 'Message'), UNICODE_REFUSAL);
});

