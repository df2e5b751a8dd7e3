/**
 * The `sdk` S3 driver: AWS SDK v3 (@aws-sdk/client-s3) with default settings except retries
 * (one attempt, so every failure is seen and latency is one request's), and @aws-sdk/lib-storage
 * for multipart uploads. Bodies stream in and out; it never throws for a failed operation.
 * Both packages are optional: they load in `setup` (wire/load-sdk.ts).
 */
import { Agent } from 'node:http';
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { BodySource, OpResult, S3Driver, Target } from '../../types.js';
import { loadSdk } from '../wire/load-sdk.js';
import { s3DriverFactory } from './adapter.js';
import { sdkErrorCode } from './error-code.js';

const failed = (err: unknown): OpResult => ({ ok: false, bytes: 0, error: sdkErrorCode(err) });

const SDK_PACKAGES = ['@aws-sdk/client-s3', '@aws-sdk/lib-storage'] as const;

function loadS3Sdk() {
  return loadSdk(SDK_PACKAGES, async () => ({ ...await import('@aws-sdk/client-s3'), Upload: (await import('@aws-sdk/lib-storage')).Upload }));
}

type S3Sdk = Awaited<ReturnType<typeof loadS3Sdk>>;

const NOT_SET_UP: OpResult = { ok: false, bytes: 0, error: 'NotSetUp' };

export class SdkS3Driver implements S3Driver {
  readonly name = 's3-sdk';
  readonly #target: Target;
  readonly #agent: Agent;
  #sdk: S3Sdk | undefined;
  #client: S3Client | undefined;

  constructor(target: Target, connections: number) {
    this.#target = target;
    this.#agent = new Agent({ keepAlive: true, maxSockets: Math.max(1, connections) });
  }

  async setup(bucket: string): Promise<void> {
    const sdk = (this.#sdk ??= await loadS3Sdk());
    const target = this.#target;
    this.#client ??= new sdk.S3Client({
      endpoint: target.endpoint,
      region: target.region,
      credentials: target.credentials,
      forcePathStyle: target.forcePathStyle,
      maxAttempts: 1,
      requestHandler: { httpAgent: this.#agent },
    });
    try {
      await this.#client.send(new sdk.CreateBucketCommand({ Bucket: bucket }));
    } catch (err) {
      const code = sdkErrorCode(err);
      if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw err;
    }
  }

  async upload(bucket: string, key: string, body: BodySource, multipart?: { threshold: number; partSize: number }): Promise<OpResult> {
    const sdk = this.#sdk;
    const client = this.#client;
    if (!sdk || !client) return NOT_SET_UP;
    try {
      if (multipart && body.size > multipart.threshold) {
        await new sdk.Upload({
          client,
          params: { Bucket: bucket, Key: key, Body: Readable.from(body.stream(), { objectMode: false }) },
          partSize: multipart.partSize,
        }).done();
      } else {
        const whole = body.whole?.();
        await client.send(new sdk.PutObjectCommand({
          Bucket: bucket, Key: key, ContentLength: body.size,
          Body: whole ?? Readable.from(body.stream(), { objectMode: false }),
        }));
      }
      return { ok: true, bytes: body.size };
    } catch (err) {
      return failed(err);
    }
  }

  async download(bucket: string, key: string): Promise<OpResult> {
    const sdk = this.#sdk;
    const client = this.#client;
    if (!sdk || !client) return NOT_SET_UP;
    try {
      const out = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
      let bytes = 0;
      for await (const chunk of out.Body as AsyncIterable<Uint8Array>) bytes += chunk.length;
      return { ok: true, bytes };
    } catch (err) {
      return failed(err);
    }
  }

  async head(bucket: string, key: string): Promise<OpResult> {
    const sdk = this.#sdk;
    const client = this.#client;
    if (!sdk || !client) return NOT_SET_UP;
    try {
      await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { ok: true, bytes: 0 };
    } catch (err) {
      return failed(err);
    }
  }

  async list(bucket: string, prefix: string, maxKeys: number): Promise<OpResult> {
    const sdk = this.#sdk;
    const client = this.#client;
    if (!sdk || !client) return NOT_SET_UP;
    try {
      await client.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: maxKeys }));
      return { ok: true, bytes: 0 };
    } catch (err) {
      return failed(err);
    }
  }

  async delete(bucket: string, key: string): Promise<OpResult> {
    const sdk = this.#sdk;
    const client = this.#client;
    if (!sdk || !client) return NOT_SET_UP;
    try {
      await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key }));
      return { ok: true, bytes: 0 };
    } catch (err) {
      return failed(err);
    }
  }

  async close(): Promise<void> {
    this.#client?.destroy();
    this.#client = undefined;
    this.#agent.destroy();
  }
}

export const s3SdkDriver = s3DriverFactory('sdk', (target, connections) => new SdkS3Driver(target, connections));
export default s3SdkDriver;
