/**
 * Legacy AttributeUpdates (UpdateItem) converted to the update AST: PUT sets, DELETE without a
 * value removes, DELETE with a set removes members, ADD adds to a number, a set or (legacy only)
 * a list. AWS's messages for actions that do not fit their value.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.AttributeUpdates.html
 */
import { validationException, type ValueLayer } from '../values/errors.js';
import { nameTooLarge, validateAttributeValue, valueMessages } from '../values/validate.js';
import { typeOf } from '../values/types.js';
import type { UpdateAction, UpdateAst } from './update-ast.js';

export interface LegacyAttributeUpdate {
  Action?: string;
  Value?: unknown;
}

const INVALID = 'One or more parameter values were invalid: ';

export function attributeUpdatesToUpdate(updates: Record<string, LegacyAttributeUpdate>, layer: ValueLayer = 'current'): UpdateAst {
  const actions: UpdateAction[] = [];
  for (const [name, update] of Object.entries(updates)) {
    if (nameTooLarge(name)) throw validationException(valueMessages.nameTooLarge);
    const action = update.Action ?? 'PUT';
    const value = update.Value == null ? undefined : validateAttributeValue(update.Value, { layer });
    if (value === undefined) {
      if (action !== 'DELETE') throw validationException(`${INVALID}Only DELETE action is allowed when no attribute value is specified`);
      actions.push({ kind: 'REMOVE', path: [name] });
      continue;
    }
    const type = typeOf(value);
    if (action === 'DELETE') {
      if (type !== 'SS' && type !== 'NS' && type !== 'BS') throw validationException(`${INVALID}DELETE action with value is not supported for the type ${type}`);
      actions.push({ kind: 'DELETE', path: [name], value, legacy: true });
    } else if (action === 'ADD') {
      if (!['L', 'SS', 'NS', 'BS', 'N'].includes(type)) throw validationException(`${INVALID}ADD action is not supported for the type ${type}`);
      actions.push({ kind: 'ADD', path: [name], value, legacy: true });
    } else {
      actions.push({ kind: 'SET', path: [name], value: { kind: 'value', value } });
    }
  }
  return { actions };
}
