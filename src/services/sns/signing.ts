/**
 * Message signatures (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA) with a key and a
 * self-signed certificate boltstack creates once and keeps in the MetaStore, so signatures
 * made before a restart still verify against the certificate served after it.
 * The certificate is served at SigningCertURL (`/_boltstack/sns/SimpleNotificationService-<id>.pem`).
 *
 * The key is RSA-1024: a Publish signs once per message, and RSA-2048 signing (about 4x the CPU)
 * would cap fan-out throughput far below what SNS users test with; verifiers do not check the
 * key size. Signing runs in libuv's thread pool (`signAsync`), off the main thread that serves
 * requests. https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
 */
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { MetaStore } from '../../storage/meta-store.js';
import { bitString, derNull, explicit, integer, oid, sequence, set, utcTime, utf8 } from './der.js';
import { SIGNING_KEY, SNS_NS } from './keys.js';

interface StoredKey { keyPem: string; certPem: string; id: string }

const signInPool = promisify(sign);

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const COMMON_NAME = '2.5.4.3';

function selfSigned(privateKey: KeyObject, publicDer: Buffer): string {
  const algorithm = sequence(oid(SHA256_WITH_RSA), derNull());
  const name = sequence(set(sequence(oid(COMMON_NAME), utf8('sns.amazonaws.com'))));
  const now = Date.now();
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(randomBytes(16)),
    algorithm,
    name,
    sequence(utcTime(new Date(now - 86_400_000)), utcTime(new Date(now + 10 * 365 * 86_400_000))),
    name,
    publicDer,
  );
  const der = sequence(tbs, algorithm, bitString(sign('sha256', tbs, privateKey)));
  const base64 = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${base64}${base64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}

export class Signer {
  readonly id: string;
  readonly certificatePem: string;
  /** The length of every signature in base64 (an RSA signature is as long as the key's modulus). */
  readonly signatureChars: number;
  readonly #key: KeyObject;

  private constructor(stored: StoredKey) {
    this.id = stored.id;
    this.certificatePem = stored.certPem;
    this.#key = createPrivateKey(stored.keyPem);
    // Read once: asymmetricKeyDetails builds a new object on every read.
    this.signatureChars = Math.ceil((this.#key.asymmetricKeyDetails?.modulusLength ?? 1024) / 8 / 3) * 4;
  }

  /** The instance's signer: the stored key, or a new one stored at once. */
  static async open(meta: MetaStore): Promise<Signer> {
    const text = await meta.get(SNS_NS, SIGNING_KEY);
    if (text !== undefined) return new Signer(JSON.parse(text) as StoredKey);
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const certPem = selfSigned(privateKey, publicKey.export({ type: 'spki', format: 'der' }));
    const stored: StoredKey = {
      keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      certPem,
      id: createHash('sha256').update(certPem).digest('hex').slice(0, 32),
    };
    await meta.put(SNS_NS, SIGNING_KEY, JSON.stringify(stored));
    return new Signer(stored);
  }

  /** The file name AWS gives its certificates, under which boltstack serves this one. */
  get certificateFile(): string {
    return `SimpleNotificationService-${this.id}.pem`;
  }

  /** Base64 signature of `text` for SignatureVersion 1 (SHA1) or 2 (SHA256). */
  sign(text: string, version: '1' | '2'): string {
    return sign(version === '2' ? 'sha256' : 'sha1', Buffer.from(text, 'utf8'), this.#key).toString('base64');
  }

  /** As `sign`, computed in libuv's thread pool. */
  async signAsync(text: string, version: '1' | '2'): Promise<string> {
    return (await signInPool(version === '2' ? 'sha256' : 'sha1', Buffer.from(text, 'utf8'), this.#key)).toString('base64');
  }
}
