/**
 * OnDemandThroughput of a table or an index: each maximum is a whole number of request units from
 * 1, or -1 ("no maximum") in an update only; a member left out is not recorded, so descriptions
 * name only the members given (an update replaces both). Native AWS, radkawar/stackd
 * testdata/aws/dynamodb/on_demand_limits.json (2026-09-18): CreateTable with 0, -2 or -1 refused
 * (seq 31-33), UpdateTable with 0 or -2 refused and -1 accepted (seq 39-45), an index created
 * with -1 refused ("indexCreationAddendum" seq 1 and 8); descriptions seq 7, 35, 39, 45.
 */
import type { OnDemandThroughput } from '../../model/generated/dynamodb-types.js';
import { ddbErrors } from './errors.js';

export interface OnDemandRecord { maxRead?: number; maxWrite?: number }

/**
 * Past every Long (the members' type): 2^63 and up. The json decoder passes any number through,
 * and a maximum such as 1e300 was stored and described as `1e+300`, which SDKs that read a Long
 * (Java, Go) cannot parse, so the table could no longer be described to them. No capture shows
 * AWS's answer for one; the range refusal is the closest answer it gives (found by the fuzzx
 * helper, test/services/dynamodb/hostile-streams-update-table.test.ts).
 */
const PAST_LONG = 2 ** 63;

/** The record of `o` for `owner` ("table" or "index: NAME"), refusing a maximum out of range. */
export function onDemandRecord(o: OnDemandThroughput, owner: string, update: boolean): OnDemandRecord {
  const check = (member: string, value: number | undefined): void => {
    if (value === undefined || (value >= 1 && value < PAST_LONG) || (update && value === -1)) return;
    throw ddbErrors.invalidParameter(`Requested ${member} for OnDemandThroughput for ${owner} is outside of valid range`);
  };
  check('MaxReadRequestUnits', o.MaxReadRequestUnits);
  check('MaxWriteRequestUnits', o.MaxWriteRequestUnits);
  return {
    ...(o.MaxReadRequestUnits !== undefined && { maxRead: o.MaxReadRequestUnits }),
    ...(o.MaxWriteRequestUnits !== undefined && { maxWrite: o.MaxWriteRequestUnits }),
  };
}

/** The description's OnDemandThroughput: the members set, nothing else. */
export const onDemandShape = (o: OnDemandRecord | undefined): OnDemandThroughput | undefined =>
  o === undefined ? undefined : {
    ...(o.maxRead !== undefined && { MaxReadRequestUnits: o.maxRead }),
    ...(o.maxWrite !== undefined && { MaxWriteRequestUnits: o.maxWrite }),
  };
