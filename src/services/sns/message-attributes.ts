/**
 * Publish's message attributes, checked as SNS checks them: a type of String, Number or Binary
 * (optionally with a custom suffix, String.Array too), a non-empty value of that type, a name
 * of at most 256 characters from [A-Za-z0-9_.-] that does not start with AWS. or Amazon. and
 * has no leading, trailing or doubled dots.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html
 */
import type { MessageAttributesValue } from '../../model/generated/sns-types.js';
import { snsErrors } from './errors.js';

const NAME = /^[A-Za-z0-9_.-]{1,256}$/;

export function checkMessageAttributes(attributes: Record<string, MessageAttributesValue> | undefined): number {
  if (attributes === undefined) return 0;
  let size = 0;
  for (const [name, a] of Object.entries(attributes)) {
    if (!NAME.test(name) || name.startsWith('.') || name.endsWith('.') || name.includes('..') || /^(aws|amazon)\./i.test(name)) {
      throw snsErrors.parameterValueInvalid(`The message attribute name '${name}' is invalid.`);
    }
    const type = a.DataType ?? '';
    if (type === '') throw snsErrors.parameterValueInvalid(`The message attribute '${name}' must contain non-empty message attribute type.`);
    const base = type.split('.')[0];
    if (base !== 'String' && base !== 'Number' && base !== 'Binary') {
      throw snsErrors.parameterValueInvalid(`The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`);
    }
    if (base === 'Binary') {
      if (a.BinaryValue === undefined || a.BinaryValue.length === 0) {
        throw snsErrors.parameterValueInvalid(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${type}'.`);
      }
      size += a.BinaryValue.length;
    } else {
      const value = a.StringValue;
      if (value === undefined || value === '') {
        throw snsErrors.parameterValueInvalid(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${type}'.`);
      }
      if (base === 'Number' && (value.trim() === '' || !Number.isFinite(Number(value)))) {
        throw snsErrors.parameterValueInvalid(`Could not cast message attribute '${name}' value to number.`);
      }
      if (type === 'String.Array') checkStringArray(name, value);
      size += Buffer.byteLength(value);
    }
    size += Buffer.byteLength(name) + Buffer.byteLength(type);
  }
  return size;
}

function checkStringArray(name: string, value: string): void {
  let list: unknown;
  try { list = JSON.parse(value); } catch { list = undefined; }
  if (!Array.isArray(list) || list.some((v) => typeof v === 'object' && v !== null)) {
    throw snsErrors.parameterValueInvalid(`The message attribute '${name}' with type 'String.Array' has an invalid value. The value must be a JSON array of strings, numbers, booleans or null.`);
  }
}
