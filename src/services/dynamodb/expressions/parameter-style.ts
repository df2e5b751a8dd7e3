/**
 * A request uses expressions or the legacy parameters, never both; and placeholder maps only
 * with expressions. AWS refuses the mix before looking at any expression.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html
 */
import { validationException, valueLayerFor, type ValueLayer } from '../values/errors.js';

export type ExpressionOperation = 'GetItem' | 'BatchGetItem' | 'PutItem' | 'DeleteItem' | 'UpdateItem' | 'Query' | 'Scan';

/** Each operation's expression and legacy parameters, in the order AWS lists them in messages. */
const PARAMETERS: Record<ExpressionOperation, { expressions: string[]; legacy: string[] }> = {
  GetItem: { expressions: ['ProjectionExpression'], legacy: ['AttributesToGet'] },
  BatchGetItem: { expressions: ['ProjectionExpression'], legacy: ['AttributesToGet'] },
  PutItem: { expressions: ['ConditionExpression'], legacy: ['Expected'] },
  DeleteItem: { expressions: ['ConditionExpression'], legacy: ['Expected'] },
  UpdateItem: { expressions: ['UpdateExpression', 'ConditionExpression'], legacy: ['AttributeUpdates', 'Expected'] },
  Query: {
    expressions: ['ProjectionExpression', 'FilterExpression', 'KeyConditionExpression'],
    legacy: ['AttributesToGet', 'QueryFilter', 'ConditionalOperator', 'KeyConditions'],
  },
  Scan: { expressions: ['ProjectionExpression', 'FilterExpression'], legacy: ['AttributesToGet', 'ScanFilter', 'ConditionalOperator'] },
};

/**
 * Throws AWS's ValidationException when `request` mixes the two styles. The older validation
 * layer (Scan) names the missing expressions after "ExpressionAttributeValues can only be
 * specified when using expressions"; the current one (PutItem … Query) stops there.
 */
export function checkParameterStyle(operation: ExpressionOperation, request: Readonly<Record<string, unknown>>, layer: ValueLayer = valueLayerFor(operation)): void {
  const { expressions, legacy } = PARAMETERS[operation];
  const present = (name: string): boolean => request[name] != null;
  const used = expressions.filter(present);
  if (used.length > 0) {
    // Query may pair legacy KeyConditions with expression filters and projections.
    const keyConditionsAllowed = operation === 'Query' && !present('KeyConditionExpression');
    const mixed = legacy.filter((name) => present(name) && !(keyConditionsAllowed && name === 'KeyConditions'));
    if (mixed.length > 0) {
      throw validationException('Can not use both expression and non-expression parameters in the same request: '
        + `Non-expression parameters: {${mixed.join(', ')}} Expression parameters: {${used.join(', ')}}`);
    }
  }
  if (present('ExpressionAttributeNames') && used.length === 0) {
    throw validationException('ExpressionAttributeNames can only be specified when using expressions');
  }
  const valueExpressions = expressions.filter((name) => name !== 'ProjectionExpression');
  if (valueExpressions.length > 0 && present('ExpressionAttributeValues') && !valueExpressions.some(present)) {
    const which = layer === 'older' ? `: ${valueExpressions.join(' and ')} ${valueExpressions.length > 1 ? 'are' : 'is'} null` : '';
    throw validationException(`ExpressionAttributeValues can only be specified when using expressions${which}`);
  }
}
