import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const steps = process.argv[2].split('+');
const { loadUws } = await import('./dist/src/server/uws-loader.js'); const u = loadUws(); u.App().listen('127.0.0.1', 45306, () => {});
if (steps.includes('fsp')) { const f = await import('node:fs/promises'); const d = await f.mkdtemp('/tmp/x-'); const h = await f.open(d + '/l', 'wx'); await h.writeFile('1'); await h.close(); }
if (steps.includes('pool')) { const { createWorkerPool } = await import('./dist/src/pool/index.js'); createWorkerPool(); }
if (steps.includes('crypto')) { const { createRequestIds } = await import('./dist/src/gateway/request-id.js'); createRequestIds(); }
if (steps.includes('server')) { const { createHttpServer } = await import('./dist/src/server/index.js'); const s = await createHttpServer({ handler: () => {}, adapter: 'uws', logger: { debug() {}, info() {}, warn() {}, error() {} } }); await s.listen('127.0.0.1', 45307); }
setTimeout(() => { const s = require('fs').readFileSync('/proc/self/status', 'utf8'); console.log(steps.join('+'), /VmRSS:\s+(\d+)/.exec(s)[1] / 1024, 'anon', /RssAnon:\s+(\d+)/.exec(s)[1] / 1024, 'file', /RssFile:\s+(\d+)/.exec(s)[1] / 1024); process.exit(0); }, 1000);
