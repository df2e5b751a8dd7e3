/**
 * Whether a restore's target name is taken: by a table, or by one an import is still creating
 * (imports/import-table.ts). AWS answers TableAlreadyExistsException for a target that exists
 * and is not itself being restored, ACTIVE or DELETING alike (ack-api-quirks DDB-TABLE-219 and
 * DDB-TABLE-100, native AWS 2026-10-09); a target an import is creating is not measured, and is
 * answered as the table that exists it is (DescribeTable shows it CREATING).
 */
import type { DdbDeps } from '../context.js';

export const targetTaken = (deps: DdbDeps, account: string, region: string, name: string): boolean =>
  deps.tables.get(account, region, name) !== undefined || deps.tables.creating(account, region, name) !== undefined;
