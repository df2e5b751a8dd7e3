#!/usr/bin/env node
/**
 * The `boltstack` command's entry. It sets one V8 flag and then loads the command (cli-main.ts):
 * the flag has to be in place before any other module of the start path is even resolved.
 *
 * Why: resolving the ~30 modules of the start path makes V8 optimise one function of Node's own
 * module loader (getPathFromURLPosix) with TurboFan, and that first optimisation maps about
 * 3.8 MB of the optimising compiler's code into RSS: idle VmRSS 52.4 MiB with it, 48.6 without
 * (DESIGN.md §6a: < 50 MB). So TurboFan is off while the server starts and is switched back on
 * as soon as it listens; from then on code is optimised as usual. test/e2e/cli-turbofan.test.ts
 * checks that it is back on, since a server left without TurboFan would be several times slower.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-turbofan');
const { runCli } = await import('./cli-main.js');
runCli(process.argv.slice(2), () => setFlagsFromString('--turbofan'));
