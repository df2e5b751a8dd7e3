/** `npm run gen:docs`: rewrites the generated operation tables in docs/<service>.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOCUMENTED, operationsTable, spliceTable } from './operations-table.js';

// dist/src/docs/main.js → three levels up is the project root.
const root = fileURLToPath(new URL('../../../', import.meta.url));
for (const service of DOCUMENTED) {
  const path = `${root}docs/${service}.md`;
  writeFileSync(path, spliceTable(readFileSync(path, 'utf8'), await operationsTable(service)));
  console.log(`updated docs/${service}.md`);
}
