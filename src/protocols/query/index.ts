/** The AWS query protocol (SNS, STS, SQS query). The gateway resolves `Action` to the operation. */
import type { Protocol } from '../types.js';
import { decodeQuery } from './decode.js';
import { encodeQuery, encodeQueryError } from './encode.js';

export const queryProtocol: Protocol = {
  decode: (ctx, request) => decodeQuery(ctx, request),
  encode: encodeQuery,
  encodeError: encodeQueryError,
};

export { queryParams } from './decode.js';
