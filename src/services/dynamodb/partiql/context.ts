/**
 * What the PartiQL operations need: a way to call the classic operations of the same DynamoDB
 * service (a statement runs as the Query, Scan, PutItem, UpdateItem, DeleteItem,
 * TransactGetItems or TransactWriteItems it translates to), so both share one validation.
 */
import type { RequestContext } from '../../types.js';

export interface PartiqlDeps {
  // Each classic operation has its own output type; callers read the members they asked for.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(operation: string, ctx: RequestContext, input: Record<string, unknown>): Promise<any>;
}
