/**
 * DynamoDB's attribute values as they travel on the wire (the JSON protocol decodes `B`/`BS`
 * from base64 into bytes). One member set per value; the `?: never` members let TypeScript
 * narrow with a plain `v.S !== undefined` test, which is also the fastest check at run time.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html
 */
export type AttributeType = 'S' | 'N' | 'B' | 'SS' | 'NS' | 'BS' | 'M' | 'L' | 'BOOL' | 'NULL';

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'BOOL', 'NULL'];

interface Payloads {
  S: string;
  N: string;
  B: Uint8Array;
  SS: string[];
  NS: string[];
  BS: Uint8Array[];
  M: Record<string, AttributeValue>;
  L: AttributeValue[];
  BOOL: boolean;
  NULL: true;
}

type Only<K extends AttributeType> = { [P in K]: Payloads[K] } & { [P in Exclude<AttributeType, K>]?: never };

export type AttributeValue =
  | Only<'S'> | Only<'N'> | Only<'B'> | Only<'SS'> | Only<'NS'> | Only<'BS'>
  | Only<'M'> | Only<'L'> | Only<'BOOL'> | Only<'NULL'>;

/** An item, a key, or the `M` of a map: attribute name → value. */
export type Item = Record<string, AttributeValue>;

/** The type tag of a validated value (exactly one member is set). */
export function typeOf(value: AttributeValue): AttributeType {
  for (const key in value) return key as AttributeType;
  throw new TypeError('empty AttributeValue');
}
