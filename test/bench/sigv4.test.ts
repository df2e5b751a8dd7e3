import test from 'ava';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { NodeSha256 } from '../helpers/node-sha256.js';
import { SigV4Signer, amzDate, sha256Hex } from '../../src/bench/drivers/sigv4.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

test('amzDate formats the basic ISO 8601 form SigV4 wants', (t) => {
  t.is(amzDate(new Date('2015-08-30T12:36:00.123Z')), '20150830T123600Z');
});

// AWS's published SigV4 test suite, case "get-vanilla" (aws-sig-v4-test-suite/get-vanilla).
test('get-vanilla test vector', (t) => {
  const signer = new SigV4Signer({ region: 'us-east-1', service: 'service', credentials });
  const out = signer.sign({ method: 'GET', path: '/', headers: { host: 'example.amazonaws.com' }, date: new Date('2015-08-30T12:36:00Z') });
  t.is(out['x-amz-date'], '20150830T123600Z');
  t.is(out.authorization, 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, '
    + 'SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
});


test('a JSON 1.0 POST signs like @smithy/signature-v4 (the SDK signer)', async (t) => {
  const date = new Date('2024-03-01T10:20:30Z');
  const body = '{"TableName":"bench","Key":{"pk":{"S":"p"},"sk":{"S":"42"}}}';
  const headers = { host: '127.0.0.1:4566', 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' };
  const smithy = new SignatureV4({ credentials, region: 'eu-west-1', service: 'dynamodb', sha256: NodeSha256, applyChecksum: false });
  const signed = await smithy.sign(new HttpRequest({ method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port: 4566, path: '/', headers: { ...headers }, body }), { signingDate: date });
  const ours = new SigV4Signer({ region: 'eu-west-1', service: 'dynamodb', credentials })
    .sign({ method: 'POST', path: '/', headers, body, date });
  t.is(ours.authorization, signed.headers.authorization);
  // A precomputed payload hash gives the same signature.
  const again = new SigV4Signer({ region: 'eu-west-1', service: 'dynamodb', credentials })
    .sign({ method: 'POST', path: '/', headers, payloadHash: sha256Hex(body), date });
  t.is(again.authorization, signed.headers.authorization);
});

test('a session token is signed and returned', (t) => {
  const signer = new SigV4Signer({ region: 'us-east-1', service: 'sns', credentials: { ...credentials, sessionToken: 'TOKEN' } });
  const out = signer.sign({ method: 'POST', path: '/', headers: { host: 'h' }, body: 'Action=Publish' });
  t.is(out['x-amz-security-token'], 'TOKEN');
  t.regex(out.authorization ?? '', /SignedHeaders=host;x-amz-date;x-amz-security-token,/);
});
