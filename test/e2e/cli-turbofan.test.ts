/**
 * The CLI starts with TurboFan off (src/cli.ts, to keep idle memory low) and must switch it back
 * on once it listens: a server left without it would run its hot paths several times slower.
 * V8's --trace-opt shows what gets optimised, and when.
 */
import test from 'ava';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));

test('TurboFan optimises code again once the CLI is listening', async (t) => {
  t.timeout(60_000);
  const child = spawn(process.execPath, ['--trace-opt', CLI, '--port', '0', '--ephemeral', '--log-level', 'error'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no Ready line: ${out.slice(-2000)}`)), 15_000);
      child.stdout.on('data', () => {
        const m = /Ready\. .* on (http:\/\/[^\s]+)/.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]!); }
      });
    });
    const beforeReady = out.slice(0, out.indexOf('Ready.'));
    t.log(`optimised while starting: ${(beforeReady.match(/completed optimizing/g) ?? []).length}`);
    // Enough requests for the request path to become hot.
    for (let i = 0; i < 3000; i++) await (await fetch(`${endpoint}/_boltstack/health`)).arrayBuffer();
    const afterReady = out.slice(out.indexOf('Ready.'));
    // Node 24's V8 names the tier TURBOFAN_JS.
    t.regex(afterReady, /completed optimizing .*\(target TURBOFAN(_JS)?\)/);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
});
