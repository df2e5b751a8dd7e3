/** Checksums: incremental hashers for every algorithm S3 accepts (x-amz-checksum-*, Content-MD5), plus xxh64 for blob addresses. */
export type { ChecksumAlgorithm, Digests, Hasher } from './types.js';
export { CHECKSUM_ALGORITHMS, checksumsReady, createHasher, createHasherAsync, initChecksums, prepareChecksums } from './create-hasher.js';
export { MultiHasher } from './multi-hasher.js';
export { computeDigests, computeDigestsSync } from './compute-digests.js';
export { DIGEST_BYTES, digestsToBase64, fromBase64, toBase64, toHex } from './encoding.js';
export { combineCrc64Nvme, type CrcPiece } from './crc64-nvme-combine.js';
export { InlineBodyHasher, SplitBodyHasher, inlineBodyHashers, type BodyHasher, type BodyHasherFactory } from './body-hasher.js';
export { CHEAP_ALGORITHMS } from './cheap-algorithms.js';
export { runHashSession, type HashSessionMessage, type HashSessionReply } from './hash-session-worker.js';
