/** A subscription's filter: its FilterPolicy compiled for its FilterPolicyScope. */
import { compilePolicy, type CompiledPolicy, type Scope } from './compile.js';
import { matchesAttributes, matchesBody, type FilterAttribute } from './match.js';
import { policyError } from './policy-error.js';

export class CompiledFilter {
  constructor(readonly policy: CompiledPolicy, readonly scope: Scope) {}

  matches(message: string, attributes: Record<string, FilterAttribute> | undefined): boolean {
    return this.scope === 'MessageBody' ? matchesBody(this.policy, message) : matchesAttributes(this.policy, attributes);
  }
}

/** Compiles (and so validates) the policy of `attributes`; undefined when there is none. */
export function compileSubscriptionFilter(attributes: Record<string, string>, inSubscribe: boolean): CompiledFilter | undefined {
  const text = attributes.FilterPolicy;
  if (text === undefined || text === '') return undefined;
  const scope = (attributes.FilterPolicyScope ?? 'MessageAttributes') as Scope;
  return new CompiledFilter(compilePolicy(text, scope, policyError(inSubscribe)), scope);
}
