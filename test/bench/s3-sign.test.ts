import test from 'ava';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { NodeSha256 } from '../helpers/node-sha256.js';
import { createS3Signer, objectPath, uriEncode } from '../../src/bench/drivers/s3/sign.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const date = new Date('2024-03-01T10:20:30Z');


/** What the SDK's signer (uriEscapePath false, as S3 uses it) says for the same request. */
async function smithySign(method: string, path: string, query: Record<string, string>, creds: typeof credentials & { sessionToken?: string } = credentials): Promise<string> {
  const signer = new SignatureV4({ credentials: creds, region: 'eu-west-1', service: 's3', sha256: NodeSha256, uriEscapePath: false, applyChecksum: false });
  const request = new HttpRequest({
    method, protocol: 'http:', hostname: '127.0.0.1', port: 4566, path, query,
    headers: { host: '127.0.0.1:4566', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
  });
  const signed = await signer.sign(request, { signingDate: date });
  return signed.headers.authorization!;
}

const ours = (method: string, path: string, query: string, creds: typeof credentials & { sessionToken?: string } = credentials): ReturnType<ReturnType<typeof createS3Signer>> =>
  createS3Signer({ host: '127.0.0.1:4566', region: 'eu-west-1', credentials: creds, now: () => date.getTime() })(method, path, query);


test('GET object signs like the SDK signer', async (t) => {
  const out = ours('GET', '/bucket/some/key.bin', '');
  t.is(out.authorization, await smithySign('GET', '/bucket/some/key.bin', {}));
  t.is(out['x-amz-date'], '20240301T102030Z');
  t.is(out['x-amz-content-sha256'], 'UNSIGNED-PAYLOAD');
});

test('a listing query and an UploadPart query sign like the SDK signer', async (t) => {
  t.is(ours('GET', '/bucket', `list-type=2&max-keys=1000&prefix=${uriEncode('a b/c')}`).authorization,
    await smithySign('GET', '/bucket', { 'list-type': '2', 'max-keys': '1000', prefix: 'a b/c' }));
  const id = 'abc+/=XYZ';
  t.is(ours('PUT', '/bucket/k', `partNumber=3&uploadId=${uriEncode(id)}`).authorization,
    await smithySign('PUT', '/bucket/k', { partNumber: '3', uploadId: id }));
  t.is(ours('POST', '/bucket/k', 'uploads=').authorization, await smithySign('POST', '/bucket/k', { uploads: '' }));
});

test('keys that need encoding sign like the SDK signer', async (t) => {
  const path = objectPath('bucket', 'dir/a key+(1)*é');
  t.is(path, '/bucket/dir/a%20key%2B%281%29%2A%C3%A9');
  t.is(ours('HEAD', path, '').authorization, await smithySign('HEAD', path, {}));
  t.is(objectPath('bucket', 'plain/key-1_2.3~'), '/bucket/plain/key-1_2.3~');
});

test('a session token is signed and sent', async (t) => {
  const creds = { ...credentials, sessionToken: 'TOKEN/+=' };
  const out = ours('GET', '/bucket/k', '', creds);
  t.is(out['x-amz-security-token'], 'TOKEN/+=');
  t.regex(out.authorization, /SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,/);
  t.is(out.authorization, await smithySign('GET', '/bucket/k', {}, creds));
});
