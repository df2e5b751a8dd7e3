/** The rest-xml protocol (S3). See decode.ts, encode.ts, encode-error.ts and router.ts. */
import type { Protocol } from '../types.js';
import { decodeRestXml } from './decode.js';
import { encodeRestXml } from './encode.js';
import { encodeRestXmlError } from './encode-error.js';

export const restXmlProtocol: Protocol = {
  decode: decodeRestXml,
  encode: encodeRestXml,
  encodeError: encodeRestXmlError,
};

export { compileRestRouter, matchRestOperation, type RestMatch, type RestRouter } from './router.js';
