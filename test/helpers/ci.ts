/**
 * Whether the tests run in CI, where the optional extras (Chromium, podman, the AWS CLI, the npm
 * registry) are required rather than skipped: `CI` set as CI services set it (any value but empty,
 * 0 or false). `.ci/run` sets it too.
 */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}
