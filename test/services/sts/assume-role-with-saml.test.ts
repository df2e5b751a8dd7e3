/**
 * AssumeRoleWithSAML through @aws-sdk/client-sts (unsigned, as the SDK sends it) and raw query
 * calls: a base64 SAML 2.0 Response in, role credentials of the role's account out, with the
 * response fields AWS documents (Subject, SubjectType, Issuer, Audience, NameQualifier); and AWS's
 * answers to responses it refuses. Each row names where AWS's answer comes from.
 */
import test from 'ava';
import { createHash } from 'node:crypto';
import { AssumeRoleWithSAMLCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const API = 'STS API reference, API_AssumeRoleWithSAML.html';
const GUIDE = 'IAM User Guide, troubleshoot_saml.html (awsdocs/iam-user-guide)';
const ROLE = 'arn:aws:iam::111122223333:role/saml-admin';
const PROVIDER = 'arn:aws:iam::111122223333:saml-provider/Okta';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

interface Saml {
  issuer?: string; nameId?: string | undefined; format?: string; recipient?: string | undefined; session?: string | undefined;
  roles?: string[]; sourceIdentity?: string;
}

/** A SAML Response shaped as IdPs send AWS (the assertion of localstack's test_sts.py, trimmed), base64. */
function samlResponse(o: Saml = {}): string {
  const issuer = o.issuer ?? 'https://idp.example.com/saml';
  const attribute = (name: string, values: string[]): string =>
    `<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/${name}">${values.map((v) => `<saml:AttributeValue>${v}</saml:AttributeValue>`).join('')}</saml:Attribute>`;
  const nameId = 'nameId' in o && o.nameId === undefined ? '' : `<saml:NameID Format="${o.format ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'}">${o.nameId ?? ' 7ca82df9-1bad-4dd3-9b2b-adb68b554282 '}</saml:NameID>`;
  const recipient = 'recipient' in o && o.recipient === undefined ? '' : ` Recipient="${o.recipient ?? 'https://signin.aws.amazon.com/saml'}"`;
  const xml = `<?xml version="1.0"?>
<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_1" Version="2.0" IssueInstant="2012-01-01T12:00:00.000Z" Destination="https://signin.aws.amazon.com/saml">
  <saml:Issuer>${issuer}</saml:Issuer>
  <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
  <saml:Assertion ID="_2" IssueInstant="2012-01-01T12:00:00.000Z" Version="2.0">
    <saml:Issuer>${issuer}</saml:Issuer>
    <saml:Subject>
      ${nameId}
      <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
        <saml:SubjectConfirmationData NotOnOrAfter="2012-01-01T13:00:00.000Z"${recipient}/>
      </saml:SubjectConfirmation>
    </saml:Subject>
    <saml:Conditions NotBefore="2012-01-01T12:00:00.000Z" NotOnOrAfter="2012-01-01T13:00:00.000Z">
      <saml:AudienceRestriction><saml:Audience>urn:amazon:webservices</saml:Audience></saml:AudienceRestriction>
    </saml:Conditions>
    <saml:AttributeStatement>
      ${'session' in o && o.session === undefined ? '' : attribute('RoleSessionName', [o.session ?? 'jane@example.com'])}
      ${attribute('Role', o.roles ?? [`${PROVIDER},${ROLE}`])}
      ${o.sourceIdentity === undefined ? '' : attribute('SourceIdentity', [o.sourceIdentity])}
    </saml:AttributeStatement>
  </saml:Assertion>
</samlp:Response>`;
  return Buffer.from(xml).toString('base64');
}

const unsigned = (): STSClient => new STSClient({
  endpoint: server.endpoint, region: 'us-east-1', credentials: async () => { throw new Error('unsigned call asked for credentials'); },
});
const saml = (params: Record<string, string>) =>
  queryPost(server.endpoint, { service: 'sts', params: { Action: 'AssumeRoleWithSAML', RoleArn: ROLE, PrincipalArn: PROVIDER, ...params } });

test(`credentials of the role's account for the RoleSessionName, and the response fields AWS documents [${API}, Response Elements]`, async (t) => {
  const client = unsigned();
  const out = await client.send(new AssumeRoleWithSAMLCommand({ RoleArn: ROLE, PrincipalArn: PROVIDER, SAMLAssertion: samlResponse({ sourceIdentity: 'jane' }), DurationSeconds: 900 }));
  t.is(out.AssumedRoleUser!.Arn, 'arn:aws:sts::111122223333:assumed-role/saml-admin/jane@example.com');
  t.regex(out.AssumedRoleUser!.AssumedRoleId!, /^AROA[A-Z2-7]{17}:jane@example\.com$/);
  t.is(out.Subject, '7ca82df9-1bad-4dd3-9b2b-adb68b554282');
  t.is(out.SubjectType, 'persistent'); // the urn:oasis:names:tc:SAML:2.0:nameid-format: prefix is removed
  t.is(out.Issuer, 'https://idp.example.com/saml');
  t.is(out.Audience, 'https://signin.aws.amazon.com/saml'); // the Recipient of SubjectConfirmationData
  // "BASE64 ( SHA1 ( "https://example.com/saml" + "123456789012" + "/MySAMLIdP" ) )"
  t.is(out.NameQualifier, createHash('sha1').update('https://idp.example.com/saml111122223333/Okta').digest('base64'));
  t.is(out.SourceIdentity, 'jane');
  t.is(out.PackedPolicySize, undefined);
  const ttl = out.Credentials!.Expiration!.getTime() - Date.now();
  t.true(ttl > 890_000 && ttl <= 900_000, `expires in 15 min, got ${ttl} ms`);

  const assumed = new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: {
    accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken!,
  } });
  const who = await assumed.send(new GetCallerIdentityCommand({}));
  t.deepEqual({ Account: who.Account, Arn: who.Arn, UserId: who.UserId },
    { Account: '111122223333', Arn: out.AssumedRoleUser!.Arn, UserId: out.AssumedRoleUser!.AssumedRoleId });
  client.destroy(); assumed.destroy();
});

