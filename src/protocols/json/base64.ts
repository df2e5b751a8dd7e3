/**
 * The base64 a JSON-protocol blob member must hold.
 */
import { serializationException } from './errors.js';

/**
 * Canonical base64: groups of four, '=' only as padding, and the bits a padded group leaves over
 * zero (the last character before "=" is one of A E I M Q U Y c g k o s w 0 4 8, before "==" one
 * of A Q g w). One regular-expression pass, no copy.
 */
const CANONICAL_BASE64 = /^[A-Za-z0-9+/]*(?:[AEIMQUYcgkosw048]=|[AQgw]==)?$/;

/**
 * A blob that is not canonical base64 is refused in Coral's words (architect/dynalite
 * test/helpers.js assertType 'Blob' at 6caa634, its suite run against DynamoDB with REMOTE=1:
 * '23456' "Base64 encoded length is expected a multiple of 4 bytes but found: 5"; '=+/=' and
 * '+/+=' "Invalid last non-pad Base64 character dectected", AWS's spelling). Decoded leniently
 * before, guessed bytes were stored. SQS's JSON codec (BinaryValue) is held to the same rule; no
 * answer of SQS's to such a value was found, so its words are DynamoDB's.
 */
export function checkBase64(value: string): void {
  if (value.length % 4 !== 0) throw serializationException(`Base64 encoded length is expected a multiple of 4 bytes but found: ${value.length}`);
  if (!CANONICAL_BASE64.test(value)) throw serializationException('Invalid last non-pad Base64 character dectected');
}
