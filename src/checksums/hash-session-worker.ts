/**
 * The worker side of a hash session (src/pool/hash-session.ts): one body's incremental digests,
 * kept in one thread for the life of the body, because MD5 is sequential and a node:crypto hash
 * state cannot move between threads.
 *
 * Protocol on the session's MessagePort, in order: any number of data messages, each a
 * Uint8Array over the bytes to hash at the start of a staging buffer (src/pool/staging.ts) moved
 * here with it, and each answered, in order, with that ArrayBuffer moved back once hashed (the
 * main thread reuses it for the next batch); then `'end'`, answered with the digests (or an
 * error) before the port closes. The main side closing the port (an aborted body) ends the
 * session. Pure apart from the port: no I/O, no global state.
 *
 * Why bare views and buffers rather than objects ({ type, seq, buffer, length } and { seq, buffer }
 * before): a message is serialised and deserialised on each side, one object with its properties
 * each way per 512 KiB batch, about 4,000 messages per GB uploaded; a view or a buffer alone is
 * the smallest thing that carries the bytes, and a port keeps the order that `seq` restated.
 */
import type { MessagePort } from 'node:worker_threads';
import { prepareChecksums } from './create-hasher.js';
import { MultiHasher } from './multi-hasher.js';
import type { ChecksumAlgorithm, Digests } from './types.js';

/** A batch to hash (a view at the start of a moved staging buffer), or the end of the body. */
export type HashSessionMessage = Uint8Array | 'end';

/** A hashed batch's staging buffer, moved back; or the body's digests; or why hashing failed. */
export type HashSessionReply = ArrayBuffer | { digests: Digests } | { error: string };

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
      if (m !== 'end') {
        hasher.update(m);
        const reply: HashSessionReply = m.buffer as ArrayBuffer;
        port.postMessage(reply, [reply]);
      } else {
        end({ digests: hasher.digests() });
      }
    } catch (err) {
      end({ error: (err as Error).message });
    }
  });
  port.once('close', () => end());
}
