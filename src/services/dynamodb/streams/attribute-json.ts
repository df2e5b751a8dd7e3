/**
 * JSON for values that hold AttributeValues: binary (B, BS) is a Uint8Array in memory, which
 * JSON.stringify would turn into an object of indexes. It is stored as {"$b": base64} instead and
 * turned back on read.
 */
const TAG = '$b';

export function stringifyWithBinary(value: unknown): string {
  return JSON.stringify(value, function replacer(this: unknown, _key: string, v: unknown) {
    if (v instanceof Uint8Array) return { [TAG]: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
    // Buffer.toJSON runs before the replacer: catch its {type:'Buffer', data} form too.
    if (v !== null && typeof v === 'object' && (v as { type?: unknown }).type === 'Buffer' && Array.isArray((v as { data?: unknown }).data)) {
      return { [TAG]: Buffer.from((v as { data: number[] }).data).toString('base64') };
    }
    return v;
  });
}

export function parseWithBinary<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === TAG && typeof (v as Record<string, unknown>)[TAG] === 'string') return new Uint8Array(Buffer.from((v as Record<string, string>)[TAG]!, 'base64'));
    }
    return v;
  }) as T;
}
