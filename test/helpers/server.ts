/**
 * Test helpers: a real boltstack on a random port with a temp data dir, and SDK clients with
 * default settings (so default CRC32 checksums and aws-chunked uploads are exercised).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import { createBoltstack, type Boltstack, type CreateOptions } from '../../src/index.js';
import { loadUws, uwsBuildFor } from '../../src/server/uws-loader.js';

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * The HTTP adapter under test: `npm test` runs the integration suites once on uWS and once more
 * with BOLTSTACK_TEST_HTTP_ADAPTER=node-http, so both adapters pass the same end-to-end suite.
 * `.ci/run` also runs them under other Node lines with `auto`, as a user would start it, and says
 * which adapter that must pick in BOLTSTACK_EXPECT_HTTP_ADAPTER (test/e2e/wire.test.ts checks it).
 */
export const TEST_ADAPTER = (process.env.BOLTSTACK_TEST_HTTP_ADAPTER ?? 'uws') as 'auto' | 'uws' | 'node-http';

/** The adapter that really serves the tests: `auto` is uWS where a native build loads, else node:http. */
export const SERVING_ADAPTER: 'uws' | 'node-http' = TEST_ADAPTER === 'auto' ? (uwsLoads() ? 'uws' : 'node-http') : TEST_ADAPTER;

function uwsLoads(): boolean {
  try {
    loadUws();
    return true;
  } catch {
    return false;
  }
}

/**
 * True when the tests are served by uWS v20.30 (Node 20's build, src/server/uws-loader.ts), which
 * hangs up on malformed or oversized heads without an answer (docs/s3.md, "Limits"): tests of
 * those answers are known failures there, and pass on node:http and on uWS v20.51.
 */
export const SERVED_BY_UWS_V20_30 = SERVING_ADAPTER === 'uws' && uwsBuildFor(process.versions.modules).uwsVersion === 'v20.30';

export async function startBoltstack(options: CreateOptions = {}): Promise<Boltstack> {
  return createBoltstack({ logLevel: 'error', httpAdapter: TEST_ADAPTER, ...options });
}

export function s3Client(endpoint: string, extra: Partial<ConstructorParameters<typeof S3Client>[0]> = {}): S3Client {
  return new S3Client({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true, ...extra });
}

let counter = 0;
export const uniqueBucket = (prefix = 'b'): string => `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;

export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'boltstack-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));

export interface ChildServer {
  child: ChildProcess;
  endpoint: string;
  port: number;
  /** SIGTERM and wait for exit. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait for exit. */
  kill9(): Promise<void>;
}

/** Starts `boltstack` as a separate process (for kill -9 and restart tests). */
export function startChild(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, [CLI, '--http-adapter', TEST_ADAPTER, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`boltstack did not start: ${out}${err}`)), 15000);
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Ready\. .* on (http:\/\/[^\s]+:(\d+))/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          child, endpoint: m[1]!, port: Number(m[2]),
          stop: async () => { child.kill('SIGTERM'); return exited; },
          kill9: async () => { child.kill('SIGKILL'); await exited; },
        });
      }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`boltstack exited ${code}: ${out}${err}`)); });
  });
}
