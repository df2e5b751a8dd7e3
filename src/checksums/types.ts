/** Checksum algorithms boltstack computes while streaming a body. */
export type ChecksumAlgorithm = 'md5' | 'crc32' | 'crc32c' | 'sha1' | 'sha256' | 'crc64nvme' | 'xxh64';

/** An incremental hasher: feed chunks in order, then read the digest once. */
export interface Hasher {
  update(chunk: Uint8Array): void;
  /** Raw digest bytes (big-endian for the CRCs, as AWS base64-encodes them). */
  digest(): Buffer;
}

export type Digests = Partial<Record<ChecksumAlgorithm, Buffer>>;
