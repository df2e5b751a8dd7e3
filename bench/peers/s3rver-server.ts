/**
 * Runs the peer emulator s3rver (npm `s3rver` v3) in its own process for the side-by-side
 * benchmarks:  node dist/bench/peers/s3rver-server.js --port P --dir DIR
 * Listens on 127.0.0.1 only, silent, data in DIR (the caller owns and removes it). It accepts
 * only the credentials S3RVER/S3RVER. Exits on SIGTERM/SIGINT after closing the server.
 */
import { createRequire } from 'node:module';

interface S3rverInstance { run(): Promise<{ port: number }>; close(): Promise<void> }
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

function arg(name: string): string {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (!v) throw new Error(`missing ${name}`);
  return v;
}

const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
const server = new S3rver({
  address: '127.0.0.1', port: Number(arg('--port')), directory: arg('--dir'), silent: true,
  // Path-style only, as the bench addresses it: no vhost guessing from the Host header.
  vhostBuckets: false,
});
const { port } = await server.run();
process.stdout.write(`Ready. s3rver on http://127.0.0.1:${port}\n`);
const stop = (): void => { server.close().finally(() => process.exit(0)); };
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
