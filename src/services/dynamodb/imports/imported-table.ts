/**
 * The new table of an import, made by CreateTable's own code (operations/create-table.ts: its
 * validation, its errors, its record), with one difference: the record is handed back instead of
 * stored, because the table appears only when the import has written its items (run-import.ts).
 * Until then its name is reserved (`ImportReservations`): a second import or a replay finds it
 * taken, as CreateTable's own existence check sees it through the store below.
 */
import type { TableCreationParameters } from '../../../model/generated/dynamodb-types.js';
import type { RequestContext } from '../../types.js';
import type { DdbDeps } from '../context.js';
import { createTable } from '../operations/create-table.js';
import type { TableRecord } from '../table-record.js';
import type { TableStore } from '../table-store.js';

const nameKey = (account: string, region: string, name: string): string => `${account}\0${region}\0${name}`;

/** Table names taken by imports still running, with the record each will store. */
export class ImportReservations {
  readonly #byName = new Map<string, TableRecord>();

  get(account: string, region: string, name: string): TableRecord | undefined { return this.#byName.get(nameKey(account, region, name)); }
  reserve(record: TableRecord): void { this.#byName.set(nameKey(record.account, record.region, record.name), record); }
  release(record: TableRecord): void { this.#byName.delete(nameKey(record.account, record.region, record.name)); }
}

/**
 * Runs CreateTable over a view of the table store whose `get` also sees reserved names and whose
 * `create` reserves the name instead of storing the record (inside CreateTable's name lock, so
 * two requests for one name cannot both pass). Throws CreateTable's errors.
 */
export async function importedTable(ddb: DdbDeps, ctx: RequestContext, params: TableCreationParameters, reservations: ImportReservations): Promise<TableRecord> {
  let made: TableRecord | undefined;
  const view = new Proxy(ddb.tables, {
    get(target, prop) {
      if (prop === 'get') return (account: string, region: string, name: string) => target.get(account, region, name) ?? reservations.get(account, region, name);
      if (prop === 'create') return async (record: TableRecord) => { made = record; reservations.reserve(record); };
      const value = Reflect.get(target, prop, target) as unknown;
      // TableStore's methods use private fields: they must run on the store itself, not the view.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as TableStore;
  await createTable({ ...ddb, tables: view }, ctx, params);
  return made!;
}
