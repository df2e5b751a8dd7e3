/**
 * Sessions issued by GetFederationToken, AssumeRoleWithSAML and AssumeRoot are kept in the data
 * directory as AssumeRole's are: after a restart GetCallerIdentity with their credentials still
 * names the federated user, the SAML role session and the member account's root user.
 */
import test from 'ava';
import { AssumeRoleWithSAMLCommand, AssumeRootCommand, GetCallerIdentityCommand, GetFederationTokenCommand, STSClient, type Credentials } from '@aws-sdk/client-sts';
import { startBoltstack, tempDir } from '../../helpers/server.js';

type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const client = (endpoint: string, credentials: Keys): STSClient => new STSClient({ endpoint, region: 'us-east-1', credentials });
const asCredentials = (c: Credentials | undefined): Keys => ({ accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! });

const ROLE = 'arn:aws:iam::111122223333:role/saml-admin';
const PROVIDER = 'arn:aws:iam::111122223333:saml-provider/Okta';
const SAML = Buffer.from(`<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">
<saml:Assertion><saml:Issuer>https://idp.example.com</saml:Issuer>
<saml:Subject><saml:NameID>jane</saml:NameID><saml:SubjectConfirmation><saml:SubjectConfirmationData Recipient="https://signin.aws.amazon.com/saml" NotOnOrAfter="2030-01-01T00:00:00Z"/></saml:SubjectConfirmation></saml:Subject>
<saml:AttributeStatement>
<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role"><saml:AttributeValue>${PROVIDER},${ROLE}</saml:AttributeValue></saml:Attribute>
<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName"><saml:AttributeValue>jane</saml:AttributeValue></saml:Attribute>
</saml:AttributeStatement></saml:Assertion></samlp:Response>`).toString('base64');

test('federation, SAML and root sessions answer GetCallerIdentity after a restart', async (t) => {
  const tmp = await tempDir();
  try {
    let server = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    const sessions: Keys[] = [];
    try {
      const caller = client(server.endpoint, { accessKeyId: '444455556666', secretAccessKey: 'x' });
      sessions.push(asCredentials((await caller.send(new GetFederationTokenCommand({ Name: 'Bob' }))).Credentials));
      sessions.push(asCredentials((await caller.send(new AssumeRoleWithSAMLCommand({ RoleArn: ROLE, PrincipalArn: PROVIDER, SAMLAssertion: SAML }))).Credentials));
      sessions.push(asCredentials((await caller.send(new AssumeRootCommand({ TargetPrincipal: '123456789012', TaskPolicyArn: { arn: 'arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy' } }))).Credentials));
      caller.destroy();
    } finally {
      await server.stop();
    }
    server = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    try {
      const arns = [];
      for (const keys of sessions) arns.push((await client(server.endpoint, keys).send(new GetCallerIdentityCommand({}))).Arn);
      t.deepEqual(arns, [
        'arn:aws:sts::444455556666:federated-user/Bob',
        'arn:aws:sts::111122223333:assumed-role/saml-admin/jane',
        // The key id alone names the account, so this row would hold without the record too.
        'arn:aws:iam::123456789012:root',
      ]);
    } finally {
      await server.stop();
    }
  } finally {
    await tmp.remove();
  }
});
