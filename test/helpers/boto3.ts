/**
 * Which `test` the boto3 tests use, and a session (server, Python scripts under
 * test/fixtures/boto3/) for them. boto3 is an optional extra of the machine: where no Python can
 * `import boto3` (findPython) the file says so in one line and its tests are skipped; in CI
 * (`inCi()`; `.ci/run` installs Debian's python3-boto3 when the image lacks it) the tests run anyway
 * and fail, so a missing boto3 can never turn them silently into skips there.
 *
 * Each script is one session of what a Python test suite does against boltstack; it prints one JSON
 * object of what boto3 returned (computing what AWS would answer where it can: CRC32s, MD5s) and the
 * test asserts on it. A script that raises fails the test with Python's traceback.
 */
import test, { type ImplementationFn } from 'ava';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Boltstack } from '../../src/index.js';
import { inCi } from './ci.js';
import { startBoltstack } from './server.js';

const run = promisify(execFile);

/**
 * The Python that runs the scripts: BOLTSTACK_TEST_PYTHON if set, else the first of `python3` on
 * PATH (a pyenv or venv with boto3 from pip) and Debian's /usr/bin/python3 (python3-boto3, what
 * `.ci/run` installs) that can import boto3.
 */
async function findPython(): Promise<string | undefined> {
  const candidates = process.env.BOLTSTACK_TEST_PYTHON ? [process.env.BOLTSTACK_TEST_PYTHON] : ['python3', '/usr/bin/python3'];
  for (const python of candidates) {
    if (await run(python, ['-c', 'import boto3']).then(() => true, () => false)) return python;
  }
  return undefined;
}
const python = await findPython();
const hasBoto3 = python !== undefined;

/** `test`, and `test.failing` for a known defect, both skipped together where boto3 is missing. */
export interface Boto3Test {
  (title: string, impl: ImplementationFn<[]>): void;
  failing(title: string, impl: ImplementationFn<[]>): void;
}

export function boto3TestFor(file: string): Boto3Test {
  const required = inCi();
  if (!hasBoto3) console.warn(`${file}: no python3 with boto3 (pip install boto3, or apt-get install python3-boto3); ${required ? 'required in CI, failing' : 'skipping the boto3 tests'}`);
  const runs = hasBoto3 || required;
  return Object.assign((title: string, impl: ImplementationFn<[]>) => (runs ? test : test.skip)(title, impl), {
    failing: (title: string, impl: ImplementationFn<[]>) => (runs ? test.failing : test.skip)(title, impl),
  });
}

/** The scripts live beside the TypeScript sources; tsc does not copy them into dist/. */
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/boto3/', import.meta.url));

/**
 * boto3 pointed at the server with test credentials, no user config or profile, and no
 * endpoint, region or checksum setting inherited from the machine (botocore's own defaults hold).
 */
function pythonEnv(endpoint: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_') && !k.startsWith('BOTO')) env[k] = v;
  return {
    ...env, BOLTSTACK_ENDPOINT: endpoint, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8',
    AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true',
  };
}

export interface Boto3Session {
  endpoint: string;
  server: Boltstack;
  /** Runs test/fixtures/boto3/<script>.py against the server; its stdout parsed as JSON. */
  run<T = Record<string, unknown>>(script: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * One server for a whole test file, started by the first script that runs (so a file whose tests
 * are all skipped starts none) and stopped after the last test.
 */
export function sharedBoto3Session(): { run<T = Record<string, unknown>>(script: string): Promise<T> } {
  let session: Promise<Boto3Session> | undefined;
  test.after.always(async () => { if (session) await (await session).close(); });
  return { run: async <T>(script: string) => (await (session ??= boto3Session())).run<T>(script) };
}

export async function boto3Session(): Promise<Boto3Session> {
  const server = await startBoltstack();
  const env = pythonEnv(server.endpoint);
  const runScript = async <T>(script: string): Promise<T> => {
    const { stdout } = await run(python ?? process.env.BOLTSTACK_TEST_PYTHON ?? 'python3', [`${FIXTURES}${script}.py`], { cwd: FIXTURES, env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 })
      .catch((err: Error & { stderr?: string }) => { throw new Error(`${script}.py failed: ${err.stderr ?? err.message}`); });
    return JSON.parse(stdout) as T;
  };
  return { endpoint: server.endpoint, server, run: runScript, close: () => server.stop() };
}
