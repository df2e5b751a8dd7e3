/**
 * The strict/loose gate for parameters a handler does not implement (DESIGN.md §7): strict (the
 * default) answers NotImplemented naming the parameter; `loose` ignores it and records its name
 * for the x-boltstack-ignored header. Never a silent success.
 */
import { notImplemented } from '../errors/common.js';
import type { Features } from '../config.js';
import type { RequestContext } from './types.js';

export function rejectUnsupported(
  features: Features,
  ctx: RequestContext,
  service: string,
  operation: string,
  input: Record<string, unknown>,
  members: readonly string[],
): void {
  for (const member of members) {
    if (input[member] === undefined) continue;
    if (!features.has('loose')) throw notImplemented(service, operation, `the parameter ${member}`);
    ctx.ignored.push(member);
  }
}
