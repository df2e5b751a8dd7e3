/**
 * A number written as text (XML element, header, query parameter) → its value, by the member's
 * shape type, or undefined when the text is not a valid literal of that type. `Number()` alone is
 * too lenient: it takes '0x10', '1e3' and ' 7 ' as integers and '99999999999' as an int32, so a
 * CompleteMultipartUpload with <PartNumber>0x10</PartNumber> used to reach the handler. AWS
 * validates against its schema (xs:int, xs:long, xs:double) and refuses those.
 */
import type { ShapeType } from '../../model/types.js';

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function parseNumberText(type: ShapeType, text: string): number | undefined {
  switch (type) {
    case 'integer': {
      if (!INTEGER.test(text)) return undefined;
      const n = Number(text);
      return n >= INT32_MIN && n <= INT32_MAX ? n : undefined;
    }
    case 'long': {
      if (!INTEGER.test(text)) return undefined;
      // Past 2^53 a JS number is approximate; the range check itself must be exact.
      if (text.length > 15) {
        const big = BigInt(text);
        if (big < INT64_MIN || big > INT64_MAX) return undefined;
      }
      return Number(text);
    }
    default: {
      if (DECIMAL.test(text)) return Number(text);
      if (text === 'NaN') return Number.NaN;
      if (text === 'Infinity' || text === 'INF') return Number.POSITIVE_INFINITY;
      if (text === '-Infinity' || text === '-INF') return Number.NEGATIVE_INFINITY;
      return undefined;
    }
  }
}
