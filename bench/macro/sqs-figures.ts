/**
 * SQS figures of issue #9, boltstack vs the peer local-aws-sqs (in memory), each its own process
 * on 127.0.0.1, measured side by side in one run:
 *   A. SendMessage ops/s: one json request (X-Amz-Target, the SDK's body) replayed by autocannon;
 *      target >= 3x the peer. Server CPU per answered request too.
 *   B. send + receive + delete in batches of 10 (SendMessageBatch, ReceiveMessage of up to 10,
 *      DeleteMessageBatch of what came back) by concurrent workers: messages/s through the whole
 *      cycle, every message persisted on boltstack; target >= 3x the peer.
 *   C. long-poll wake-up: a ReceiveMessage waits (WaitTimeSeconds 20), a SendMessage is sent;
 *      time from the send's answer to the receive's answer, p50/p99 of many rounds; target p99 < 5 ms.
 *   D. boltstack's peak VmRSS over A-C; target < 90 MB.
 * A's request is also replayed against the machine's floor (a minimal uWS server that parses the
 * body and answers a fixed JSON, bench/lib/floor-server.ts) in the same run: its ops/s and CPU per
 * request, boltstack's CPU as a ratio to it, and the floor's ops/s ratio to the peer's, which
 * bounds boltstack's (the replay client shares the cores; its own CPU per request is reported).
 * Options: --duration S (per load, 5), --connections N (16), --workers N (B, 8), --rounds N (C, 200),
 * --no-peer, --no-floor.
 */
import { Pool } from 'undici';
import { environment } from '../lib/environment.js';
import { figure } from '../lib/figure.js';
import { startFloorServer } from '../lib/floor-server.js';
import { runLoad, type LoadResult } from '../lib/load.js';
import { readCpuMs, readMemory, resetPeak } from '../lib/proc-status.js';
import { startBoltstack } from '../lib/servers.js';
import { round } from '../lib/stats.js';
import { readThreadCpu, splitThreadCpu } from '../lib/thread-cpu.js';
import { startLocalSqs } from '../../src/bench/peers/servers.js';

export const description = 'SQS figures: SendMessage ops/s and send+receive+delete batches of 10 vs local-aws-sqs, long-poll wake-up p99, peak RSS';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

interface Server { name: string; pid: number; endpoint: string; stop(): Promise<void> }

// A SigV4 header as the SDK sends it; neither server verifies signatures (boltstack: auth none).
const AUTH = 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sqs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=00';
const headers = (action: string): Record<string, string> => ({
  'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${action}`, authorization: AUTH, 'x-amz-date': '20260101T000000Z',
});

