import test from 'ava';
import { coefficientOfVariation, mannWhitneyU, median, normalCdf, quantile } from '../../src/bench/compare/stats.js';

test('median and quantiles interpolate like R type 7', (t) => {
  t.is(median([3, 1, 2]), 2);
  t.is(median([4, 1, 3, 2]), 2.5);
  t.is(quantile([1, 2, 3, 4, 5], 0.9), 4.6);
  t.true(Number.isNaN(median([])));
});

test('coefficient of variation of a constant sample is 0', (t) => {
  t.is(coefficientOfVariation([5, 5, 5]), 0);
  t.true(Math.abs(coefficientOfVariation([90, 100, 110]) - 0.1) < 1e-12);
});

test('Mann-Whitney exact p: complete separation of 3 vs 3 is 1/20', (t) => {
  const r = mannWhitneyU([10, 11, 12], [1, 2, 3]);
  t.is(r.u, 0);
  t.is(r.pLess, 1 / 20);
  t.is(r.pGreater, 1);
  t.is(r.minP, 1 / 20);
  t.true(r.exact);
});

test('Mann-Whitney exact p for 4 vs 5 matches brute-force enumeration of the 126 rankings', (t) => {
  const exact = mannWhitneyU([10, 20, 30, 40], [1, 2, 15, 25, 50]);
  // b > a pairs: 15>10; 25>10,20; 50>10,20,30,40 → U = 1 + 2 + 4 = 7; P(U <= 7) = 35/126 for (4, 5).
  t.is(exact.u, 7);
  t.true(Math.abs(exact.pLess - 35 / 126) < 1e-12);
});

test('Mann-Whitney: identical samples give p = 1 in both directions, ties count one half', (t) => {
  const r = mannWhitneyU([5, 5, 5], [5, 5, 5]);
  t.is(r.u, 4.5);
  t.true(r.pLess > 0.5);
  t.true(r.pGreater > 0.5);
});

test('Mann-Whitney: large samples use the normal approximation', (t) => {
  const a = Array.from({ length: 30 }, (_, i) => 100 + i);
  const b = Array.from({ length: 30 }, (_, i) => 80 + i);
  const r = mannWhitneyU(a, b);
  t.false(r.exact);
  t.true(r.pLess < 0.01);
  t.true(r.pGreater > 0.99);
});

test('normal CDF', (t) => {
  t.true(Math.abs(normalCdf(0) - 0.5) < 1e-7);
  t.true(Math.abs(normalCdf(1.959964) - 0.975) < 1e-6);
  t.true(Math.abs(normalCdf(-2.326348) - 0.01) < 1e-6);
});
