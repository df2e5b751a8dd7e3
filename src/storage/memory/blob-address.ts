/**
 * The content address of a blob, shared by both BlobStore backends: xxh64 ‖ md5 ‖ size, in hex.
 * Two different bodies would have to collide in a 64-bit and a 128-bit hash of unrelated design
 * at the same length to share an address, so deduplicating on it is safe (DESIGN.md §5).
 * The address is also a file name in native-store, hence the strict shape check.
 */
export function blobAddress(xxh64: Uint8Array, md5: Uint8Array, size: number): string {
  return `${Buffer.from(xxh64).toString('hex')}${Buffer.from(md5).toString('hex')}${size.toString(16)}`;
}

const ADDRESS = /^[0-9a-f]{48}[0-9a-f]{1,14}$/;

export function isBlobAddress(id: string): boolean {
  return typeof id === 'string' && ADDRESS.test(id);
}

export function checkBlobAddress(id: string): void {
  if (!isBlobAddress(id)) throw new TypeError(`not a blob id: ${JSON.stringify(id)}`);
}