class SqsCaller {
  readonly #pool: Pool;
  constructor(endpoint: string, connections: number) { this.#pool = new Pool(endpoint, { connections, pipelining: 1 }); }

  async call<T>(action: string, body: unknown): Promise<T> {
    const res = await this.#pool.request({ path: '/', method: 'POST', headers: headers(action), body: JSON.stringify(body) });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${text.slice(0, 200)}`);
    return (text === '' ? {} : JSON.parse(text)) as T;
  }

  close(): Promise<void> { return this.#pool.close(); }
}

async function createQueue(c: SqsCaller, name: string): Promise<string> {
  return (await c.call<{ QueueUrl: string }>('CreateQueue', { QueueName: name })).QueueUrl;
}

const BODY = 'x'.repeat(1024);

/** The floor's fixed answer: a CreateQueue result (so the load's body names a queue URL) and a SendMessage one. */
const FLOOR_ANSWER = JSON.stringify({ QueueUrl: 'http://127.0.0.1:4566/000000000000/bench-send', MD5OfMessageBody: '8ec4a4e7e1ba4bd1c2bd4e7ce3f5b33b', MessageId: '5fea7756-0ea4-451a-a703-a558b933e274' });

/** A's result, with the replay client's own CPU per answered request (autocannon runs in this process). */
type SendResult = LoadResult & { clientCpuUsPerOp: number | null };

async function sendOps(s: Server, o: { durationSec: number; connections: number }): Promise<SendResult> {
  const c = new SqsCaller(s.endpoint, 1);
  const url = await createQueue(c, 'bench-send');
  await c.close();
  const cpu0 = process.cpuUsage();
  const r = await runLoad({
    url: `${s.endpoint}/`, method: 'POST', connections: o.connections, pipelining: 1, durationSec: o.durationSec,
    headers: headers('SendMessage'), body: JSON.stringify({ QueueUrl: url, MessageBody: BODY }), serverPid: s.pid,
  });
  const cpu = process.cpuUsage(cpu0);
  return { ...r, clientCpuUsPerOp: r.ok > 0 ? Math.round((cpu.user + cpu.system) / r.ok) : null };
}

/** B: workers loop SendMessageBatch(10) → ReceiveMessage(10) → DeleteMessageBatch; messages deleted per second. */
async function cycle(s: Server, o: { durationSec: number; workers: number }): Promise<{ messagesPerSec: number; serverCpuUsPerMessage: number; serverMainBusy: number; errors: number }> {
  const c = new SqsCaller(s.endpoint, o.workers);
  const url = await createQueue(c, 'bench-cycle');
  const entries = Array.from({ length: 10 }, (_, i) => ({ Id: `m${i}`, MessageBody: BODY }));
  let deleted = 0;
  let errors = 0;
  const cpu0 = await readCpuMs(s.pid);
  const threads0 = await readThreadCpu(s.pid);
  const started = performance.now();
  const end = started + o.durationSec * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      try {
        await c.call('SendMessageBatch', { QueueUrl: url, Entries: entries });
        const got = await c.call<{ Messages?: Array<{ ReceiptHandle: string }> }>('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 });
        const messages = got.Messages ?? [];
        if (messages.length === 0) continue;
        const out = await c.call<{ Successful?: unknown[] }>('DeleteMessageBatch', { QueueUrl: url, Entries: messages.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })) });
        deleted += out.Successful?.length ?? 0;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.workers }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu1 = await readCpuMs(s.pid);
  const main = splitThreadCpu(s.pid, threads0, await readThreadCpu(s.pid)).mainMs;
  await c.close();
  return { messagesPerSec: Math.round(deleted / seconds), serverCpuUsPerMessage: deleted > 0 ? round(((cpu1 - cpu0) * 1000) / deleted, 1) : 0, serverMainBusy: round(main / (seconds * 1000), 2), errors };
}

/** C: wake-up latency of a waiting long poll, from the send's answer to the receive's answer. */
async function wakeUp(s: Server, rounds: number): Promise<{ p50: number; p99: number; max: number }> {
  const c = new SqsCaller(s.endpoint, 2);
  const url = await createQueue(c, 'bench-poll');
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let answered = 0;
    const polling = c.call<{ Messages?: Array<{ ReceiptHandle: string }> }>('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 20 })
      .then((r) => { answered = performance.now(); return r; });
    // Let the receive arrive and start waiting before the send.
    await new Promise((r) => setTimeout(r, 5));
    await c.call('SendMessage', { QueueUrl: url, MessageBody: 'wake' });
    const sentAt = performance.now();
    const got = await polling;
    samples.push(Math.max(0, answered - sentAt));
    const handle = got.Messages?.[0]?.ReceiptHandle;
    if (handle) await c.call('DeleteMessage', { QueueUrl: url, ReceiptHandle: handle });
  }
  await c.close();
  samples.sort((a, b) => a - b);
  const at = (q: number): number => round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!, 2);
  return { p50: at(0.5), p99: at(0.99), max: round(samples[samples.length - 1]!, 2) };
}

