/** Checksum algorithms boltstack computes while streaming a body. */
export type ChecksumAlgorithm =
  'md5' | 'crc32' | 'crc32c' | 'sha1' | 'sha256' | 'sha512' | 'crc64nvme' | 'xxh64' | 'xxh3' | 'xxh128';

/** An incremental hasher: feed chunks in order, then read the digest once. */
export interface Hasher {
  update(chunk: Uint8Array): void;
  /** Raw digest bytes (big-endian for the CRCs and xxHashes, as AWS base64-encodes them). */
  digest(): Buffer;
}

export type Digests = Partial<Record<ChecksumAlgorithm, Buffer>>;
