/**
 * DynamoDB attribute values: the pure rules every operation and the expression engine share.
 *
 * Types
 *   AttributeValue, Item, AttributeType, typeOf(value)          types.ts
 * Validation (throws ValidationException with AWS's exact message)
 *   validateAttributeValue(raw, frame?) → normalised value       validate.ts
 *   validateItem(raw, frame?) → normalised item                  (numbers in their canonical text)
 *   attributeValueProblem(raw) → message | undefined
 *   frame = { prefix, suffix } wraps the message, e.g. for ExpressionAttributeValues:
 *     { prefix: 'ExpressionAttributeValues contains invalid value: ', suffix: ' for key :v' }
 *   emptyKeyValueProblem(name, value, 'item' | 'key'), keySizeProblem(value, isHash)   key-rules.ts
 * Numbers                                                        number.ts, number-key.ts
 *   parseNumber(text) → Decimal, normaliseNumber(text), compareNumbers(a, b),
 *   addNumbers(a, b), subtractNumbers(a, b), numberSize(text),
 *   encodeNumberKey(text) / decodeNumberKey(key): order-preserving ASCII for LevelDB keys
 * Order and equality                                             compare.ts, ordering.ts
 *   compareValues(a, b) → number | undefined (S by UTF-8 bytes, N by value, B by bytes),
 *   valuesEqual(a, b) (deep; sets regardless of order), compareUtf8, compareBytes
 * Size                                                           item-size.ts
 *   itemSize(item), attributeValueSize(value), MAX_ITEM_SIZE (400 KB)
 * DynamoDB JSON text (binary as base64)                          item-json.ts
 *   stringifyItemJson(item), parseItemJson(text)
 * Errors                                                         errors.ts
 *   validationException(message) → RequestValidationError, an AwsError ValidationException
 *   (rendered with the com.amazon.coral.validate# prefix by the JSON protocol)
 *   ValueLayer 'current' | 'older': AWS words bad values in two ways depending on the
 *   operation ('older' for BatchWriteItem, TransactWriteItems, TransactGetItems and Scan):
 *   pass it in the frame / to parseRequestExpressions and the legacy converters.
 *   valueLayerFor(operation) picks it.
 *   withValidationEnvelope(run): PutItem, UpdateItem and DeleteItem (usesValidationEnvelope)
 *   answer request-validation errors as "1 validation error detected: <message>"; wrap their
 *   parameter-style, value and expression checks (not the checks against the table).
 */
export * from './types.js';
export * from './errors.js';
export * from './number.js';
export * from './number-key.js';
export * from './ordering.js';
export * from './compare.js';
export * from './item-size.js';
export * from './validate.js';
export * from './key-rules.js';
export * from './item-json.js';
