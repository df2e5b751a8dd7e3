/**
 * UpdateItem's model constraints, in the order and wording AWS answers them since its 2026
 * validation-framework rollout (paritysuite/dynamodb-conformance
 * tests/tier3/validation-ordering/updateItem.test.ts and registry/splits.json
 * "update-item-validation-error-aggregation", captured 2026-10-07 to 2026-10-09):
 * - with the Key present, the newer framework stops at the table name, then at an unknown
 *   ReturnValues, which it names without the value, in its own enum list (AWS's spelling);
 * - with the Key missing, the older one joins every violation, member by member:
 *   returnConsumedCapacity, tableName (an empty name only breaks its length), returnValues,
 *   conditionalOperator, key.
 */
import type { UpdateItemInput } from '../../../model/generated/dynamodb-types.js';
import type { RequestContext } from '../../types.js';
import { Constraints } from '../constraints.js';
import { ddbErrors } from '../errors.js';
import { checkTableName } from '../table-constraints.js';
import { resolveTableName } from '../table-lookup.js';
import { checkWriteOptions, RETURN_CAPACITY, RETURN_VALUES } from '../write-options.js';

const NEWER_RETURN_VALUES = '1 validation error detected: Failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]';

export function checkUpdateItemConstraints(ctx: RequestContext, input: UpdateItemInput): void {
  if (input.Key == null) {
    const c = new Constraints();
    c.oneOf('returnConsumedCapacity', input.ReturnConsumedCapacity, RETURN_CAPACITY);
    if (input.TableName === '') c.fail('tableName', '', 'Member must have length greater than or equal to 1');
    else checkTableName(c, 'tableName', input.TableName, 1);
    checkWriteOptions(c, { ...input, ReturnConsumedCapacity: undefined });
    c.notNull('key', input.Key);
    c.check();
  }
  resolveTableName(ctx, input.TableName, 1);
  if (input.ReturnValues != null && !(RETURN_VALUES as readonly string[]).includes(input.ReturnValues)) throw ddbErrors.validation(NEWER_RETURN_VALUES);
  const c = new Constraints();
  checkWriteOptions(c, input);
  c.check();
}
