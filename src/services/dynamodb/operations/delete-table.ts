/**
 * DeleteTable: O(1) for the caller. The table is gone from every listing and lookup at once
 * (so Terraform's delete waiter sees ResourceNotFoundException on its first poll); its items
 * and index entries are dropped by the background removal. The answer describes the table without
 * its schema, creation time, global secondary indexes or warm throughput, as AWS's does
 * (radkawar/stackd testdata/aws/dynamodb/data.json seq 105-106, native AWS 2026-09-17). A table
 * whose GSI is still CREATING (backfilling) is refused, as AWS refuses it
 * (continuous_backup_readiness.json seq 145, 2026-09-18), and so is a table an import is still
 * creating (ack-api-quirks DDB-IMPORT-006: ResourceInUseException until the table is ACTIVE).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteTable.html
 */
import type { DeleteTableInput, DeleteTableOutput } from '../../../model/generated/dynamodb-types.js';
import type { DdbHandler } from '../context.js';
import { describeTable } from '../describe-table-shape.js';
import { ddbErrors } from '../errors.js';
import { importErrors } from '../imports/import-errors.js';
import { requireNamedTable, resolveTableName } from '../table-lookup.js';
import { removePolicies } from '../resource-policies.js';

export const deleteTable: DdbHandler<DeleteTableInput, DeleteTableOutput> = async (deps, ctx, input) => {
  const ref = resolveTableName(ctx, input.TableName);
  if (deps.tables.creating(ref.account, ref.region, ref.name)) throw importErrors.tableBeingCreated(ref.name);
  const found = requireNamedTable(deps, ctx, input.TableName);
  return deps.tables.locks.run(`${found.account}\0${found.region}\0${found.name}`, async () => {
    const table = requireNamedTable(deps, ctx, input.TableName);
    if (table.deletionProtection) throw ddbErrors.deletionProtected();
    if (table.indexes.some((i) => i.status === 'CREATING')) throw ddbErrors.indexesInProgress();
    const { AttributeDefinitions: _a, KeySchema: _k, CreationDateTime: _c, GlobalSecondaryIndexes: _g, WarmThroughput: _w, ...description } =
      describeTable(table, deps.tables.stats(table.id), 'DELETING');
    // The background-work marker first, so a kill -9 after the delete still resumes the removal at start.
    await deps.work.queue(async () => {
      await deps.tables.delete(table);
      // Its resource policies and its streams' go with it; a stream outlives the table without its
      // policy (ack-api-quirks DDB-TABLE-214: Get on the old stream ARN is PolicyNotFoundException).
      await removePolicies(deps.meta, table.id);
      deps.removal.kick();
    });
    return { TableDescription: description };
  });
};
