/**
 * Micro benchmark: writing a response head into uWS, one call per header line (writeStatus, then
 * writeHeader for each of a GetItem answer's three headers) against one writeStatus carrying the
 * status line and the header lines joined by "\r\n" (src/server/uws-response.ts writeHead), which
 * puts the same bytes on the wire. Measured inside a real uWS handler, in `res.cork`, on
 * requests sent one at a time over a loopback socket: each request's handler repeats each way
 * REPEAT times on a response that is then thrown away (the client ignores it; writeStatus is
 * honoured once, so the repeats go through writeHeader, the same native path). Prints JSON: ns
 * per head each way (median over the requests) and the saving.
 *   node dist/bench/micro/uws-head-write.js [--requests 400]
 */
import net from 'node:net';
import { loadUws } from '../../src/server/uws-loader.js';
import { median } from '../lib/stats.js';

const arg = (name: string, fallback: number): number => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const requests = arg('--requests', 400);
const REPEAT = 40;

/** A GetItem answer's headers, as the gateway hands them to the adapter. */
const HEADERS: Record<string, string> = {
  'content-type': 'application/x-amz-json-1.0',
  'x-amzn-requestid': 'V0Q2M5P8N0K8R1S4T7U0W3X6Y9Z2A5B8C1D4E7F0G3H6I9J2K5L8',
  'x-amz-crc32': '539573045',
};

const perCall: number[] = [];
const joined: number[] = [];
let sink = 0;

const uws = loadUws();
const app = uws.App();
app.any('/*', (res) => {
  res.cork(() => {
    res.writeStatus('200 OK');
    let t0 = process.hrtime.bigint();
    for (let i = 0; i < REPEAT; i++) {
      res.writeHeader('x-status', '200 OK');
      for (const name in HEADERS) res.writeHeader(name, HEADERS[name]!);
    }
    let t1 = process.hrtime.bigint();
    perCall.push(Number(t1 - t0) / REPEAT);
    t0 = process.hrtime.bigint();
    for (let i = 0; i < REPEAT; i++) {
      let head = '200 OK';
      for (const name in HEADERS) head += `\r\n${name}: ${HEADERS[name]!}`;
      sink += head.length;
      res.writeHeader('x-status', head);
    }
    t1 = process.hrtime.bigint();
    joined.push(Number(t1 - t0) / REPEAT);
    res.end('');
  });
});

const port = await new Promise<number>((resolve, reject) => {
  app.listen('127.0.0.1', 0, (socket) => (socket ? resolve(uws.us_socket_local_port(socket)) : reject(new Error('cannot listen'))));
});
const socket = net.connect(port, '127.0.0.1');
await new Promise((resolve) => socket.once('connect', resolve));
for (let i = 0; i < requests; i++) {
  const answered = new Promise<void>((resolve) => {
    let seen = '';
    const onData = (d: Buffer): void => {
      seen += d.toString('latin1');
      if (seen.endsWith('\r\n\r\n')) { socket.off('data', onData); resolve(); }
    };
    socket.on('data', onData);
  });
  socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  await answered;
}
socket.destroy();
app.close();
// The first requests warm the JIT: only the second half counts.
const half = (xs: number[]): number[] => xs.slice(Math.floor(xs.length / 2));
const a = Math.round(median(half(perCall)));
const b = Math.round(median(half(joined)));
process.stdout.write(`${JSON.stringify({ benchmark: 'uws-head-write', headers: Object.keys(HEADERS).length, nsPerHead: { perCall: a, joined: b }, savedNs: a - b, sink: sink > 0 }, null, 2)}\n`);
