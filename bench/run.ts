/**
 * Benchmark entry:  npm run bench -- NAME [options] [--out FILE]
 * Without NAME (or with an unknown one) it lists the benchmarks. A macro benchmark runs in this
 * process (servers in their own processes) and its result is printed as JSON on stdout; a micro
 * benchmark (micro/NAME) runs as `node dist/bench/micro/NAME.js` and its JSON is passed through.
 * Progress goes to stderr. `--out FILE` also writes the JSON to FILE.
 */
import { writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { catalogue, type Entry } from './lib/catalogue.js';

function listing(entries: Entry[]): string {
  const width = Math.max(...entries.map((e) => e.name.length), 4) + 2;
  const rows = entries.map((e) => `  ${e.name.padEnd(width)}${e.kind === 'micro' ? '[micro] ' : ''}${e.description}`);
  return `Usage: npm run bench -- NAME [options] [--out FILE]\n\nBenchmarks:\n${rows.join('\n')}\n`;
}

function runMicro(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${file} exited with ${code}`))));
  });
}

async function main(argv: string[]): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const outFile = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  const args = outIndex >= 0 ? argv.filter((_, i) => i !== outIndex && i !== outIndex + 1) : argv;
  const [name, ...rest] = args;
  const entries = await catalogue();
  const entry = entries.find((e) => e.name === name || (e.kind === 'micro' && e.name === `micro/${name}`));
  if (!entry) {
    if (name !== undefined) process.stderr.write(`Unknown benchmark: ${name}\n\n`);
    (name === undefined ? process.stdout : process.stderr).write(listing(entries));
    return name === undefined ? 0 : 2;
  }
  let json: string;
  if (entry.kind === 'micro') {
    json = await runMicro(entry.file, rest);
  } else {
    const mod = (await import(entry.file)) as { run: (args: string[], log: (m: string) => void) => Promise<unknown> };
    const result = await mod.run(rest, (m) => process.stderr.write(`${m}\n`));
    json = JSON.stringify(result, null, 2) + '\n';
  }
  process.stdout.write(json);
  if (outFile) await writeFile(outFile, json);
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
