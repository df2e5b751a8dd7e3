/**
 * What the internal endpoints answer is what the docs say, read from a running server rather than
 * from a copy of the lists:
 * - every metric family `/_boltstack/metrics` serves has a row of docs/metrics.md's table with its
 *   type and every label its samples carry, and every row names a family that is served;
 * - every field of `/_boltstack/health` is named in docs/configuration.md's row for it.
 */
import test from 'ava';
import { readFileSync } from 'node:fs';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { s3Client, startBoltstack, uniqueBucket } from '../helpers/server.js';
import { parsePrometheus, type Family } from '../helpers/prometheus.js';
import type { Boltstack } from '../../src/index.js';

const doc = (name: string): string => readFileSync(new URL(`../../../docs/${name}`, import.meta.url), 'utf8');
const backticked = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

interface MetricRow { type: string; labels: Set<string> }

/** docs/metrics.md's "What it reports" rows: | `family`, `family` | type | `label` (`value` ...) | meaning |. */
function metricRows(markdown: string): Map<string, MetricRow> {
  const section = markdown.slice(markdown.indexOf('## What it reports'));
  const rows = new Map<string, MetricRow>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length < 4 || !cells[0]!.startsWith('`')) continue;
    // Label names are identifiers; the backticked values beside them (`2xx`, `0.5`) are not.
    const labels = new Set(backticked(cells[2]!).filter((l) => /^[a-z_]+$/.test(l)));
    for (const family of backticked(cells[0]!)) rows.set(family, { type: cells[1]!, labels });
  }
  return rows;
}

let server: Boltstack;
test.before(async () => {
  server = await startBoltstack();
  // One AWS request, so the per-operation families have samples with their labels.
  await s3Client(server.endpoint).send(new CreateBucketCommand({ Bucket: uniqueBucket('docs') }));
});
test.after.always(async () => { await server?.stop(); });

async function scrape(): Promise<Map<string, Family>> {
  return parsePrometheus(await (await fetch(`${server.endpoint}/_boltstack/metrics`)).text());
}

test.serial('every metric family served is a row of docs/metrics.md, with its type and labels, and no row is stale', async (t) => {
  await scrape(); // the first scrape starts the event-loop delay sampler
  await new Promise((resolve) => setTimeout(resolve, 150));
  const served = await scrape();
  const rows = metricRows(doc('metrics.md'));
  t.true(served.size > 10 && rows.size > 10, 'both lists were read');
  for (const family of served.values()) {
    const row = rows.get(family.name);
    t.truthy(row, `${family.name} has no row in docs/metrics.md`);
    if (row === undefined) continue;
    t.is(row.type, family.type, family.name);
    const labels = new Set(family.samples.flatMap((s) => Object.keys(s.labels)));
    t.deepEqual([...labels].filter((l) => !row.labels.has(l)), [], `${family.name}: labels not in its row`);
  }
  t.true(served.get('boltstack_requests_total')!.samples.length > 0 && served.get('boltstack_event_loop_delay_seconds')!.samples.length > 0, 'labelled families had samples');
  t.deepEqual([...rows.keys()].filter((name) => !served.has(name)), [], 'rows naming no served family');
});

test.serial('every field of /_boltstack/health is named in docs/configuration.md', async (t) => {
  const health = await (await fetch(`${server.endpoint}/_boltstack/health`)).json() as Record<string, unknown>;
  const row = doc('configuration.md').split('\n').find((line) => line.startsWith('| `GET /_boltstack/health`'));
  t.truthy(row, 'the endpoint table has a health row');
  const named = new Set(backticked(row ?? '').map((s) => s.replace(/^"|"(:.*)?$/g, '')));
  t.deepEqual(Object.keys(health).filter((field) => !named.has(field)), []);
});
