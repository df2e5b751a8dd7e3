/**
 * DecodeAuthorizationMessage: AWS decodes only messages it encoded itself (the "Encoded
 * authorization failure message" of an UnauthorizedOperation). boltstack never encodes one (auth is
 * off by default and its denials are plain), so every message is one it did not issue and is
 * refused with InvalidAuthorizationMessageException, as AWS refuses a message it cannot decode.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
import type { DecodeAuthorizationMessageInput, DecodeAuthorizationMessageOutput } from '../../../model/generated/sts-types.js';
import type { StsHandler } from '../context.js';
import { stsErrors } from '../errors.js';

export const decodeAuthorizationMessage: StsHandler<DecodeAuthorizationMessageInput, DecodeAuthorizationMessageOutput> = async (_deps, _ctx, input) => {
  const message = input.EncodedMessage;
  if (message.length < 1) throw stsErrors.constraint(message, 'encodedMessage', 'Member must have length greater than or equal to 1');
  if (message.length > 10240) throw stsErrors.constraint('…', 'encodedMessage', 'Member must have length less than or equal to 10240');
  // No recording keeps AWS's text for this error; the wording is boltstack's.
  throw stsErrors.invalidAuthorizationMessage('The encoded message is not valid: boltstack issues no encoded authorization messages.');
};
