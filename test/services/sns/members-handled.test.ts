/**
 * Strict by default (DESIGN.md §7): every input member of an implemented SNS operation is named
 * in its handler file or a shared helper it uses (read, validated or gated), so none can be silently ignored. A member the
 * model adds later fails this test until someone decides what it means.
 */
import test from 'ava';
import { readFileSync, readdirSync } from 'node:fs';
import model from '../../../src/model/generated/sns.js';
import { implementedOperations } from '../../../src/services/sns/index.js';

const root = new URL('../../../../src/services/sns/operations/', import.meta.url);
const files = readdirSync(root).map((f) => readFileSync(new URL(f, root), 'utf8'));
/** Checks shared by Publish and PublishBatch (message, subject, structure, attributes, FIFO ids). */
const SHARED = readFileSync(new URL('../accept-message.ts', root), 'utf8');

for (const op of implementedOperations) {
  test(`${op}: every input member is handled or gated`, (t) => {
    const camel = op[0]!.toLowerCase() + op.slice(1);
    const text = files.find((f) => f.includes(`export const ${camel}:`));
    if (text === undefined) return t.fail(`no handler file exports ${camel}`);
    const members = Object.keys(model.operations[op]!.input?.members ?? {});
    t.deepEqual(members.filter((m) => !new RegExp(`\\b${m}\\b`).test(text + SHARED)), [], `members of ${op} that nothing reads or gates`);
  });
}
