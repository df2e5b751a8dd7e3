/**
 * Checks an SNS Notification's signature as a subscriber does: the certificate is fetched from
 * the server that now runs (its path from SigningCertURL, so a URL with an earlier port still
 * works), and the fields the signature covers are taken from the document itself.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
 */
import { X509Certificate, verify } from 'node:crypto';

export async function notificationVerifies(doc: Record<string, unknown>, endpoint: string): Promise<boolean> {
  const file = String(doc.SigningCertURL).split('/').pop()!;
  const res = await fetch(`${endpoint}/_boltstack/sns/${file}`);
  if (res.status !== 200) return false;
  const cert = new X509Certificate(await res.text());
  const fields = ['Message', 'MessageId', ...(doc.Subject === undefined ? [] : ['Subject']), 'Timestamp', 'TopicArn', 'Type'];
  const text = fields.map((f) => `${f}\n${String(doc[f])}\n`).join('');
  const signature = Buffer.from(String(doc.Signature), 'base64');
  return signature.length > 0 && verify(doc.SignatureVersion === '2' ? 'sha256' : 'sha1', Buffer.from(text), cert.publicKey, signature);
}
