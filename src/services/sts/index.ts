/**
 * The STS service: the calls tools make before anything else (Terraform's GetCallerIdentity,
 * the SDKs' role providers, federation). Operations of the model not listed here answer
 * NotImplemented: GetWebIdentityToken, GetDelegatedAccessToken and GetScopedCredentials (docs/sts.md says why).
 */
import model from '../../model/generated/sts.js';
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

export function createStsService(deps: ServiceDeps): Service {
  const sts: StsDeps = { credentials: new CredentialStore(deps.meta, deps.log), features: deps.features };
  const operations: Service['operations'] = {};
  const missingMembers = requiredMembersCheck(model);
  for (const [name, handler] of Object.entries(HANDLERS)) {
    operations[name] = (ctx, input) => {
      const missing = missingMembers(name, input);
      return missing === undefined ? handler(sts, ctx, input) : Promise.reject(missing);
    };
  }
  return { operations, close: () => sts.credentials.pruner.idle() };
}
