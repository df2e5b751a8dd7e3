/**
 * The machine's floor for a small JSON request: the least any server on uWebSockets.js does for
 * one (copy the head, collect and JSON.parse the body, answer a fixed JSON after a setImmediate,
 * as a server that does real work does after an await). Started beside boltstack and the peer in
 * the same run, with the same requests replayed, its ops/s and CPU per request tell how much of
 * boltstack's cost is its own rather than the machine's, HTTP's or the client's.
 *
 *   node dist/bench/lib/floor-server.js --port N [--answer JSON]
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadUws } from '../../src/server/uws-loader.js';
import { freePort } from '../../src/bench/peers/free-port.js';
import { startServer, type ServerProcess } from './server-process.js';

/** A GetItem answer of a 1 KiB item, as boltstack's bench item is. */
export const ITEM_ANSWER = JSON.stringify({ Item: { id: { S: 'k' }, data: { S: 'x'.repeat(1024) } } });

const REQUEST_ID = '3f1c5c8e-8a6b-4d1e-9f0a-6b2d7c4e5a10';

function serve(port: number, answer: string): void {
  const uws = loadUws();
  const app = uws.App();
  app.any('/*', (res, req) => {
    const headers: Record<string, string> = {};
    req.forEach((name, value) => { headers[name] = value; });
    let aborted = false;
    res.onAborted(() => { aborted = true; });
    const reply = (): void => {
      setImmediate(() => {
        if (aborted) return;
        res.cork(() => {
          res.writeStatus('200 OK').writeHeader('content-type', 'application/x-amz-json-1.0').writeHeader('x-amzn-requestid', REQUEST_ID).end(answer);
        });
      });
    };
    if (headers['content-length'] === undefined || headers['content-length'] === '0') {
      reply();
      return;
    }
    const chunks: Buffer[] = [];
    res.onData((chunk, isLast) => {
      chunks.push(Buffer.from(chunk.slice(0)));
      if (!isLast) return;
      JSON.parse(Buffer.concat(chunks).toString());
      reply();
    });
  });
  app.listen('127.0.0.1', port, (socket) => {
    if (!socket) throw new Error(`floor server cannot listen on ${port}`);
  });
}

/** Starts the floor server as its own process (its CPU is measured by pid, as the others'). */
export async function startFloorServer(answer = ITEM_ANSWER): Promise<ServerProcess> {
  const port = await freePort();
  return startServer({
    name: 'floor', command: process.execPath, port, readyPath: '/',
    args: [fileURLToPath(import.meta.url), '--port', String(port), '--answer', answer],
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  serve(Number(arg('--port')), arg('--answer') ?? ITEM_ANSWER);
}

