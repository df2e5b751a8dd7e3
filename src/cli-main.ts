/**
 * boltstack [options]: flags and BOLTSTACK_* env vars → options → start. Prints "Ready." and the
 * endpoint; SIGINT/SIGTERM finish in-flight requests and close the store before exiting.
 * `boltstack bench ...` runs the benchmark harness instead. Loaded by the entry, cli.ts.
 */
import { ConfigError, OPTION_SPECS, parseArgv, resolveOptions } from './config.js';
import { createBoltstack, packageVersion } from './index.js';
import { nodeFs } from './util/node-builtins.js';

function usage(): string {
  const rows = OPTION_SPECS.map((s) => `  ${(s.flag + (s.key === 'ephemeral' ? '' : ' VALUE')).padEnd(28)} ${s.help} [${s.env}, default ${s.default || '""'}]`);
  return `boltstack ${packageVersion()} — local AWS emulator (S3, DynamoDB, SQS, SNS, STS)\n\nUsage: boltstack [options]\n\n${rows.join('\n')}\n  --help                       This text.\n  --version                    Print the version.\n`;
}

async function main(argv: string[], hooks: CliHooks): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) { process.stdout.write(usage()); return; }
  if (argv.includes('--version')) { process.stdout.write(packageVersion() + '\n'); return; }
  let options;
  try {
    options = resolveOptions(parseArgv(argv), process.env);
  } catch (err) {
    process.stderr.write(`boltstack: ${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
    return;
  }
  // The store opens on the first request; if it cannot, this emulator is of no use: say why
  // in one line and exit, as a failure at start would.
  let failed = false;
  const instance = await createBoltstack({
    resolved: options,
    onBusy: hooks.busy,
    onStoreFailure: (err) => {
      if (failed) return;
      failed = true;
      process.stderr.write(`boltstack: ${err.message}\n`);
      setImmediate(() => { instance.stop().finally(() => process.exit(1)); });
    },
  });
  printNow(`Ready. boltstack ${packageVersion()} on ${instance.endpoint} (data: ${options.ephemeral ? 'ephemeral' : instance.dataDir}, http: ${instance.httpAdapter})\n`);
  hooks.ready();
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: finishing in-flight requests and closing the store...\n`);
    instance.stop().then(() => process.exit(0), (err: unknown) => {
      process.stderr.write(`boltstack: error while stopping: ${String(err)}\n`);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/**
 * Writes to stdout with one write(2). Why not process.stdout: on a pipe (a container's log, a
 * CI step's) that is a net.Socket, and making it loads node:net and node:stream, about 0.6 MiB
 * of idle RSS for one line. A write the pipe does not take whole (it is full and non-blocking)
 * goes on through process.stdout.
 */
function printNow(text: string): void {
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    written = nodeFs().writeSync(1, bytes);
  } catch {
    // EAGAIN: nothing was written
  }
  if (written < bytes.length) process.stdout.write(bytes.subarray(written));
}

/** What the entry (cli.ts) does with V8 at points of the command's life. */
export interface CliHooks {
  /** The server is busy (src/gateway/busy-signal.ts), or the harness is about to run. */
  busy: () => void;
  /** The server listens and has printed Ready. */
  ready: () => void;
}

export function runCli(args: string[], hooks: CliHooks): void {
  if (args[0] === 'bench') {
    hooks.busy();
    // The benchmark harness is loaded only for `boltstack bench ...`: the server never loads it.
    import('./bench/cli.js').then((m) => m.runBenchCli(args.slice(1))).then((code) => process.exit(code), (err: unknown) => {
      process.stderr.write(`boltstack bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exit(1);
    });
    return;
  }
  main(args, hooks).catch((err: unknown) => {
    process.stderr.write(`boltstack: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
