/**
 * Entry of a hash worker (src/pool/hash-workers.ts): thin on purpose (STYLE.md habit 7). Each
 * message from the main thread brings one body's session port; the hashing is a pure function
 * from src/checksums, and many sessions interleave in this one thread.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { runHashSession } from '../src/checksums/hash-session-worker.js';
import type { ChecksumAlgorithm } from '../src/checksums/types.js';

export interface OpenSession { port: MessagePort; algorithms: ChecksumAlgorithm[] }

parentPort?.on('message', (m: OpenSession) => { void runHashSession(m.port, m.algorithms); });
