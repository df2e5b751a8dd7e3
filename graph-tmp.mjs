import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
const seen = new Map();
function walk(file) {
  if (seen.has(file)) return; const src = readFileSync(file, 'utf8'); seen.set(file, src.length);
  for (const m of src.matchAll(/^import\s+(?!type)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) walk(resolve(dirname(file), m[1]));
  for (const m of src.matchAll(/^import\s+['"](\.[^'"]+)['"]/gm)) walk(resolve(dirname(file), m[1]));
}
walk(resolve(process.argv[2]));
let total = 0; for (const [f, n] of [...seen].sort((a, b) => b[1] - a[1])) { total += n; console.log(String(n).padStart(7), f.replace(/.*dist\//, '')); }
console.log('total', total, 'files', seen.size);
