/** What both adapters share: defaults and the graceful-close wait. */

/** node:http's default head limit; S3 itself caps a PUT head at 8 KiB, so real clients fit. */
export const DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

/** Resolves when `count()` reaches 0 or after `graceMs`, whichever comes first. */
export function waitUntilIdle(count: () => number, graceMs: number): Promise<void> {
  if (count() === 0 || graceMs <= 0) return Promise.resolve();
  const deadline = Date.now() + graceMs;
  return new Promise((resolve) => {
    const tick = (): void => {
      if (count() === 0 || Date.now() >= deadline) resolve();
      else setTimeout(tick, Math.min(20, Math.max(1, deadline - Date.now())));
    };
    tick();
  });
}
