/**
 * The Notification document byte for byte as AWS lays it out (the example of
 * https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html), and an envelope
 * signed when read (delivery/deferred-signatures.ts) coming out exactly as one signed at publish.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { notificationJson, notificationStringToSign, notificationTemplate } from '../../../src/services/sns/envelope.js';
import { DeferredSignatures } from '../../../src/services/sns/delivery/deferred-signatures.js';
import type { Signer } from '../../../src/services/sns/signing.js';

const AWS_EXAMPLE = `{
  "Type" : "Notification",
  "MessageId" : "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
  "TopicArn" : "arn:aws:sns:us-west-2:123456789012:MyTopic",
  "Subject" : "My First Message",
  "Message" : "Hello world!",
  "Timestamp" : "2012-05-02T00:54:06.655Z",
  "SignatureVersion" : "1",
  "Signature" : "EXAMPLEw6JRN...",
  "SigningCertURL" : "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem",
  "UnsubscribeURL" : "https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-west-2:123456789012:MyTopic:c9135db0-26c4-47ec-8998-413945fb5a96"
}`;

test('a Notification is laid out as AWS lays it out', (t) => {
  t.is(notificationJson({
    messageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324', topicArn: 'arn:aws:sns:us-west-2:123456789012:MyTopic', subject: 'My First Message',
    message: 'Hello world!', timestamp: '2012-05-02T00:54:06.655Z', signatureVersion: '1', signature: 'EXAMPLEw6JRN...',
    signingCertUrl: 'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem',
    unsubscribeUrl: 'https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-west-2:123456789012:MyTopic:c9135db0-26c4-47ec-8998-413945fb5a96',
  }), AWS_EXAMPLE);
});

/** Signs deterministically (a digest of the text and version stands in for RSA), counting calls. */
function fakeSigner(): { signer: Signer; calls: number[] } {
  const calls: number[] = [];
  const signer = {
    signatureChars: 44,
    signAsync: async (text: string, version: '1' | '2') => {
      calls.push(1);
      return createHash('sha256').update(version).update(text).digest('base64');
    },
  } as unknown as Signer;
  return { signer, calls };
}

test('an envelope signed when read is exactly the envelope signed at publish; one signature per message id', async (t) => {
  const { signer, calls } = fakeSigner();
  const deferred = new DeferredSignatures(async () => signer);
  const fields = {
    messageId: 'm-1', topicArn: 'arn:aws:sns:us-east-1:000000000000:t', subject: 'a "subject"', message: 'line "one"\n\u00e9 \u{1F600} "Signature" : ""',
    timestamp: '2026-01-01T00:00:00.000Z', sequenceNumber: undefined, signatureVersion: '2' as const, signingCertUrl: 'http://localhost:4566/_boltstack/sns/x.pem',
    attributes: { a: { DataType: 'String', StringValue: 'v' } },
  };
  const text = notificationStringToSign({ message: fields.message, messageId: fields.messageId, subject: fields.subject, timestamp: fields.timestamp, topicArn: fields.topicArn });
  const eager = notificationTemplate({ ...fields, signature: await signer.signAsync(text, '2') });
  calls.length = 0;
  const unsigned = notificationTemplate({ ...fields, signature: '' }, { by: 'sns', bytes: 44 });
  t.is(await deferred.finish(unsigned.head), eager.head);
  t.is(await deferred.finish(unsigned.head), eager.head);
  t.is(calls.length, 1, 'signed once for both reads');
  t.is(unsigned.tail, eager.tail);
  t.is(Buffer.byteLength(eager.head) - Buffer.byteLength(unsigned.head), 44, 'the bytes finishing adds');
  await t.throwsAsync(deferred.finish(eager.head), { message: /not an unsigned envelope head/ });
});

test('a signature that failed is not remembered: the next read signs again', async (t) => {
  let fail = true;
  const signer = { signatureChars: 4, signAsync: async () => { if (fail) throw new Error('pool busy'); return 'c2ln'; } } as unknown as Signer;
  const deferred = new DeferredSignatures(async () => signer);
  const unsigned = notificationTemplate({
    messageId: 'm-2', topicArn: 'arn:aws:sns:us-east-1:000000000000:t', subject: undefined, message: 'hi', timestamp: 't',
    sequenceNumber: undefined, signatureVersion: '1', signature: '', signingCertUrl: 'u', attributes: undefined,
  }, { by: 'sns', bytes: 4 });
  await t.throwsAsync(deferred.finish(unsigned.head), { message: 'pool busy' });
  fail = false;
  t.true((await deferred.finish(unsigned.head)).includes('"Signature" : "c2ln"'));
});
