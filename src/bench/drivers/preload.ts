/**
 * Runs `fn(0..count-1)` with at most `concurrency` calls in flight: what a driver's setup uses to
 * preload keys. The first failure stops new calls and is thrown once the in-flight ones settle.
 */
export async function forEachLimited(count: number, concurrency: number, fn: (n: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (next < count && !failure) {
      const n = next++;
      try {
        await fn(n);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
  if (failure) throw failure.err;
}
