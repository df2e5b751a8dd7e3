/**
 * `boltstack bench run`: load the workload, start an ephemeral boltstack unless --endpoint is
 * given, run it with a live progress line, print the summary, write --out JSON and --html.
 * Ctrl-C ends the measured phase early and still writes what was measured; a second one exits.
 */
import { writeFile } from 'node:fs/promises';
import type { RunResult } from '../types.js';
import { runBench } from '../run-bench.js';
import { loadWorkload } from '../workload/load.js';
import { WorkloadError } from '../workload/fields.js';
import { DriverNotFoundError } from '../drivers/registry.js';
import { startEphemeralServer, type EphemeralServer } from './ephemeral-server.js';
import { progressLine } from './progress.js';
import { formatSummary } from './summary.js';
import { parseRunArgs, RUN_USAGE, UsageError, type RunArgs } from './run-args.js';

export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: CommandIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

async function writeHtml(file: string, result: RunResult): Promise<void> {
  // The report module is loaded only when asked for: it reads the chart library's sources.
  const { renderHtmlReport } = await import('../report/html.js');
  await writeFile(file, renderHtmlReport([result], { title: `${result.workload.name} — ${result.target.label}` }));
}

async function execute(args: RunArgs, io: CommandIo): Promise<number> {
  const workload = await loadWorkload(args.workload);
  let server: EphemeralServer | undefined;
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = (): void => {
    if (++interrupts > 1) process.exit(130);
    io.err('\nInterrupted: finishing in-flight operations (Ctrl-C again to quit)...\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const progress = progressLine();
  try {
    if (!args.endpoint) {
      server = await startEphemeralServer();
      io.err(`Started an ephemeral boltstack at ${server.endpoint} (pid ${server.pid}).\n`);
    }
    const endpoint = args.endpoint ?? server!.endpoint;
    const result = await runBench({
      workload,
      endpoint,
      driver: args.driver,
      label: args.label ?? (server ? 'boltstack (ephemeral)' : endpoint),
      serverPid: args.serverPid ?? server?.pid,
      region: args.region,
      overrides: {
        durationSeconds: args.durationSeconds, operations: args.operations,
        concurrency: args.concurrency, warmupSeconds: args.warmupSeconds,
      },
      onProgress: (p) => progress.update(p),
      signal: controller.signal,
    });
    progress.done();
    io.out(formatSummary(result));
    if (args.out) {
      await writeFile(args.out, JSON.stringify(result, null, 2) + '\n');
      io.out(`Result: ${args.out}\n`);
    }
    if (args.html) {
      await writeHtml(args.html, result);
      io.out(`Report: ${args.html}\n`);
    }
    return 0;
  } finally {
    progress.done();
    process.removeListener('SIGINT', onSigint);
    await server?.stop();
  }
}

export async function runCommand(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  let args: RunArgs;
  try {
    args = parseRunArgs(argv);
  } catch (err) {
    io.err(`boltstack bench run: ${(err as Error).message}\n\n${RUN_USAGE}`);
    return 2;
  }
  if (args.help) { io.out(RUN_USAGE); return 0; }
  try {
    return await execute(args, io);
  } catch (err) {
    const usage = err instanceof WorkloadError || err instanceof DriverNotFoundError || err instanceof UsageError;
    // A stack helps only when debugging the harness itself: BOLTSTACK_BENCH_DEBUG=1 shows it.
    const text = err instanceof Error ? (process.env.BOLTSTACK_BENCH_DEBUG ? err.stack ?? err.message : err.message) : String(err);
    io.err(`boltstack bench run: ${text}\n`);
    return usage ? 2 : 1;
  }
}
