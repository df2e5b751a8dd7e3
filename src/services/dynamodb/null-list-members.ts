/**
 * A null member of a request's top-level list (`"AttributeDefinitions":[null]`,
 * `"TransactItems":[null]`, `"AttributesToGet":[null]`) is refused as Coral's validation layer
 * refuses a null list member: "Value null at 'transactItems.1.member' failed to satisfy
 * constraint: Member must not be null" (the form of DynamoDB's other member constraints,
 * constraints.ts). The JSON decoder keeps null members (a list's position is not an error to
 * it); twelve operations then failed on them with a 500 (hostile pass 21, a probe of every
 * top-level list of the model). Checked before any handler: a request's own keys, a few per
 * request, and only arrays are looked into.
 */
import { ddbErrors } from './errors.js';

export function refuseNullListMembers(input: Record<string, unknown>): void {
  for (const key in input) {
    const value = input[key];
    if (!Array.isArray(value)) continue;
    const at = value.indexOf(null);
    if (at >= 0) {
      const member = key.charAt(0).toLowerCase() + key.slice(1);
      throw ddbErrors.validation(`1 validation error detected: Value null at '${member}.${at + 1}.member' failed to satisfy constraint: Member must not be null`);
    }
  }
}
