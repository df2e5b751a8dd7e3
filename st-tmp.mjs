import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const mode = process.argv[2];
if (mode === 'import') await import('./dist/src/index.js');
if (mode === 'importcli') await import('./dist/src/config.js');
if (mode === 'start') { const { createBoltstack } = await import('./dist/src/index.js'); await createBoltstack({ port: 45305, ephemeral: true }); }
if (mode === 'uwsonly') { const { loadUws } = await import('./dist/src/server/uws-loader.js'); const u = loadUws(); u.App().listen('127.0.0.1', 45306, () => {}); }
setTimeout(() => { const s = require('fs').readFileSync('/proc/self/status', 'utf8'); console.log(mode, /VmRSS:\s+(\d+)/.exec(s)[1] / 1024, 'anon', /RssAnon:\s+(\d+)/.exec(s)[1] / 1024, 'file', /RssFile:\s+(\d+)/.exec(s)[1] / 1024); process.exit(0); }, 1000);
