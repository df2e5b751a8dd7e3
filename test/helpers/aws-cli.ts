/**
 * Which `test` the AWS CLI tests use, and a session (server, temp dir, CLI environment) for them.
 * The CLI is an optional extra of the machine: where `aws` is missing the file says so in one line
 * and its tests are skipped; in CI (`CI` set; `.ci/run` installs the Debian package when the image
 * lacks it) the tests run anyway and fail, so a missing CLI can never turn them silently into
 * skips there.
 */
import test from 'ava';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { inCi } from './ci.js';
import { startBoltstack, tempDir } from './server.js';

const run = promisify(execFile);
const hasCli = await run('aws', ['--version']).then(() => true, () => false);

export function cliTestFor(file: string): typeof test | typeof test.skip {
  if (hasCli) return test;
  const required = inCi();
  console.warn(`${file}: the \`aws\` command is not installed; ${required ? 'required in CI, failing' : 'skipping the AWS CLI tests'}`);
  return required ? test : test.skip;
}

/** What one CLI command printed and how it exited. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout as bytes, for `aws s3 cp s3://... -` of binary data. */
  stdoutBytes: Buffer;
}

/**
 * A server on a random port, a temp dir that is the CLI's working directory (so the paths it prints
 * are relative to it), and the CLI pointed at the server with test credentials and no user config.
 */
export interface CliSession {
  endpoint: string;
  dir: string;
  /** `aws --endpoint-url <server> ...args`, failing or not; `input` is written to its stdin. */
  aws(args: string[], options?: { input?: Buffer | string; env?: Record<string, string> }): Promise<CliResult>;
  /** Like `aws`, but the command must succeed; its stdout parsed as JSON (`{}` when empty). */
  json<T = Record<string, unknown>>(...args: string[]): Promise<T>;
  /** Like `aws`, but the command must succeed; its stdout as printed. */
  ok(...args: string[]): Promise<string>;
  close(): Promise<void>;
}

const CLI_ENV = {
  AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_PAGER: '',
};

function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv, input: Buffer | string | undefined): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('aws', args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.once('error', reject);
    child.once('close', (code) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes });
    });
    child.stdin.end(input);
  });
}

export async function cliSession(): Promise<CliSession> {
  const server = await startBoltstack();
  const tmp = await tempDir();
  const aws: CliSession['aws'] = (args, options = {}) =>
    runCli(['--endpoint-url', server.endpoint, ...args], tmp.dir, { ...process.env, ...CLI_ENV, ...options.env }, options.input);
  const ok = async (...args: string[]): Promise<string> => {
    const result = await aws(args);
    if (result.code !== 0) throw new Error(`aws ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result.stdout;
  };
  const json = async <T>(...args: string[]): Promise<T> => {
    const stdout = await ok('--output', 'json', ...args);
    return (stdout.trim() === '' ? {} : JSON.parse(stdout)) as T;
  };
  return {
    endpoint: server.endpoint, dir: tmp.dir, aws, ok, json,
    close: async () => { await server.stop(); await tmp.remove(); },
  };
}
