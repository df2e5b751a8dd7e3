/**
 * What this machine allows an upload at most, measured in the same run as the uploads (see
 * s3-upload-figures): how fast one core copies memory, and what sending a body over loopback
 * costs the client by itself (node:http streaming to a sink that only counts bytes, in its own
 * process). On a 2-core machine the load generator shares the cores with the server, so the
 * client's CPU per GB comes off what the server can have.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bodySource } from './body-source.js';
import { send } from './http-stream.js';
import { readCpuMs } from './proc-status.js';

/** GB/s (10^9 bytes) of one core copying `data` into a 1 MiB buffer, 1 MiB at a time. */
export function memcpySpeed(data: Uint8Array): number {
  const block = 1 << 20;
  const into = new Uint8Array(block);
  const t0 = performance.now();
  for (let off = 0; off + block <= data.byteLength; off += block) into.set(data.subarray(off, off + block));
  return Math.round((data.byteLength / 1e9 / ((performance.now() - t0) / 1000)) * 10) / 10;
}

export interface LoopbackCost {
  /** MB/s of the send, client to sink. */
  mbps: number;
  /** CPU of this (client) process per GB sent, ms. */
  clientCpuMsPerGB: number;
  /** CPU of the sink process per GB received, ms (node:net, counting only). */
  sinkCpuMsPerGB: number;
}

/**
 * Runs as the sink when this module is the entry of a forked process: accepts one HTTP request
 * per connection, counts `content-length` bytes of body, answers 200.
 */
async function runSink(): Promise<void> {
  const { createServer } = await import('node:net');
  const server = createServer((socket) => {
    let received = 0;
    let need = -1;
    let head = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (need < 0) {
        head = Buffer.concat([head, chunk.subarray(0, 8192)]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        need = end + 4 + Number(/content-length:\s*(\d+)/i.exec(head.toString('latin1', 0, end))?.[1] ?? 0);
      }
      if (received >= need) socket.end('HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    });
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.(typeof address === 'object' && address !== null ? address.port : 0);
  });
}

if (process.argv.includes('--loopback-sink')) void runSink();

/** Sends `bytes` (as the upload rounds do: bodySource through node:http) to a sink `reps` times; the cheapest run counts. */
export async function loopbackCost(bytes: number, reps = 3): Promise<LoopbackCost> {
  const sink = fork(fileURLToPath(import.meta.url), ['--loopback-sink'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  try {
    const [port] = (await once(sink, 'message')) as [number];
    const runs: LoopbackCost[] = [];
    for (let i = 0; i < reps; i++) {
      const body = bodySource(bytes);
      const s0 = await readCpuMs(sink.pid!);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await send('PUT', `http://127.0.0.1:${port}/sink`, body.chunks(), body.size);
      const seconds = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      const sinkMs = (await readCpuMs(sink.pid!)) - s0;
      if (r.status !== 200) throw new Error(`loopback sink answered ${r.status}`);
      const gb = bytes / 1e9;
      runs.push({
        mbps: Math.round(bytes / 1e6 / seconds),
        clientCpuMsPerGB: Math.round((c.user + c.system) / 1000 / gb),
        sinkCpuMsPerGB: Math.round(sinkMs / gb),
      });
    }
    return runs.reduce((a, b) => (b.clientCpuMsPerGB < a.clientCpuMsPerGB ? b : a));
  } finally {
    sink.kill();
  }
}
