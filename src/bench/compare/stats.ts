/**
 * Small, dependency-free statistics for the comparison gate: order statistics, dispersion and an
 * exact one-sided Mann-Whitney U test. Pure functions over plain number arrays.
 */

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Sample standard deviation (n - 1); 0 for fewer than two values. */
export function stddev(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return Math.sqrt(ss / (xs.length - 1));
}

/** Coefficient of variation (stddev / mean); 0 when the mean is 0. */
export function coefficientOfVariation(xs: readonly number[]): number {
  const m = mean(xs);
  return m === 0 || Number.isNaN(m) ? 0 : stddev(xs) / Math.abs(m);
}

/** Quantile with linear interpolation between order statistics (type 7, as R and numpy default). */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

export interface MannWhitneyResult {
  /** U of the `b` sample: pairs (a_i, b_j) with b_j > a_i, ties counted one half. */
  u: number;
  /** One-sided p-value for "b tends to be smaller than a". */
  pLess: number;
  /** One-sided p-value for "b tends to be larger than a". */
  pGreater: number;
  /** The smallest one-sided p-value these sample sizes can produce (complete separation). */
  minP: number;
  exact: boolean;
}

/**
 * Exact one-sided Mann-Whitney U test of sample `b` against sample `a`.
 *
 * Why this test: a gate compares a handful of runs per side (3-5), and only whole runs are
 * independent — per-window samples inside one run share its CPU frequency, page cache and noisy
 * neighbours, so a Welch test or a bootstrap over windows would treat autocorrelated samples as
 * independent and report "significant" differences that do not repeat (a flapping gate). U on
 * per-run values assumes neither normality nor equal variance, and its exact null distribution
 * is cheap to enumerate for small samples, so the p-value is exact where the normal approximation
 * is poor. Its price is honesty about power: with 3 runs per side the best possible one-sided p
 * is 1/20 = 0.05; `minP` lets the caller see when the sample is too small to ever be significant.
 * Ties use mid-ranks; above 400 pairs the normal approximation (with tie correction) is used.
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return { u: NaN, pLess: 1, pGreater: 1, minP: 1, exact: true };
  let u = 0;
  for (const y of b) for (const x of a) u += y > x ? 1 : y === x ? 0.5 : 0;
  if (m * n <= 400) {
    const counts = uDistribution(m, n);
    const total = counts.reduce((s, c) => s + c, 0);
    const cdf = (k: number): number => {
      let c = 0;
      for (let i = 0; i <= Math.min(k, counts.length - 1); i++) c += counts[i]!;
      return c / total;
    };
    // With a tie the observed U is a half-integer; rounding toward the null keeps p conservative.
    return { u, pLess: cdf(Math.ceil(u)), pGreater: cdf(Math.ceil(m * n - u)), minP: 1 / total, exact: true };
  }
  return { u, ...normalApproximation(a, b, u), minP: 0, exact: false };
}

/** Number of arrangements giving each U in 0..m*n under H0 (Mann & Whitney 1947 recursion). */
function uDistribution(m: number, n: number): number[] {
  // f[i][j] is the distribution for sample sizes (i, j); built row by row to keep memory at O(n·mn).
  let prev: number[][] = Array.from({ length: n + 1 }, () => [1]);
  for (let i = 1; i <= m; i++) {
    const row: number[][] = [[1]];
    for (let j = 1; j <= n; j++) {
      const size = i * j + 1;
      const d = new Array<number>(size).fill(0);
      // f(u; i, j) = f(u - j; i - 1, j) + f(u; i, j - 1)
      const left = prev[j]!;
      const down = row[j - 1]!;
      for (let k = 0; k < size; k++) d[k] = (k - j >= 0 ? left[k - j] ?? 0 : 0) + (down[k] ?? 0);
      row.push(d);
    }
    prev = row;
  }
  return prev[n]!;
}

function normalApproximation(a: readonly number[], b: readonly number[], u: number): { pLess: number; pGreater: number } {
  const m = a.length;
  const n = b.length;
  const all = [...a, ...b].sort((x, y) => x - y);
  let tieTerm = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j] === all[i]) j++;
    const t = j - i;
    tieTerm += t ** 3 - t;
    i = j;
  }
  const N = m + n;
  const sigma = Math.sqrt((m * n / 12) * (N + 1 - tieTerm / (N * (N - 1))));
  if (sigma === 0) return { pLess: 1, pGreater: 1 };
  const mu = (m * n) / 2;
  // Continuity correction of 0.5 toward the mean.
  return { pLess: normalCdf((u - mu + 0.5) / sigma), pGreater: 1 - normalCdf((u - mu - 0.5) / sigma) };
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
