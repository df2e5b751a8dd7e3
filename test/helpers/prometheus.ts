/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests: it throws on anything
 * a scraper would reject or that the format forbids (a sample before its TYPE, a family declared
 * twice or split, a counter not named `_total`, bad label syntax or escapes, a duplicate series,
 * histogram buckets that are not cumulative or do not end at `+Inf` = `_count`).
 * https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */
export interface Sample { name: string; labels: Record<string, string>; value: number }
export interface Family { name: string; type: string; help: string; samples: Sample[] }

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function parseValue(raw: string, line: string): number {
  if (raw === '+Inf') return Infinity;
  if (raw === '-Inf') return -Infinity;
  if (raw === 'NaN') return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) throw new Error(`bad value in: ${line}`);
  return Number(raw);
}

/** Parses `a="x",b="y\"z"` (the text between the braces). */
function parseLabels(raw: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let i = 0;
  while (i < raw.length) {
    const eq = raw.indexOf('=', i);
    if (eq < 0) throw new Error(`bad labels in: ${line}`);
    const name = raw.slice(i, eq);
    if (!LABEL_NAME.test(name) || name in labels) throw new Error(`bad or repeated label name ${JSON.stringify(name)} in: ${line}`);
    if (raw[eq + 1] !== '"') throw new Error(`label value not quoted in: ${line}`);
    let value = '';
    let j = eq + 2;
    for (; j < raw.length && raw[j] !== '"'; j++) {
      if (raw[j] === '\\') {
        const next = raw[++j];
        if (next === 'n') value += '\n';
        else if (next === '\\' || next === '"') value += next;
        else throw new Error(`bad escape in: ${line}`);
      } else {
        value += raw[j];
      }
    }
    if (raw[j] !== '"') throw new Error(`unterminated label value in: ${line}`);
    labels[name] = value;
    i = j + 1;
    if (i < raw.length) {
      if (raw[i] !== ',') throw new Error(`expected , between labels in: ${line}`);
      i++;
    }
  }
  return labels;
}

function familyOf(sampleName: string, families: Map<string, Family>): Family | undefined {
  const exact = families.get(sampleName);
  if (exact !== undefined) return exact;
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (!sampleName.endsWith(suffix)) continue;
    const family = families.get(sampleName.slice(0, -suffix.length));
    if (family !== undefined && (family.type === 'histogram' || (family.type === 'summary' && suffix !== '_bucket'))) return family;
  }
  return undefined;
}

function checkHistogram(family: Family): void {
  const series = new Map<string, Sample[]>();
  const keyOf = (labels: Record<string, string>): string => JSON.stringify(Object.entries(labels).filter(([k]) => k !== 'le').sort());
  for (const s of family.samples) {
    const key = keyOf(s.labels);
    series.set(key, [...(series.get(key) ?? []), s]);
  }
  for (const [key, samples] of series) {
    const buckets = samples.filter((s) => s.name.endsWith('_bucket'));
    const count = samples.find((s) => s.name.endsWith('_count'));
    if (!samples.some((s) => s.name.endsWith('_sum')) || count === undefined) throw new Error(`${family.name}${key}: no _sum or _count`);
    let previousLe = -Infinity;
    let previous = 0;
    for (const b of buckets) {
      const le = parseValue(b.labels.le ?? '', family.name);
      if (!(le > previousLe) || b.value < previous) throw new Error(`${family.name}${key}: buckets not increasing/cumulative at le=${b.labels.le}`);
      previousLe = le;
      previous = b.value;
    }
    if (previousLe !== Infinity || previous !== count.value) throw new Error(`${family.name}${key}: last bucket is not +Inf = _count`);
  }
}

export function parsePrometheus(text: string): Map<string, Family> {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const families = new Map<string, Family>();
  const finished = new Set<string>();
  const seen = new Set<string>();
  let current: Family | undefined;
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta as unknown as [string, string, string, string];
      if (!NAME.test(name)) throw new Error(`bad metric name in: ${line}`);
      let family = families.get(name);
      if (family === undefined) {
        if (current !== undefined) finished.add(current.name);
        family = { name, type: '', help: '', samples: [] };
        families.set(name, family);
        current = family;
      } else if (family !== current || family.samples.length > 0) {
        throw new Error(`family ${name} split or declared after its samples`);
      }
      if (kind === 'TYPE') {
        if (family.type !== '' || !TYPES.has(rest)) throw new Error(`bad or repeated TYPE: ${line}`);
        if (rest === 'counter' && !name.endsWith('_total')) throw new Error(`counter ${name} does not end in _total`);
        family.type = rest;
      } else {
        if (family.help !== '') throw new Error(`repeated HELP: ${line}`);
        family.help = rest;
      }
      continue;
    }
    if (line.startsWith('#')) continue; // other comments are allowed
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`bad sample line: ${line}`);
    const [, name, rawLabels, rawValue] = m as unknown as [string, string, string | undefined, string];
    const family = familyOf(name, families);
    if (family === undefined || family.type === '') throw new Error(`sample before its TYPE: ${line}`);
    if (family !== current || finished.has(family.name)) throw new Error(`samples of ${family.name} are not contiguous`);
    const labels = rawLabels === undefined || rawLabels === '' ? {} : parseLabels(rawLabels, line);
    const series = name + JSON.stringify(Object.entries(labels).sort());
    if (seen.has(series)) throw new Error(`duplicate series: ${line}`);
    seen.add(series);
    if (family.type === 'histogram' && name.endsWith('_bucket') && labels.le === undefined) throw new Error(`bucket without le: ${line}`);
    family.samples.push({ name, labels, value: parseValue(rawValue, line) });
  }
  for (const family of families.values()) {
    if (family.type === '') throw new Error(`family ${family.name} has no TYPE`);
    if (family.type === 'histogram') checkHistogram(family);
  }
  return families;
}

/** The value of the one sample of `name` whose labels include `labels`; undefined when none. */
export function valueOf(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const family of families.values()) {
    for (const s of family.samples) {
      if (s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)) return s.value;
    }
  }
  return undefined;
}
