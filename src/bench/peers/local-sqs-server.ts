/**
 * Runs the peer emulator local-aws-sqs (npm `local-aws-sqs` v2, a library without a CLI) in its
 * own process:  node dist/src/bench/peers/local-sqs-server.js --port P
 * Listens on 127.0.0.1 only, in memory. Prints "Ready. local-aws-sqs on URL" once listening and
 * exits on SIGTERM/SIGINT after closing the server.
 */
import { createRequire } from 'node:module';

type LocalSqs = typeof import('local-aws-sqs');

const i = process.argv.indexOf('--port');
const port = i >= 0 ? Number(process.argv[i + 1]) : NaN;
if (!Number.isInteger(port) || port <= 0) throw new Error('usage: local-sqs-server --port P');

// A CommonJS bundle: require() it rather than trust ESM named-export detection.
const { createSqsServer } = createRequire(import.meta.url)('local-aws-sqs') as LocalSqs;
const server = await createSqsServer({
  port, hostname: '127.0.0.1',
  // AWS's 60 s wait before a deleted queue's name can be reused would only slow repeated runs.
  emulateQueueCreationLifecycle: false,
});
process.stdout.write(`Ready. local-aws-sqs on http://127.0.0.1:${port}\n`);
const stop = (): void => { server.close(() => process.exit(0)); setTimeout(() => process.exit(0), 1000).unref(); };
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
