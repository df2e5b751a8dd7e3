/**
 * Polls a URL on 127.0.0.1 until it answers, every `intervalMs`, for at most `timeoutMs`.
 * `accept` decides which status counts (default: 200). Resolves with the time of the first
 * accepted answer (performance.now()), so a caller can subtract its spawn time.
 */
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';

function probe(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', agent: false }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode));
    });
    req.once('error', () => resolve(undefined));
    req.setTimeout(1000, () => req.destroy());
    req.end();
  });
}

export async function waitForHttp(
  url: string,
  opts: { timeoutMs?: number; intervalMs?: number; accept?: (status: number) => boolean; isAlive?: () => boolean } = {},
): Promise<number> {
  const { timeoutMs = 15_000, intervalMs = 2, accept = (s) => s === 200, isAlive = () => true } = opts;
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (!isAlive()) throw new Error(`process exited before ${url} answered`);
    const status = await probe(url);
    if (status !== undefined && accept(status)) return performance.now();
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
