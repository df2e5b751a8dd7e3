/**
 * User metadata values on the wire (x-amz-meta-*), as S3 writes and reads them: HTTP header
 * values are bytes, and S3 takes each byte as one character (ISO-8859-1, which is how both HTTP
 * adapters hand header text over). A value holding RFC 2047 encoded-words (=?UTF-8?B?...?= or
 * =?UTF-8?Q?...?=) is decoded before it is stored; a stored value with any character outside
 * US-ASCII is answered as one RFC 2047 B encoded-word of its UTF-8 bytes, ASCII values as they
 * are. So "=?UTF-8?B?5Lit?=" round-trips as itself (stored as "中"), and raw UTF-8 bytes C3 B6
 * ("ö" sent unencoded) come back as "=?UTF-8?B?w4PCtg==?=", both exactly as S3 answers them.
 * The AWS SDK for JavaScript v3 decodes neither way: callers see the encoded-word.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html#UserMetadata
 */

/** An encoded-word, and the linear white space between two of them, which RFC 2047 §6.2 drops. */
const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
const BETWEEN_WORDS = /(\?=)[ \t\r\n]+(?==\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)/g;

const CHARSETS: Record<string, BufferEncoding> = { 'utf-8': 'utf8', utf8: 'utf8', 'iso-8859-1': 'latin1', 'us-ascii': 'latin1' };

function decodeWord(word: string, charset: string, encoding: string, text: string): string {
  const target = CHARSETS[charset.toLowerCase()];
  if (target === undefined) return word;
  let bytes: Buffer;
  if (encoding === 'B' || encoding === 'b') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return word;
    bytes = Buffer.from(text, 'base64');
  } else {
    // Q: "_" is a space, =XX a byte (RFC 2047 §4.2).
    bytes = Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  }
  return bytes.toString(target);
}

/** A received header value → the stored text. */
export function decodeMetadataValue(value: string): string {
  if (!value.includes('=?')) return value;
  return value.replace(BETWEEN_WORDS, '$1').replace(ENCODED_WORD, decodeWord);
}

/** Any character outside US-ASCII: the value needs encoding on the way out. */
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** A stored text → the header value S3 answers with. */
export function encodeMetadataValue(value: string): string {
  return NON_ASCII.test(value) ? `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=` : value;
}
