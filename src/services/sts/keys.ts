/**
 * STS's key layout in the MetaStore (the only place keys are built).
 *
 * Why the namespace is "credentials" and not "sts": namespaces sort by name in the one LevelDB
 * keyspace, and SQS's write-ordered log (services/sqs/keys.ts) must be the last thing in it. A
 * key after that log makes the last table of each LevelDB level span the log's tail, so every
 * table flushed from the log is merged with it instead of moved down untouched
 * (native-store/format-version.ts has the measurement). "sts" sorted after "sqs": one AssumeRole
 * was enough to bring those merges back.
 */
export const STS_NS = 'credentials';
/** Where issued credentials were kept before: moved on first use (credentials.ts). */
export const LEGACY_STS_NS = 'sts';

/** Issued temporary credentials, by access key id. */
export const credentialKey = (accessKeyId: string): string => `cred/${accessKeyId}`;
/** Every issued credentials' record ('0' is the character after '/'). */
export const credentialRange = { gt: 'cred/', lt: 'cred0' };
