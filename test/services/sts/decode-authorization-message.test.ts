/**
 * DecodeAuthorizationMessage: boltstack never encodes an authorization message, so any message is
 * one it did not issue, refused as AWS refuses a message it cannot decode:
 * InvalidAuthorizationMessageException, 400, Sender (the STS model's error for this operation;
 * API reference: "the message passed to DecodeAuthorizationMessage was invalid"). No recording
 * keeps AWS's message text, so the text is boltstack's and only its presence is checked.
 */
import test from 'ava';
import { DecodeAuthorizationMessageCommand, STSClient } from '@aws-sdk/client-sts';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

// An encoded failure message as EC2 returns them (aws/aws-sdk-go#1536, 2017, truncated).
const ENCODED = '0oaZLrVVIxb8lmPCpj7S11qdDzu_uNi_mBsUZwMj5aWOqnj1VzrfzlQTk1sFa3k_QNGyDNccqpKVsfVfPPjTHtfgXbOUcmOWSfVdbQdChyYtSVR4G8f9PnQVRagacZ3MUnRw6zuQUuPdxWdw5z6cWFRzkk79gxQOa';

test('the SDK raises InvalidAuthorizationMessageException (400) for a message boltstack did not encode [STS model, DecodeAuthorizationMessage errors]', async (t) => {
  const client = new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  const err = await t.throwsAsync(client.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: ENCODED }))) as unknown as { name: string; message: string; $metadata: { httpStatusCode?: number } };
  t.is(err.name, 'InvalidAuthorizationMessageException');
  t.is(err.$metadata.httpStatusCode, 400);
  t.true(err.message.length > 0);
  client.destroy();
});

test('over the query protocol: Code InvalidAuthorizationMessageException, Type Sender; a missing EncodedMessage is a ValidationError', async (t) => {
  const answer = await queryPost(server.endpoint, { service: 'sts', params: { Action: 'DecodeAuthorizationMessage', EncodedMessage: 'dummy-encoded-message' } });
  t.is(answer.status, 400, answer.body);
  t.is(xmlValue(answer.body, 'Type'), 'Sender');
  t.is(xmlValue(answer.body, 'Code'), 'InvalidAuthorizationMessageException');
  const missing = await queryPost(server.endpoint, { service: 'sts', params: { Action: 'DecodeAuthorizationMessage' } });
  t.is(missing.status, 400, missing.body);
  t.is(xmlValue(missing.body, 'Message'), "1 validation error detected: Value null at 'encodedMessage' failed to satisfy constraint: Member must not be null");
});
