/**
 * The worker side of a hash session (src/pool/hash-session.ts): one body's incremental digests,
 * kept in one thread for the life of the body, because MD5 is sequential and a node:crypto hash
 * state cannot move between threads.
 *
 * Protocol on the session's MessagePort, in order: any number of `data` messages, each bringing
 * a staging buffer (src/pool/staging.ts) moved here with its first `length` bytes to hash, and
 * each answered with its `seq` and the same buffer moved back once hashed (the main thread reuses
 * it for the next batch), then `end`, answered with the digests (or an error) before the port
 * closes. The main side closing the port (an aborted body) ends the session. Pure apart from the
 * port: no I/O, no global state.
 */
import type { MessagePort } from 'node:worker_threads';
import { prepareChecksums } from './create-hasher.js';
import { MultiHasher } from './multi-hasher.js';
import type { ChecksumAlgorithm, Digests } from './types.js';

export type HashSessionMessage =
  | { type: 'data'; seq: number; buffer: ArrayBuffer; length: number }
  | { type: 'end' };

export type HashSessionReply = { seq: number; buffer: ArrayBuffer } | { digests: Digests } | { error: string };

export async function runHashSession(port: MessagePort, algorithms: readonly ChecksumAlgorithm[]): Promise<void> {
  const end = (reply?: HashSessionReply): void => {
    port.removeAllListeners();
    if (reply !== undefined) port.postMessage(reply);
    port.close();
  };
  let hasher: MultiHasher;
  try {
    // Messages wait in the port until a listener starts it, so loading wasm hashers first loses none.
    await prepareChecksums(algorithms);
    hasher = new MultiHasher(algorithms);
  } catch (err) {
    end({ error: (err as Error).message });
    return;
  }
  port.on('message', (m: HashSessionMessage) => {
    try {
      if (m.type === 'data') {
        hasher.update(new Uint8Array(m.buffer, 0, m.length));
        const reply: HashSessionReply = { seq: m.seq, buffer: m.buffer };
        port.postMessage(reply, [m.buffer]);
      } else {
        end({ digests: hasher.digests() });
      }
    } catch (err) {
      end({ error: (err as Error).message });
    }
  });
  port.once('close', () => end());
}
