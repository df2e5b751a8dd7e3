/**
 * Envelopes signed when they are first read, not when they are published: a publish to a topic
 * with several standard-queue subscriptions hands SQS its envelope with an empty Signature
 * (a DeferredPart, services/sqs/internal-api.ts), and SQS asks for the finished head each time it
 * reads a copy. A publish whose copies nobody has received yet then costs no RSA signature (one
 * was 87-97 µs in libuv's pool, and about 20 µs of main thread to hand it there and back, of a
 * publish's 365 µs: issue #9's fan-out figure), and copies that are read cost one signature
 * for all of them.
 *
 * The text read is the text an eager signature would have made: RSA PKCS#1 v1.5 signatures are
 * deterministic, and everything the signature covers (Message, MessageId, Subject, Timestamp,
 * TopicArn) was fixed at publish and is in the stored head. So a copy read after a restart, or
 * evicted from the cache below, is signed again to the same bytes.
 */
import { field, notificationStringToSign } from '../envelope.js';
import type { Signer } from '../signing.js';

/** The Signature line of a deferred head, as notificationTemplate writes it with an empty signature. */
const UNSIGNED_LINE = `,\n${field('Signature', '')},\n`;

/**
 * Signatures remembered per MessageId (about 300 bytes each), so the copies of one publish cost
 * one signature when their consumers read them within this many other messages of each other;
 * a copy read later is signed again (to the same bytes), about 100 µs of pool CPU.
 */
const MAX_REMEMBERED = 1024;

/** The envelope fields the signature covers, as the head holds them. */
interface SignedFields { MessageId: string; TopicArn: string; Subject?: string; Message: string; Timestamp: string; SignatureVersion: string }

export class DeferredSignatures {
  readonly #signer: () => Promise<Signer>;
  /** MessageId → its signature, or the promise of it while it is made; oldest first, for eviction. */
  readonly #signatures = new Map<string, string | Promise<string>>();

  constructor(signer: () => Promise<Signer>) {
    this.#signer = signer;
  }

  /** The head with its Signature filled in. */
  async finish(head: string): Promise<string> {
    const at = head.lastIndexOf(UNSIGNED_LINE);
    if (at < 0 || !head.endsWith(',\n')) throw new Error('sns: not an unsigned envelope head');
    // The head is a JSON object but its last fields (and the closing brace).
    const f = JSON.parse(`${head.slice(0, -2)}\n}`) as SignedFields;
    let signature = this.#signatures.get(f.MessageId);
    if (signature === undefined) {
      const version = f.SignatureVersion === '2' ? '2' : '1';
      const text = notificationStringToSign({ message: f.Message, messageId: f.MessageId, subject: f.Subject, timestamp: f.Timestamp, topicArn: f.TopicArn });
      signature = this.#signer().then((signer) => signer.signAsync(text, version));
      this.#remember(f.MessageId, signature);
    }
    const value = typeof signature === 'string' ? signature : await signature;
    return `${head.slice(0, at)},\n${field('Signature', value)},\n${head.slice(at + UNSIGNED_LINE.length)}`;
  }

  #remember(messageId: string, signature: Promise<string>): void {
    if (this.#signatures.size >= MAX_REMEMBERED) this.#signatures.delete(this.#signatures.keys().next().value!);
    this.#signatures.set(messageId, signature);
    // Once made, the string alone is kept; a failed signature is not kept at all.
    signature.then(
      (value) => { if (this.#signatures.get(messageId) === signature) this.#signatures.set(messageId, value); },
      () => { if (this.#signatures.get(messageId) === signature) this.#signatures.delete(messageId); },
    );
  }
}
