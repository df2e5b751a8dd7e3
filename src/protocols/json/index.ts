/** The AWS JSON 1.0 protocol (DynamoDB, SQS). The gateway resolves X-Amz-Target to the operation. */
import type { Protocol } from '../types.js';
import { decodeJson } from './decode.js';
import { encodeJson, encodeJsonError } from './encode.js';

export const jsonProtocol: Protocol = {
  decode: (ctx, request) => decodeJson(ctx, request),
  encode: encodeJson,
  encodeError: encodeJsonError,
};
