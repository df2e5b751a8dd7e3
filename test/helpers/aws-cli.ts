/**
 * Which `test` the AWS CLI tests use. The CLI is an optional extra of the machine: where `aws` is
 * missing the file says so in one line and its tests are skipped; in CI (`CI` set; `.ci/run`
 * installs the Debian package when the image lacks it) the tests run anyway and fail, so a missing
 * CLI can never turn them silently into skips there.
 */
import test from 'ava';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { inCi } from './ci.js';

const run = promisify(execFile);
const hasCli = await run('aws', ['--version']).then(() => true, () => false);

export function cliTestFor(file: string): typeof test | typeof test.skip {
  if (hasCli) return test;
  const required = inCi();
  console.warn(`${file}: the \`aws\` command is not installed; ${required ? 'required in CI, failing' : 'skipping the AWS CLI tests'}`);
  return required ? test : test.skip;
}
