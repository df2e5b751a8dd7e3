/**
 * How the wrapped notification writes a Subject and a json-structured message, against a raw
 * capture of native AWS (us-east-1, 2026-09-14): radkawar/stackd
 * testdata/aws/sns/subject_structure.json, its receipts (receive-0 to receive-5). The admission
 * rows of that file are pinned in aws-captures-stackd.test.ts.
 */
import test from 'ava';
import { snsHarness } from './harness.js';

const SUBJECT = 'radkawar/stackd testdata/aws/sns/subject_structure.json';
const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:subject';

test(`the notification escapes characters beyond the BMP as \\u surrogate pairs (upper-case hex) and writes the others as they are [${SUBJECT} subject-emoji-50, subject-unicode-100, receive-1, receive-5 (2026-09-14)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'subject' });
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE });
    await h.call('Publish', { TopicArn, Message: 'subject-emoji-50', Subject: '\u{1F600}'.repeat(50) });
    await h.call('Publish', { TopicArn, Message: 'subject-unicode-100', Subject: '\u754c'.repeat(100) });
    const [emoji, cjk] = h.sqs.to(QUEUE).map((d) => d.body);
    t.true(emoji!.includes(`  "Subject" : "${'\\uD83D\\uDE00'.repeat(50)}",\n`), emoji);
    t.is((JSON.parse(emoji!) as { Subject: string }).Subject, '\u{1F600}'.repeat(50));
    t.true(cjk!.includes(`  "Subject" : "${'\u754c'.repeat(100)}",\n`), cjk);
  } finally {
    await h.close();
  }
});

test(`a json-structured message delivers its number or null default as text, an empty default or sqs entry as "", and the sqs entry over the default [${SUBJECT} default-number, default-null, default-empty, sqs-empty, structured-attributes, receive-0, receive-2, receive-3, receive-4 (2026-09-14)]`, async (t) => {
  const h = await snsHarness();
  try {
    const { TopicArn } = await h.call<{ TopicArn: string }>('CreateTopic', { Name: 'subject' });
    await h.call('Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: QUEUE });
    for (const Message of ['{"default": 17}', '{"default": null}', '{"default": ""}', '{"default": "fallback", "sqs": ""}']) {
      await h.call('Publish', { TopicArn, Message, MessageStructure: 'json' });
    }
    await h.call('Publish', { TopicArn, Message: '{"default": "default-with-attributes", "sqs": "sqs-with-attributes"}', MessageStructure: 'json',
      MessageAttributes: { numeric: { DataType: 'Number', StringValue: '0001.23000' }, text: { DataType: 'String', StringValue: 'visible?' } } });
    const bodies = h.sqs.to(QUEUE).map((d) => JSON.parse(d.body) as { Message: string; MessageAttributes?: unknown });
    t.deepEqual(bodies.map((b) => b.Message), ['17', 'null', '', '', 'sqs-with-attributes']);
    t.deepEqual(bodies[4]!.MessageAttributes, { numeric: { Type: 'Number', Value: '0001.23000' }, text: { Type: 'String', Value: 'visible?' } });
  } finally {
    await h.close();
  }
});
