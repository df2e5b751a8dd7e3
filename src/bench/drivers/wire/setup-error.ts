/**
 * A driver's setup (create table, queue, topic; preload) failed with an AWS error code. Setup is
 * not a measured operation, so it throws; the code lets `bench peers` tell "this endpoint does not
 * serve the service yet" (NotImplemented) from a real failure.
 */
export class SetupError extends Error {
  readonly code: string;

  constructor(step: string, code: string) {
    super(`${step} failed: ${code}`);
    this.name = 'SetupError';
    this.code = code;
  }
}

export function isSetupError(err: unknown): err is SetupError {
  return err instanceof SetupError;
}
