/**
 * The new table of an import, made by CreateTable's own code (operations/create-table.ts: its
 * validation, its errors, its record), with one difference: the record is handed to `store`
 * instead of TableStore.create, which stores it CREATING with the import's own record in one
 * batch (import-table.ts). The table then exists, CREATING, from ImportTable's answer to the
 * import's end, as in AWS (developer guide "Requesting a table import": "You will first see your
 * new table listed in the Tables with the status Creating. At this time the table is not
 * accessible."). A name an import is creating is taken: CreateTable's existence check sees it
 * through the store below, under CreateTable's name lock, so two imports of one name cannot both
 * pass, and the second is "Table already exists" (ack-api-quirks DDB-TABLE-444, ImportTable of a
 * name whose table is CREATING and visible; AWS accepts it in its first ~30 s, when its table is
 * not visible yet, and fails the loser later with FailureCode TableAlreadyExists: DDB-IMPORT-018,
 * a window boltstack does not have).
 */
import type { TableCreationParameters } from '../../../model/generated/dynamodb-types.js';
import type { RequestContext } from '../../types.js';
import type { DdbDeps } from '../context.js';
import { createTable } from '../operations/create-table.js';
import type { TableRecord } from '../table-record.js';
import type { TableStore } from '../table-store.js';

/** Runs CreateTable with `store` in place of TableStore.create; throws CreateTable's errors. */
export async function importedTable(ddb: DdbDeps, ctx: RequestContext, params: TableCreationParameters, store: (record: TableRecord) => Promise<void>): Promise<TableRecord> {
  let made: TableRecord | undefined;
  const view = new Proxy(ddb.tables, {
    get(target, prop) {
      if (prop === 'get') return (account: string, region: string, name: string) => target.get(account, region, name) ?? target.creating(account, region, name);
      if (prop === 'create') return async (record: TableRecord) => { await store(record); made = record; };
      const value = Reflect.get(target, prop, target) as unknown;
      // TableStore's methods use private fields: they must run on the store itself, not the view.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as TableStore;
  await createTable({ ...ddb, tables: view }, ctx, params);
  return made!;
}