export async function run(args: string[], log: (message: string) => void): Promise<unknown> {
  const o = {
    durationSec: option(args, '--duration', 5), connections: option(args, '--connections', 16),
    workers: option(args, '--workers', 8), rounds: option(args, '--rounds', 200),
  };
  const withPeer = !args.includes('--no-peer');
  const servers: Server[] = [];
  let floor: Server | undefined;
  try {
    servers.push(await startBoltstack());
    if (withPeer) servers.push(await startLocalSqs());
    if (!args.includes('--no-floor')) floor = await startFloorServer(FLOOR_ANSWER);
    const [b, p] = servers as [Server, Server | undefined];
    await resetPeak(b.pid);
    const results: Record<string, { send: SendResult; cycle: Awaited<ReturnType<typeof cycle>>; wake: Awaited<ReturnType<typeof wakeUp>> }> = {};
    for (const s of floor ? [...servers, floor] : servers) {
      // Warm-up, not measured: JIT, lazy module loading, the store opening.
      await sendOps(s, { durationSec: 1, connections: o.connections });
    }
    const sends = new Map<string, SendResult>();
    const cycles = new Map<string, Awaited<ReturnType<typeof cycle>>>();
    const wakes = new Map<string, Awaited<ReturnType<typeof wakeUp>>>();
    for (const s of floor ? [...servers, floor] : servers) {
      const r = await sendOps(s, o);
      sends.set(s.name, r);
      log(`[${s.name}] SendMessage: ${r.opsPerSec} ops/s, p99 ${r.latencyP99Ms} ms, server ${r.serverCpuUsPerOp} µs CPU/op (main thread ${r.serverMainCpuUsPerOp} µs, busy ${r.serverMainBusy}), client ${r.clientCpuUsPerOp} µs CPU/op, non-2xx ${r.non2xx + r.errors}`);
    }
    for (const s of servers) {
      const r = await cycle(s, o);
      cycles.set(s.name, r);
      log(`[${s.name}] send+receive+delete x10: ${r.messagesPerSec} messages/s, server ${r.serverCpuUsPerMessage} µs CPU/message (main thread busy ${r.serverMainBusy}), errors ${r.errors}`);
    }
    for (const s of servers) {
      const r = await wakeUp(s, o.rounds);
      wakes.set(s.name, r);
      log(`[${s.name}] long-poll wake-up: p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms`);
    }
    const memory = await readMemory(b.pid);
    for (const s of servers) results[s.name] = { send: sends.get(s.name)!, cycle: cycles.get(s.name)!, wake: wakes.get(s.name)! };
    const bs = results[b.name]!;
    const ps = p ? results[p.name] : undefined;
    const fs = floor ? sends.get(floor.name) : undefined;
    // The replay client shares the machine's cores: no server answers this request faster than
    // the floor does, so the floor's ratio to the peer in this run bounds boltstack's ratio.
    const floorDetail = fs ? {
      floorOpsPerSec: fs.opsPerSec, floorServerCpuUsPerOp: fs.serverCpuUsPerOp,
      ratioBoundByFloor: ps ? Math.round((fs.opsPerSec / ps.send.opsPerSec) * 100) / 100 : null,
      cpuRatioToFloor: bs.send.serverCpuUsPerOp !== null && fs.serverCpuUsPerOp ? Math.round((bs.send.serverCpuUsPerOp / fs.serverCpuUsPerOp) * 100) / 100 : null,
    } : {};
    const figures = [
      figure('SendMessage ops/s (json, 1 KiB, autocannon)', 'ops/s', bs.send.opsPerSec, ps?.send.opsPerSec ?? null, { on: 'ratio', op: '>=', limit: 3, text: '>= 3x local-aws-sqs' },
        { serverCpuUsPerOp: bs.send.serverCpuUsPerOp, serverMainThreadBusy: bs.send.serverMainBusy, peerServerCpuUsPerOp: ps?.send.serverCpuUsPerOp ?? null, clientCpuUsPerOp: bs.send.clientCpuUsPerOp, ...floorDetail, invalid: bs.send.non2xx + bs.send.errors }),
      figure('send + receive + delete, batches of 10', 'messages/s', bs.cycle.messagesPerSec, ps?.cycle.messagesPerSec ?? null, { on: 'ratio', op: '>=', limit: 3, text: '>= 3x local-aws-sqs' },
        { serverCpuUsPerMessage: bs.cycle.serverCpuUsPerMessage, serverMainThreadBusy: bs.cycle.serverMainBusy, peerServerCpuUsPerMessage: ps?.cycle.serverCpuUsPerMessage ?? null, errors: bs.cycle.errors }),
      figure('long-poll wake-up p99 (send answered → receive answered)', 'ms', bs.wake.p99, ps?.wake.p99 ?? null, { on: 'value', op: '<', limit: 5, text: '< 5 ms' }, { p50: bs.wake.p50, max: bs.wake.max }),
      figure('peak VmRSS over these workloads', 'MiB', memory.vmHwmMiB, null, { on: 'value', op: '<', limit: 90 * 1000 * 1000 / 1048576, text: '< 90 MB' }, { vmRssMiB: memory.vmRssMiB, rssAnonMiB: memory.rssAnonMiB }),
    ];
    if (bs.send.non2xx + bs.send.errors > 0 || bs.cycle.errors > 0) for (const f of figures) f.pass = false;
    return { benchmark: 'sqs-figures', options: o, environment: environment(), figures, results: { ...results, ...(fs ? { floor: { send: fs } } : {}) } };
  } finally {
    for (const s of servers) await s.stop();
    await floor?.stop();
  }
}
