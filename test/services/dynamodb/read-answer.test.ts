/**
 * read-target.ts answers a Query or Scan page by splicing the kept items' stored texts into the
 * answer as one list (a single RawJson). The JSON 1.0 answer must be the one the general path
 * writes (each item decoded and encoded by its shape), for empty, single and many-item pages
 * with every attribute type, escapes and non-ASCII text; and PartiQL, which reads the answer
 * inside the service (decoded-output.ts), must get the decoded items back.
 */
import test from 'ava';
import { loadModel } from '../../../src/model/generated/index.js';
import { getProtocol } from '../../../src/protocols/index.js';
import { decodedOutput } from '../../../src/services/dynamodb/decoded-output.js';
import { parseItem, serializeItem } from '../../../src/services/dynamodb/item-codec.js';
import { readAnswer, type ReadTarget } from '../../../src/services/dynamodb/read-target.js';
import type { TableRecord } from '../../../src/services/dynamodb/table-record.js';
import type { Item } from '../../../src/services/dynamodb/values/index.js';
import { holdingRawJson } from '../../../src/util/raw-json.js';

const itemAt = (i: number): Item => ({
  id: { S: `item-${i} "q" \\ é 😀 \u0001` },
  n: { N: String(i * 7 - 3) },
  b: { B: Buffer.from([i & 255, 0, 255]) },
  set: { SS: ['a', `b${i}`] },
  bs: { BS: [Buffer.from([1]), Buffer.from([i & 255, 2])] },
  doc: { M: { l: { L: [{ BOOL: i % 2 === 0 }, { NULL: true }, { NS: ['1', '2.5'] }] } } },
});

const table = { name: 'answers', id: 'T', hash: { name: 'id', type: 'S' } } as unknown as TableRecord;
const target: ReadTarget = { table, index: undefined, select: 'ALL_ATTRIBUTES', consistent: false };

test('a page spliced as one list is the answer the decoding path writes, and decodes back for PartiQL', async (t) => {
  const model = await loadModel('dynamodb');
  const json = getProtocol('json');
  const ctx = { model, operation: model.operations.Scan!, requestId: 'R' };
  for (const count of [0, 1, 2, 25, 300]) {
    const items = Array.from({ length: count }, (_, i) => itemAt(i));
    const texts = items.map(serializeItem);
    const page = { texts, scanned: count + 5, bytes: 100, last: undefined };
    const spliced = json.encode(ctx, holdingRawJson({ ...readAnswer(target, page, texts, undefined, undefined) })).body as string;
    // The general path: every item decoded (parseItem) and encoded by the output shape.
    const general = json.encode(ctx, { ...readAnswer(target, page, texts, (item) => item, undefined) }).body as string;
    t.is(spliced, general, `${count} items`);
    const decoded = decodedOutput(readAnswer(target, page, texts, undefined, undefined));
    t.deepEqual(decoded.Items, texts.map(parseItem), `${count} items decoded`);
  }
});