test(`another NameID format is returned whole; the role pair may be written provider-first or role-first [${API}, SubjectType; IAM User Guide, id_roles_providers_create_saml_assertions.html]`, async (t) => {
  const out = await unsigned().send(new AssumeRoleWithSAMLCommand({
    RoleArn: ROLE, PrincipalArn: PROVIDER, SAMLAssertion: samlResponse({ format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', nameId: 'jane@example.com', roles: [`${ROLE}, ${PROVIDER}`] }),
  }));
  t.is(out.SubjectType, 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
  t.is(out.Subject, 'jane@example.com');
  const ttl = out.Credentials!.Expiration!.getTime() - Date.now();
  t.true(ttl > 3_590_000 && ttl <= 3_600_000, 'one hour by default');
});

interface Row { name: string; source: string; params: Record<string, string>; status: number; code: string; message: string | RegExp }
const ROWS: Row[] = [
  { name: 'an assertion that is not base64', source: 'a Keycloak/AWS blog post (2022-06-05) quoting the AWS CLI', params: { SAMLAssertion: 'not base64!' },
    status: 400, code: 'InvalidIdentityToken',
    message: /^Invalid base64 SAMLResponse \(Service: AWSOpenIdDiscoveryService; Status Code: 400; Error Code: AuthSamlInvalidSamlResponseException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/ },
  { name: 'base64 of something that is not a SAML Response', source: 'a Keycloak/AWS blog post (2022-06-05) quoting the AWS CLI',
    params: { SAMLAssertion: Buffer.from('<html>hello</html>').toString('base64') }, status: 400, code: 'InvalidIdentityToken', message: /^Invalid base64 SAMLResponse / },
  { name: 'a Role attribute that does not name this role and provider', source: 'InvalidIdentityToken quoted from botocore in two SAML CLI tools (aws-adfs style, "TODO - add error handling")',
    params: { SAMLAssertion: samlResponse({ roles: [`${PROVIDER},arn:aws:iam::111122223333:role/other`] }) }, status: 400, code: 'InvalidIdentityToken',
    message: "SAML Assertion doesn't contain the requested Role and Metadata in the attributes" },
  { name: 'no RoleSessionName attribute', source: GUIDE, params: { SAMLAssertion: samlResponse({ session: undefined }) }, status: 400, code: 'InvalidIdentityToken',
    message: 'RoleSessionName is required in AuthnResponse' },
  { name: 'a RoleSessionName with a space', source: GUIDE, params: { SAMLAssertion: samlResponse({ session: 'Jane Doe' }) }, status: 400, code: 'InvalidIdentityToken',
    message: 'RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}' },
  { name: 'a Subject without NameID', source: `${GUIDE}, "Not authorized to perform sts:AssumeRoleWithSAML": "if the SAML response does not include a Subject containing a NameID"`,
    params: { SAMLAssertion: samlResponse({ nameId: undefined }) }, status: 403, code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithSAML' },
  { name: 'SubjectConfirmationData without Recipient', source: 'a 2014 blog post on SAML federation quoting the AWS CLI (AWS\'s own spelling "SubjectConfirmatonData")',
    params: { SAMLAssertion: samlResponse({ recipient: undefined }) }, status: 400, code: 'InvalidIdentityToken',
    message: 'Responses must contain SubjectConfirmatonData with a Recipient and NotOnOrAfter' },
  { name: 'a PrincipalArn that is no SAML provider ARN', source: 'the RoleArn answer of localstack test_sts.snapshot.json test_sts_invalid_parameters (2025-07-21), applied to PrincipalArn',
    params: { PrincipalArn: 'arn:aws:iam::111122223333:role/not-a-provider', SAMLAssertion: samlResponse() }, status: 400, code: 'ValidationError',
    message: 'arn:aws:iam::111122223333:role/not-a-provider is invalid' },
  { name: 'DurationSeconds above 12 hours', source: `${GUIDE}, "Requested DurationSeconds exceeds MaxSessionDuration"; message as AssumeRole answers (aws-error-answers.test.ts)`,
    params: { SAMLAssertion: samlResponse(), DurationSeconds: '43201' }, status: 400, code: 'ValidationError',
    message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' },
];

for (const row of ROWS) {
  test(`AssumeRoleWithSAML with ${row.name}: ${row.code} [${row.source}]`, async (t) => {
    const answer = await saml(row.params);
    t.is(answer.status, row.status, answer.body);
    t.is(xmlValue(answer.body, 'Type'), 'Sender');
    t.is(xmlValue(answer.body, 'Code'), row.code);
    if (typeof row.message === 'string') t.is(xmlValue(answer.body, 'Message'), row.message);
    else t.regex(xmlValue(answer.body, 'Message') ?? '', row.message);
  });
}

test('the XML answer: AssumeRoleWithSAMLResult with the SAML fields', async (t) => {
  const answer = await saml({ SAMLAssertion: samlResponse(), Policy: '{"Version":"2012-10-17","Statement":[]}' });
  t.is(answer.status, 200, answer.body);
  t.regex(answer.body, /<AssumeRoleWithSAMLResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\s*<AssumeRoleWithSAMLResult>/);
  t.is(xmlValue(answer.body, 'Issuer'), 'https://idp.example.com/saml');
  t.is(xmlValue(answer.body, 'SubjectType'), 'persistent');
  t.truthy(xmlValue(answer.body, 'NameQualifier'));
  t.true(Number(xmlValue(answer.body, 'PackedPolicySize')) > 0);
});
