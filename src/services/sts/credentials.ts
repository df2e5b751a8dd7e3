/**
 * Temporary credentials boltstack issued and who they belong to. The key id itself carries the
 * account (access-key-id.ts), so other services need nothing from here; GetCallerIdentity reads
 * the record to answer the assumed-role ARN. Records are kept in the MetaStore (keys.ts) so a
 * session outlives a restart, as a real one would within its expiry.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../log.js';
import type { MetaOp, MetaStore } from '../../storage/meta-store.js';
import { newKeyId } from './access-key-id.js';
import { CredentialPruner, type PruningOptions } from './credential-pruning.js';
import { LEGACY_STS_NS, STS_NS, credentialKey } from './keys.js';
import { newSessionToken } from './session-token.js';
import type { Credentials } from '../../model/generated/sts-types.js';

export interface Principal {
  account: string;
  arn: string;
  userId: string;
  /** A role session's transitive tag keys, lower-cased: they pass on to the sessions it assumes. */
  transitiveTagKeys?: string[];
  /** The session's source identity: AssumeRoot answers the caller's (API_AssumeRoot.html, SourceIdentity). */
  sourceIdentity?: string;
}

interface IssuedRecord extends Principal {
  secret: string;
  token: string;
  expiration: number;
}

/**
 * Whether a key is a session's: AWS gives temporary credentials, and only them, the ASIA prefix
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids).
 * Told from the key alone, so a session this data directory did not issue (another data
 * directory's, or real AWS session credentials) counts as one too.
 */
export const isSessionKey = (accessKeyId: string | undefined): boolean => accessKeyId?.startsWith('ASIA') === true;

const newSecret = (): string => randomBytes(30).toString('base64').replace(/[+/]/g, (c) => (c === '+' ? 'A' : 'B'));

export class CredentialStore {
  #meta: MetaStore;
  /** Records still under the legacy namespace moved (keys.ts), once, before the first read or write. */
  #moved: Promise<void> | undefined;
  /** Removes records long expired, in the background (credential-pruning.ts). */
  readonly pruner: CredentialPruner;

  constructor(meta: MetaStore, log: Logger, pruning?: PruningOptions) {
    this.#meta = meta;
    this.pruner = new CredentialPruner(meta, log, pruning);
  }

  #ready(): Promise<void> {
    this.#moved ??= moveLegacyRecords(this.#meta).catch((err: unknown) => {
      this.#moved = undefined; // tried again on the next call
      throw err;
    });
    return this.#moved;
  }

  /** New temporary credentials for `principal`, valid for `seconds`. */
  async issue(principal: Principal, seconds: number): Promise<Credentials> {
    const AccessKeyId = newKeyId(principal.account);
    await this.#ready();
    const expiration = Date.now() + seconds * 1000;
    // The token carries the Expiration answered (whole seconds), as the gateway judges it.
    const expiresAt = Math.floor(expiration / 1000);
    const record: IssuedRecord = { ...principal, secret: newSecret(), token: newSessionToken(AccessKeyId, expiresAt), expiration };
    await this.#meta.put(STS_NS, credentialKey(AccessKeyId), JSON.stringify(record));
    this.pruner.issued();
    return { AccessKeyId, SecretAccessKey: record.secret, SessionToken: record.token, Expiration: new Date(expiresAt * 1000) };
  }

  /** Who a key boltstack issued belongs to; undefined for any other key. */
  async principalOf(accessKeyId: string | undefined): Promise<Principal | undefined> {
    if (accessKeyId === undefined || !accessKeyId.startsWith('ASIA')) return undefined;
    await this.#ready();
    const text = await this.#meta.get(STS_NS, credentialKey(accessKeyId));
    if (text === undefined) return undefined;
    const { account, arn, userId, transitiveTagKeys, sourceIdentity } = JSON.parse(text) as IssuedRecord;
    return {
      account, arn, userId,
      ...(transitiveTagKeys === undefined ? {} : { transitiveTagKeys }),
      ...(sourceIdentity === undefined ? {} : { sourceIdentity }),
    };
  }
}

/** Every record under the legacy namespace, put under the current one in the same batch that deletes it. */
async function moveLegacyRecords(meta: MetaStore): Promise<void> {
  const ops: MetaOp[] = [];
  for await (const [key, value] of meta.iterate(LEGACY_STS_NS)) {
    ops.push({ type: 'put', ns: STS_NS, key, value }, { type: 'del', ns: LEGACY_STS_NS, key });
  }
  if (ops.length > 0) await meta.batch(ops);
}
