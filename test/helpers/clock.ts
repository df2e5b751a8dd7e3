/**
 * Moving this process's wall clock for a while: the gateway, STS and SQS read `Date.now`, and a
 * server started in process (startBoltstack) shares it. Tests that use it must be `test.serial`:
 * a concurrent test would see the moved clock too.
 */

/** Runs `body` with `Date.now` `ms` ahead, and restores it after, even when `body` throws. */
export async function withClockAhead<T>(ms: number, body: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  Date.now = () => realNow() + ms;
  try {
    return await body();
  } finally {
    Date.now = realNow;
  }
}
