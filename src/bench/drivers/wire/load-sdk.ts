/**
 * The `sdk` drivers load the AWS SDK clients on first use: they are not dependencies of the
 * boltstack package (28 MB that only these drivers need), so a user who runs `--driver sdk`
 * without them gets one line saying what to install instead of a stack trace.
 */

export class SdkMissingError extends Error {
  constructor(readonly packages: readonly string[]) {
    super(`the sdk driver needs ${packages.join(' and ')}: npm install --save-dev ${packages.join(' ')}`);
    this.name = 'SdkMissingError';
  }
}

/** Whether `err` says the package itself is missing (not one of its own imports failing). */
function isMissing(err: unknown, pkg: string): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND')
    && typeof e.message === 'string' && e.message.includes(`'${pkg}'`);
}

/**
 * Runs `load` (a literal `import('@aws-sdk/...')`, so the types follow); when one of `packages`
 * is not installed, throws an SdkMissingError naming all of them.
 */
export async function loadSdk<T>(packages: readonly string[], load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (packages.some((p) => isMissing(err, p))) throw new SdkMissingError(packages);
    throw err;
  }
}
