import test from 'ava';
import { readFileSync } from 'node:fs';
import { DOCUMENTED, operationsTable, spliceTable } from '../../src/docs/operations-table.js';

for (const service of DOCUMENTED) {
  test(`docs/${service}.md lists exactly the implemented operations (run npm run gen:docs)`, async (t) => {
    const doc = readFileSync(new URL(`../../../docs/${service}.md`, import.meta.url), 'utf8');
    t.is(doc, spliceTable(doc, await operationsTable(service)));
  });
}
