/**
 * AssumeRoleWithSAML (unsigned in AWS's SDKs): temporary credentials for a role from a SAML 2.0
 * Response of an identity provider. There is no IAM in boltstack, so no provider metadata: the
 * response is read but its signature, issuer and validity window are not checked. What AWS
 * requires of its content is checked, with AWS's errors: the Role attribute names this role and
 * provider, RoleSessionName is present and well formed, the Subject has a NameID, and
 * SubjectConfirmationData has a Recipient and NotOnOrAfter.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AssumeRoleWithSAMLInput, AssumeRoleWithSAMLOutput } from '../../../model/generated/sts-types.js';
import { unsupported, type StsHandler } from '../context.js';
import { stsErrors } from '../errors.js';
import { roleIdOf } from '../role-id.js';
import { readSamlResponse, type SamlResponse } from '../saml-response.js';
import { checkArn, checkDuration, checkPolicy, checkPolicyArns, durationOf, packedPolicySize, parseRoleArn } from '../validate.js';
import { Violations, checkText } from '../violations.js';

const UNEMULATED = ['MinimumSessionTokenSize'] as const;

const ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/';
const PROVIDER_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):saml-provider\/([\w+=,.@-]+)$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const NAME_ID_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:';

/** The SAML provider's account and name; after the model's checks. */
function parseProviderArn(arn: string): { account: string; name: string } {
  const m = PROVIDER_ARN.exec(arn);
  if (!m) throw stsErrors.validation(`${arn} is invalid`);
  return { account: m[1]!, name: m[2]! };
}

/**
 * SAMLAssertionType: 4 to 100,000 characters, and `sensitive`, so the validation layer leaves its
 * value out of the message ("Value at '<member>'", as Coral words it for sensitive members, e.g.
 * Cognito's passwords). Model: botocore 1.43.11 sts/2011-06-15/service-2.json. No capture of
 * STS's own answer was found; before this check a 100,001-character assertion was read whole.
 */
function checkAssertionLength(v: Violations, assertion: string | undefined): void {
  checkText(v, assertion, 'sAMLAssertion', { min: 4, max: 100_000, sensitive: true });
}

/** The response, checked for what AWS requires of it; each failure is AWS's answer. */
function checkedResponse(encoded: string, roleArn: string, principalArn: string): SamlResponse & { session: string; nameId: string } {
  const saml = readSamlResponse(encoded);
  if (saml === undefined) {
    // AWS's words, quoted with the internal service's details by the CLI (a Keycloak/AWS blog post, 2022-06-05).
    throw stsErrors.invalidIdentityToken(`Invalid base64 SAMLResponse (Service: AWSOpenIdDiscoveryService; Status Code: 400; Error Code: AuthSamlInvalidSamlResponseException; Request ID: ${randomUUID()}; Proxy: null)`);
  }
  const pairs = (saml.attributes.get(`${ATTRIBUTE}Role`) ?? []).map((v) => v.split(',').map((s) => s.trim()));
  if (!pairs.some((pair) => pair.length === 2 && pair.includes(roleArn) && pair.includes(principalArn))) {
    throw stsErrors.invalidIdentityToken("SAML Assertion doesn't contain the requested Role and Metadata in the attributes");
  }
  // IAM User Guide, troubleshoot_saml.html: the next three errors and their words.
  const session = saml.attributes.get(`${ATTRIBUTE}RoleSessionName`)?.[0];
  if (session === undefined) throw stsErrors.invalidIdentityToken('RoleSessionName is required in AuthnResponse');
  if (!SESSION_NAME.test(session)) throw stsErrors.invalidIdentityToken('RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}');
  if (saml.nameId === undefined || saml.nameId === '') throw stsErrors.accessDenied('Not authorized to perform sts:AssumeRoleWithSAML');
  if (saml.recipient === undefined || saml.notOnOrAfter === undefined) {
    throw stsErrors.invalidIdentityToken('Responses must contain SubjectConfirmatonData with a Recipient and NotOnOrAfter');
  }
  return { ...saml, session, nameId: saml.nameId };
}

export const assumeRoleWithSAML: StsHandler<AssumeRoleWithSAMLInput, AssumeRoleWithSAMLOutput> = async (deps, ctx, input, absent) => {
  unsupported(deps, ctx, 'AssumeRoleWithSAML', input, UNEMULATED);
  // The model's constraints, every member's at once in the model's order (violations.ts).
  const v = new Violations(absent);
  checkArn(v, input.RoleArn);
  checkArn(v, input.PrincipalArn, 'principalArn');
  checkAssertionLength(v, input.SAMLAssertion);
  checkPolicyArns(v, input.PolicyArns);
  checkPolicy(v, input.Policy);
  checkDuration(v, input.DurationSeconds, 900, 43200);
  v.check();
  const role = parseRoleArn(input.RoleArn);
  const provider = parseProviderArn(input.PrincipalArn);
  const seconds = durationOf(input.DurationSeconds, 43200, 3600);
  const packed = packedPolicySize(input.Policy, input.PolicyArns, undefined);
  const saml = checkedResponse(input.SAMLAssertion, input.RoleArn, input.PrincipalArn);
  const sourceIdentity = saml.attributes.get(`${ATTRIBUTE}SourceIdentity`)?.[0];
  const arn = `arn:aws:sts::${role.account}:assumed-role/${role.name}/${saml.session}`;
  const userId = `${roleIdOf(input.RoleArn)}:${saml.session}`;
  const Credentials = await deps.credentials.issue({ account: role.account, arn, userId, ...(sourceIdentity === undefined ? {} : { sourceIdentity }) }, seconds);
  // "BASE64 ( SHA1 ( Issuer + account id + "/" + provider name ) )" (API reference, NameQualifier).
  const NameQualifier = createHash('sha1').update(`${saml.issuer ?? ''}${provider.account}/${provider.name}`).digest('base64');
  const format = saml.nameIdFormat;
  return {
    Credentials,
    AssumedRoleUser: { AssumedRoleId: userId, Arn: arn },
    ...(packed === undefined ? {} : { PackedPolicySize: packed }),
    Subject: saml.nameId,
    // The standard prefix is dropped (…:nameid-format:transient → transient); others are kept whole.
    ...(format === undefined ? {} : { SubjectType: format.startsWith(NAME_ID_FORMAT) ? format.slice(NAME_ID_FORMAT.length) : format }),
    ...(saml.issuer === undefined ? {} : { Issuer: saml.issuer }),
    Audience: saml.recipient,
    NameQualifier,
    ...(sourceIdentity === undefined ? {} : { SourceIdentity: sourceIdentity }),
  };
};
