/**
 * `npm run gen:model`: writes src/model/generated/* from the aws-sdk models. Run from the compiled
 * output (dist/src/model/codegen/main.js); the project root is found from this file's location.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll } from './generate.js';

// dist/src/model/codegen/main.js → four levels up is the project root.
const root = fileURLToPath(new URL('../../../../', import.meta.url));

for (const [path, text] of generateAll()) {
  const target = join(root, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${path} (${text.length} bytes)`);
}
