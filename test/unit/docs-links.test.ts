/**
 * Every relative link in README.md and docs/*.md resolves: the file exists and, for `#anchor`,
 * the target has a heading whose GitHub slug is that anchor. The README's table of links is how a
 * reader finds the docs, and a renamed heading silently breaks links from other pages.
 *
 * Heading ids as github.com makes them (github-slugger's rule, below): roughly the heading's text
 * lower-cased, punctuation and symbols other than `-` and `_` dropped, spaces turned into `-`; a
 * repeated id gets `-1`, `-2`, ... Inline code, emphasis and link syntax count by their text only.
 * Links and headings inside code (fenced or inline) are not links or headings.
 */
import test from 'ava';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The Markdown files a reader opens: README.md and every page under docs/. */
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/** The lines outside fenced code blocks (``` or ~~~). */
function linesOutsideCode(markdown: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (marker !== undefined) {
      fence = marker;
    } else {
      out.push(line);
    }
  }
  return out;
}

/**
 * GitHub's heading id for a heading's rendered text (github-slugger's rule, script/generate-regex.mjs
 * of Flet/github-slugger): lower-cased; other numbers, punctuation but `-` and `_`, symbols,
 * controls, format characters and separators but the space dropped (alphabetic ones kept);
 * spaces turned into `-`. Before the duplicate suffix.
 */
function githubSlug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\p{Alphabetic} -]/gu, '').replace(/ /g, '-');
}

/** A heading's text as rendered: link text for links, code without its backticks, no emphasis markers. */
function headingText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/\*+/g, '')
    .replace(/(?<![\p{L}\p{N}_])_+(?=\S)|(?<=\S)_+(?![\p{L}\p{N}_])/gu, '')
    .trim();
}

/** Every heading id of a page, repeats numbered as GitHub numbers them. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of linesOutsideCode(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = githubSlug(headingText(heading));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** `[text](target)` link targets outside code (fenced blocks and inline code spans). */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const line of linesOutsideCode(markdown)) {
    const prose = line.replace(/(`+)[\s\S]*?\1/g, '');
    for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1]!);
  }
  return targets;
}

/** Why `target`, linked from `page`, does not resolve; undefined when it does. */
function brokenBecause(page: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto:: not checked here
  const hash = target.indexOf('#');
  const path = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
  const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
  const file = path === '' ? join(ROOT, page) : join(ROOT, dirname(page), path);
  if (relative(ROOT, file).startsWith('..')) return 'points outside the repository';
  if (!existsSync(file)) return 'no such file';
  if (anchor === undefined) return undefined;
  if (!file.endsWith('.md')) return 'an anchor into a file that is not Markdown';
  return anchorsOf(readFileSync(file, 'utf8')).has(anchor) ? undefined : `no heading with the id "${anchor}"`;
}

test('heading ids are the ones GitHub gives', (t) => {
  // Flet/github-slugger test/fixtures.json (commit 285fe87d), whose ids are github.com's.
  const fixtures: Array<[string, string]> = [
    ['bravoCharlieDelta', 'bravocharliedelta'],
    ['heading with a - dash', 'heading-with-a---dash'],
    ['heading with an _ underscore', 'heading-with-an-_-underscore'],
    ['heading with a period.txt', 'heading-with-a-periodtxt'],
    ['exchange.bind_headers(exchange, routing [, bindCallback])', 'exchangebind_headersexchange-routing--bindcallback'],
    ['apostrophe\u2019s should be trimmed', 'apostrophes-should-be-trimmed'],
    ['I \u2665 unicode', 'i--unicode'],
    ['en\u2013dash', 'endash'],
    ['\u{1F604} unicode emoji', '-unicode-emoji'],
    ['\u041F\u0440\u0438\u0432\u0435\u0442 non-latin \u4F60\u597D', '\u043F\u0440\u0438\u0432\u0435\u0442-non-latin-\u4F60\u597D'],
  ];
  for (const [input, id] of fixtures) t.is(githubSlug(input), id, input);
  // Headings of these pages that others link to, with Markdown in them.
  t.is(githubSlug(headingText('Node.js versions and the HTTP front end')), 'nodejs-versions-and-the-http-front-end');
  t.is(githubSlug(headingText('The harness: `boltstack bench`')), 'the-harness-boltstack-bench');
  t.is(githubSlug(headingText('**Bold** and [a link](x.md) and snake_case')), 'bold-and-a-link-and-snake_case');
  // Repeats are numbered; a heading inside a code block is not a heading.
  t.deepEqual([...anchorsOf('# A\n## A\n```\n# A\n```\n### A!\n')], ['a', 'a-1', 'a-2']);
});

test('a broken link is reported (the check can fail)', (t) => {
  t.is(brokenBecause('README.md', 'docs/no-such-page.md'), 'no such file');
  t.is(brokenBecause('README.md', 'docs/configuration.md#no-such-heading'), 'no heading with the id "no-such-heading"');
  t.is(brokenBecause('docs/install.md', 'configuration.md#accounts'), undefined);
  t.is(brokenBecause('docs/install.md', '../README.md'), undefined);
  t.deepEqual(linkTargets('[a](x.md) `[b](y.md)`\n```\n[c](z.md)\n```\n[d](<w.md> "title")'), ['x.md', 'w.md']);
});

test('README.md links every page of docs/ (its table is the way in)', (t) => {
  const linked = new Set(linkTargets(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((target) => target.split('#')[0]));
  t.deepEqual(PAGES.filter((page) => page !== 'README.md' && !linked.has(page)), []);
});

for (const page of PAGES) {
  test(`${page}: every relative link and #anchor resolves`, (t) => {
    const broken = linkTargets(readFileSync(join(ROOT, page), 'utf8'))
      .map((target) => ({ target, why: brokenBecause(page, target) }))
      .filter((b) => b.why !== undefined);
    t.deepEqual(broken, []);
  });
}
