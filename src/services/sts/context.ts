/** What every STS handler gets besides its input. */
import type { Features } from '../../config.js';
import type { RequestContext } from '../types.js';
import { rejectUnsupported } from '../unsupported.js';
import type { CredentialStore } from './credentials.js';

export interface StsDeps {
  credentials: CredentialStore;
  features: Features;
}

/**
 * `absent`: the ValidationError clauses of the input's absent required members (index.ts), given
 * only to the handlers that check the model's rules (violations.ts), which report them with the
 * rules the present members break, in one ValidationError.
 */
export type StsHandler<I, O> = (deps: StsDeps, ctx: RequestContext, input: I, absent?: readonly string[]) => Promise<O>;

/** Strict by default: a parameter boltstack does not implement fails the request (DESIGN.md §7). */
export function unsupported(deps: StsDeps, ctx: RequestContext, operation: string, input: object, members: readonly string[]): void {
  rejectUnsupported(deps.features, ctx, 'STS', operation, input as Record<string, unknown>, members);
}

/** The root user of an account, as GetCallerIdentity names it for long-term keys. */
export const rootPrincipal = (account: string): { account: string; arn: string; userId: string } =>
  ({ account, arn: `arn:aws:iam::${account}:root`, userId: account });
