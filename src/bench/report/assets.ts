/**
 * uPlot (https://github.com/leeoniya/uPlot), read from node_modules at render time and inlined,
 * so the report needs no network and no copy of the library is committed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface ChartAssets {
  js: string;
  css: string;
}

export function loadChartAssets(): ChartAssets {
  const require = createRequire(import.meta.url);
  return {
    js: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    css: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
}
