/**
 * The STS service: the calls tools make before anything else (Terraform's GetCallerIdentity,
 * the SDKs' role providers, federation). Operations of the model not listed here answer
 * NotImplemented: GetWebIdentityToken, GetDelegatedAccessToken and GetScopedCredentials (docs/sts.md says why).
 */
import model from '../../model/generated/sts.js';
import type { AwsError } from '../../errors/aws-error.js';
import { requiredMembersCheck } from '../required-members.js';
import type { Service, ServiceDeps } from '../types.js';
import type { StsDeps, StsHandler } from './context.js';
import { CredentialStore } from './credentials.js';
import { assumeRole } from './operations/assume-role.js';
import { assumeRoleWithSAML } from './operations/assume-role-with-saml.js';
import { assumeRoleWithWebIdentity } from './operations/assume-role-with-web-identity.js';
import { assumeRoot } from './operations/assume-root.js';
import { decodeAuthorizationMessage } from './operations/decode-authorization-message.js';
import { getAccessKeyInfo } from './operations/get-access-key-info.js';
import { getCallerIdentity } from './operations/get-caller-identity.js';
import { getFederationToken } from './operations/get-federation-token.js';
import { getSessionToken } from './operations/get-session-token.js';

// The table erases each handler's own input/output types; the gateway passes decoded input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const HANDLERS: Record<string, StsHandler<any, any>> = {
  GetCallerIdentity: getCallerIdentity, AssumeRole: assumeRole, AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
  GetSessionToken: getSessionToken, GetAccessKeyInfo: getAccessKeyInfo, GetFederationToken: getFederationToken,
  AssumeRoleWithSAML: assumeRoleWithSAML, AssumeRoot: assumeRoot, DecodeAuthorizationMessage: decodeAuthorizationMessage,
};

export const implementedOperations: readonly string[] = Object.keys(HANDLERS);

/** The handlers that check the model's rules with a Violations seeded with the absent members. */
const CHECKS_RULES: ReadonlySet<string> = new Set([
  'AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML', 'AssumeRoot', 'GetAccessKeyInfo', 'GetFederationToken', 'GetSessionToken',
]);

/**
 * The clauses of required-members.ts's ValidationError ("N validation errors detected: Value null
 * at 'a' …; Value null at 'b' …"): member paths and fixed words, so "; " splits them exactly.
 */
function absentClauses(error: AwsError): string[] {
  return error.message.slice(error.message.indexOf(': ') + 2).split('; ');
}

export function createStsService(deps: ServiceDeps): Service {
  const sts: StsDeps = { credentials: new CredentialStore(deps.meta, deps.log), features: deps.features };
  const operations: Service['operations'] = {};
  const missingMembers = requiredMembersCheck(model);
  for (const [name, handler] of Object.entries(HANDLERS)) {
    const checksRules = CHECKS_RULES.has(name);
    operations[name] = (ctx, input) => {
      const missing = missingMembers(name, input);
      if (missing === undefined) return handler(sts, ctx, input);
      if (!checksRules) return Promise.reject(missing);
      // The handler reports the absent members with the rules the others break (violations.ts):
      // its Violations throws at check(), before anything but the strict gate has run. Should it
      // ever return, the absent members' error still stands.
      return handler(sts, ctx, input, absentClauses(missing)).then(() => Promise.reject(missing));
    };
  }
  return { operations, close: () => sts.credentials.pruner.idle() };
}
