/**
 * Small S3 fixtures the request-shape tests share: a fresh bucket holding given objects, and the
 * texts of an XML answer's elements.
 */
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { uniqueBucket } from './server.js';

/** A new bucket named from `prefix`, holding `objects` (key → body), made through the SDK. */
export async function bucketWithObjects(s3: S3Client, prefix: string, objects: Record<string, string | Buffer> = {}): Promise<string> {
  const Bucket = uniqueBucket(prefix);
  await s3.send(new CreateBucketCommand({ Bucket }));
  for (const [Key, Body] of Object.entries(objects)) await s3.send(new PutObjectCommand({ Bucket, Key, Body }));
  return Bucket;
}

/** The raw texts of every `<name>` element of an XML answer, in order (not unescaped). */
export const xmlElements = (xml: string, name: string): string[] => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!);
