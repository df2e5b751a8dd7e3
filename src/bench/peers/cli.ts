/**
 * `boltstack bench peers [--duration 10s] [--out peers.json] [--html peers.html] [--only s3,dynamodb,sqs]`:
 * runs runPeers, prints the ratio table on stdout (progress on stderr), writes the JSON and HTML
 * reports. Exit code: 0 when every pair ran or is reported as not implemented yet, 1 when a run
 * failed otherwise or the peers are not installed (an npm-installed boltstack: availability.ts),
 * 2 on a usage error.
 */
import { writeFile } from 'node:fs/promises';
import { renderHtmlReport } from '../report/html.js';
import type { RunResult } from '../types.js';
import { PEERS_USAGE, PeersUsageError, parsePeersArgs, type PeersArgs } from './args.js';
import { peersUnavailable } from './availability.js';
import { formatPeers } from './format.js';
import { runPeers, type PeersReport } from './run-peers.js';

function results(report: PeersReport): RunResult[] {
  return report.pairs.flatMap((p) => [p.boltstack, p.peer]).flatMap((r) => (r?.status === 'ok' && r.result ? [r.result] : []));
}

export async function runPeersCli(argv: string[]): Promise<number> {
  let args: PeersArgs;
  try {
    args = parsePeersArgs(argv);
  } catch (err) {
    if (!(err instanceof PeersUsageError)) throw err;
    process.stderr.write(`boltstack bench peers: ${err.message}\n\n${PEERS_USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(PEERS_USAGE);
    return 0;
  }
  const unavailable = peersUnavailable();
  if (unavailable !== undefined) {
    process.stderr.write(`boltstack bench peers: ${unavailable}\n`);
    return 1;
  }
  const report = await runPeers({
    only: args.only, durationSeconds: args.durationSeconds, warmupSeconds: args.warmupSeconds,
    driver: args.driver, s3FiguresArgs: args.s3FiguresArgs,
    log: (m) => process.stderr.write(`${m}\n`),
  });
  process.stdout.write(formatPeers(report));
  if (args.out) await writeFile(args.out, JSON.stringify(report, null, 2) + '\n');
  if (args.html) await writeFile(args.html, renderHtmlReport(results(report), { title: 'boltstack bench peers' }));
  const failed = report.pairs.some((p) => p.boltstack.status === 'failed' || p.peer?.status === 'failed') || Boolean(report.s3Figures?.error);
  return failed ? 1 : 0;
}
