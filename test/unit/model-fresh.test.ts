// The generated catalogue is committed and must match what the generator produces now
// (STYLE.md habit 8). Regenerate with `npm run gen:model` when this fails.
import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_DIR, generateAll } from '../../src/model/codegen/generate.js';
import { loadModel, SERVICE_PROTOCOLS } from '../../src/model/generated/index.js';

// dist/test/unit/ → project root
const root = fileURLToPath(new URL('../../../', import.meta.url));

test('committed src/model/generated matches the generator', (t) => {
  const expected = generateAll();
  for (const [path, text] of expected) {
    let committed: string | undefined;
    try { committed = readFileSync(join(root, path), 'utf8'); } catch { committed = undefined; }
    t.true(committed === text, `${path} is stale: run npm run gen:model`);
  }
  const present = readdirSync(join(root, GENERATED_DIR)).map((f) => `${GENERATED_DIR}/${f}`).sort();
  t.deepEqual(present, [...expected.keys()].sort(), 'no stray files in src/model/generated');
});

test('generation is deterministic', (t) => {
  t.deepEqual([...generateAll()], [...generateAll()]);
});

test('loadModel returns each service model with its protocol metadata', async (t) => {
  for (const service of ['s3', 'dynamodb', 'dynamodbstreams', 'sqs', 'sns', 'sts'] as const) {
    const model = await loadModel(service);
    t.is(model.service, service);
    t.is(model.protocol, SERVICE_PROTOCOLS[service].protocol);
    t.is(model, await loadModel(service), 'loaded once');
  }
  const s3 = await loadModel('s3');
  t.true(s3.operations.PutObject?.streamingInput);
  t.true(s3.operations.UploadPart?.streamingInput);
  t.true(s3.operations.GetObject?.streamingOutput);
  t.falsy(s3.operations.GetObject?.streamingInput);
  t.is(s3.operations.ListObjectsV2?.output?.locationName, 'ListBucketResult');
  t.deepEqual(SERVICE_PROTOCOLS.sqs.protocols, ['json', 'query']);
  t.false(JSON.stringify(s3).includes('contextParam'), 'client-only traits pruned');
  t.false(JSON.stringify(s3).includes('sensitive'), 'client-only traits pruned');
});
