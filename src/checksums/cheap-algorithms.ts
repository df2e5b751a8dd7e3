/**
 * Algorithms cheap enough to compute on the main thread even for large bodies, measured on this
 * project's machine (node:crypto MD5 ~650 MB/s on one core): xxh64 (xxhash-wasm) ~5 GB/s, crc32
 * ~10 GB/s and crc32c ~4 GB/s (@node-rs/crc32, SIMD; a body's first 64 KiB of crc32 go through
 * node:zlib at ~2.2 GB/s, create-hasher.ts). Hashing them beside the writes costs the
 * main thread under a fifth of what MD5 would, and leaves a hash worker only the slow ones (MD5,
 * SHA-1, SHA-256, CRC-64/NVME), so one upload runs at MD5's speed instead of MD5 + xxh64's
 * (bench s3-upload-figures, figure C). An algorithm not listed here is hashed in the worker.
 */
import type { ChecksumAlgorithm } from './types.js';

export const CHEAP_ALGORITHMS: ReadonlySet<ChecksumAlgorithm> = new Set<ChecksumAlgorithm>(['xxh64', 'crc32', 'crc32c']);
