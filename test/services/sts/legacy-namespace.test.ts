/**
 * Issued credentials moved from the "sts" namespace to "credentials" (src/services/sts/keys.ts:
 * "sts" sorted after SQS's log). A data dir whose records are still under "sts" keeps its
 * sessions: the first STS call after the upgrade moves them, and nothing stays behind.
 */
import test from 'ava';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CREDENTIALS, startBoltstack, tempDir } from '../../helpers/server.js';

const client = (endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = CREDENTIALS): STSClient =>
  new STSClient({ endpoint, region: 'us-east-1', credentials });

/** Every key of a namespace, read from LevelDB itself (sublevel prefix '!ns!'). */
async function namespaceKeys(db: ClassicLevel<string, string>, ns: string): Promise<string[]> {
  return db.keys({ gt: `!${ns}!`, lt: `!${ns}"` }).all();
}

test('a session issued before the move still answers GetCallerIdentity after a restart, and is moved', async (t) => {
  const tmp = await tempDir();
  try {
    let server = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    let credentials;
    try {
      const out = await client(server.endpoint).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/deployer', RoleSessionName: 'before-upgrade' }));
      credentials = { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! };
    } finally {
      await server.stop();
    }
    // Put the record where an earlier boltstack kept it.
    const db = new ClassicLevel<string, string>(join(tmp.dir, 'meta'));
    const current = await namespaceKeys(db, 'credentials');
    t.is(current.length, 1);
    const value = (await db.get(current[0]!))!;
    await db.batch([{ type: 'del', key: current[0]! }, { type: 'put', key: current[0]!.replace('!credentials!', '!sts!'), value }]);
    await db.close();

    server = await startBoltstack({ ephemeral: false, dataDir: tmp.dir });
    try {
      const who = await client(server.endpoint, credentials).send(new GetCallerIdentityCommand({}));
      t.is(who.Arn, 'arn:aws:sts::111122223333:assumed-role/deployer/before-upgrade');
    } finally {
      await server.stop();
    }
    const after = new ClassicLevel<string, string>(join(tmp.dir, 'meta'));
    t.deepEqual(await namespaceKeys(after, 'sts'), []);
    t.deepEqual(await namespaceKeys(after, 'credentials'), current);
    await after.close();
  } finally {
    await tmp.remove();
  }
});
