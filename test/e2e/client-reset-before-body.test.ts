/**
 * Regression: a client that resets the connection during an upload, before the server has
 * started reading the body, killed the process (the body stream's error had no listener).
 * Reproduced with a 10-digit Content-Length, which uWS refuses at once, and with a plain reset
 * right after the head. The server must survive both and keep serving.
 */
import test from 'ava';
import { connect } from 'node:net';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack } from '../helpers/server.js';

function resetAfterHead(port: number, path: string, contentLength: number, bodyBytes: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`PUT ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${contentLength}\r\n\r\n`);
      if (bodyBytes > 0) socket.write(Buffer.alloc(bodyBytes, 7));
      setTimeout(() => { socket.resetAndDestroy(); resolve(); }, 20);
    });
    socket.on('error', () => resolve());
  });
}

test('a reset during an upload, before the body is read, does not take the server down', async (t) => {
  const server = await startBoltstack();
  try {
    const s3 = s3Client(server.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: 'resets' }));
    for (let i = 0; i < 5; i++) {
      await resetAfterHead(server.port, '/resets/huge', 1_000_000_000, 0);
      await resetAfterHead(server.port, '/resets/big', 50 * 1024 * 1024, 64 * 1024);
    }
    await new Promise((r) => setTimeout(r, 200));
    const put = await s3.send(new PutObjectCommand({ Bucket: 'resets', Key: 'after', Body: 'still serving' }));
    t.truthy(put.ETag);
  } finally {
    await server.stop();
  }
});
