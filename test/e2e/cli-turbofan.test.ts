/**
 * The CLI starts with TurboFan off (src/cli.ts, to keep memory low at idle and after a few
 * requests) and must switch it back on once the server is busy (1,000 AWS requests,
 * src/gateway/busy-signal.ts): a server left without it would run its hot paths several times
 * slower. V8's --trace-opt shows what gets optimised, and when.
 */
import test from 'ava';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { CREDENTIALS } from '../helpers/server.js';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
// Node 24's V8 names the tier TURBOFAN_JS.
const TURBOFAN = /completed optimizing .*\(target TURBOFAN(_JS)?\)/;
// Maglev (on by default from Node 24) must stay off until busy as well: functions it compiles
// while TurboFan is off are not tiered up to TurboFan later (src/cli.ts).
const ANY_OPTIMISING_TIER = /completed (optimizing|compiling) .*\(target (TURBOFAN(_JS)?|MAGLEV)\)/;

/** The CLI with --trace-opt; resolves its endpoint once Ready. */
function startTracing(): { child: ReturnType<typeof spawn>; output: () => string; ready: Promise<string> } {
  const child = spawn(process.execPath, ['--trace-opt', CLI, '--port', '0', '--ephemeral', '--log-level', 'error'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no Ready line: ${out.slice(-2000)}`)), 15_000);
    child.stdout!.on('data', () => {
      const m = /Ready\. .* on (http:\/\/[^\s]+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
  });
  return { child, output: () => out, ready };
}

/** An AWS request that loads the request pipeline and S3 (ListBuckets), as a first session does. */
async function listBuckets(endpoint: string): Promise<void> {
  await (await fetch(`${endpoint}/`)).arrayBuffer();
}

test('TurboFan stays off for a few AWS requests and optimises code again once the server is busy', async (t) => {
  t.timeout(120_000);
  const child = spawn(process.execPath, ['--trace-opt', CLI, '--port', '0', '--ephemeral', '--log-level', 'error'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no Ready line: ${out.slice(-2000)}`)), 15_000);
      child.stdout.on('data', () => {
        const m = /Ready\. .* on (http:\/\/[^\s]+)/.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]!); }
      });
    });
    const sinceReady = (): string => out.slice(out.indexOf('Ready.'));
    // (Maglev may compile a function of Node's module loader while the entry's own imports load,
    // before the entry sets its flags: only TurboFan maps the memory that matters there.)
    t.notRegex(out.slice(0, out.indexOf('Ready.')), TURBOFAN, 'nothing is optimised while starting');
    // Health checks do not make the server busy; a few AWS requests (pipeline and S3 loaded) neither.
    for (let i = 0; i < 1200; i++) await (await fetch(`${endpoint}/_boltstack/health`)).arrayBuffer();
    for (let i = 0; i < 20; i++) await listBuckets(endpoint);
    t.notRegex(sinceReady(), ANY_OPTIMISING_TIER, 'nothing is optimised after health checks and a few requests');
    // Busy: the threshold passes, and the request path is hot enough to be optimised.
    for (let i = 0; i < 3000; i++) await listBuckets(endpoint);
    t.regex(sinceReady(), TURBOFAN);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
});

test('a few heavy requests make the server busy by its CPU: Scans get TurboFan long before 1,000 requests', async (t) => {
  t.timeout(120_000);
  const { child, output, ready } = startTracing();
  try {
    const endpoint = await ready;
    const ddb = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
    await ddb.send(new CreateTableCommand({ TableName: 'heavy', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' }));
    let requests = 1;
    for (let b = 0; b < 120; b++) {
      const items = Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: { id: { S: `item-${b}-${i}` }, n: { N: String(i) }, text: { S: 'x'.repeat(200) } } } }));
      await ddb.send(new BatchWriteItemCommand({ RequestItems: { heavy: items } }));
      requests++;
    }
    // Scans of 3,000 items from four clients until TurboFan shows up (or 600 requests in all).
    const sinceReady = (): string => output().slice(output().indexOf('Ready.'));
    const scans = async (): Promise<void> => {
      while (requests < 600 && !TURBOFAN.test(sinceReady())) {
        requests++;
        await ddb.send(new ScanCommand({ TableName: 'heavy', FilterExpression: 'n < :x', ExpressionAttributeValues: { ':x': { N: '3' } } }));
      }
    };
    await Promise.all([scans(), scans(), scans(), scans()]);
    t.log(`${requests} AWS requests`);
    t.regex(sinceReady(), TURBOFAN);
    t.true(requests < 1000);
    ddb.destroy();
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
});
