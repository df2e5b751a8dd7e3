/**
 * The uWS streamed request body (src/server/uws-request-body.ts): what the shared adapter suite
 * (server-adapters.test.ts) cannot see from outside, such as which memory its chunks live in.
 */
import test from 'ava';
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHttpServer } from '../../src/server/index.js';
import type { RequestHandler } from '../../src/server/types.js';
import { SMALL_BODY } from '../../src/util/byte-slabs.js';
import { repeated } from '../helpers/repeated-body.js';
import { SlabBacking } from '../helpers/slab-backing.js';

const MiB = 1024 * 1024;


async function put(handler: RequestHandler, body: Readable, length: number): Promise<string> {
  const server = await createHttpServer({ adapter: 'uws', handler });
  const port = await server.listen('127.0.0.1', 0);
  try {
    return await new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'PUT', path: '/o', headers: { 'content-length': String(length) }, agent: false }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => { text += d.toString(); });
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      body.pipe(req);
    });
  } finally {
    await server.close(1000);
  }
}

test.serial('a consumer that falls behind still gets slab views one by one, never joined copies', async (t) => {
  // Regression (as node-http-request-body's): as a byte stream, read() joined whatever was
  // buffered into one fresh Buffer, so a `for await` consumer that had waited got copies instead
  // of slab views: garbage for every batch, and views the blob writer could not hand back.
  const backing = new SlabBacking();
  const total = 20 * MiB;
  const answer = await put((req, res) => {
    void (async () => {
      let consumed = 0;
      for await (const chunk of req.body as AsyncIterable<Buffer>) {
        if (consumed > SMALL_BODY) backing.add(chunk);
        consumed += chunk.length;
        if (consumed % MiB < chunk.length) await sleep(10);
      }
      res.send(200, {}, String(consumed));
    })();
  }, repeated(total), total);
  t.is(answer, String(total));
  backing.check(t);
});
