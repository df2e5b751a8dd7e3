/**
 * Regression: uWS listens with SO_REUSEPORT by default, so a second boltstack on a busy port
 * started "successfully" and the kernel split connections between the two emulators. The second
 * one must refuse to start instead, on either HTTP adapter.
 */
import test from 'ava';
import { startBoltstack } from '../helpers/server.js';

test('a second emulator on a port in use refuses to start', async (t) => {
  const first = await startBoltstack();
  try {
    const err = await t.throwsAsync(startBoltstack({ port: first.port }));
    t.regex(err!.message, /address in use|EADDRINUSE|cannot listen/i);
    t.is((await fetch(`${first.endpoint}/_boltstack/health`)).status, 200);
  } finally {
    await first.stop();
  }
});
