/**
 * The `sdk` S3 driver: AWS SDK v3 (@aws-sdk/client-s3) with default settings except retries
 * (one attempt, so every failure is seen and latency is one request's), and @aws-sdk/lib-storage
 * for multipart uploads. Bodies stream in and out; it never throws for a failed operation.
 */
import { Agent } from 'node:http';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { BodySource, OpResult, S3Driver, Target } from '../../types.js';
import { s3DriverFactory } from './adapter.js';
import { sdkErrorCode } from './error-code.js';

const failed = (err: unknown): OpResult => ({ ok: false, bytes: 0, error: sdkErrorCode(err) });

export class SdkS3Driver implements S3Driver {
  readonly name = 's3-sdk';
  readonly #agent: Agent;
  readonly #client: S3Client;

  constructor(target: Target, connections: number) {
    this.#agent = new Agent({ keepAlive: true, maxSockets: Math.max(1, connections) });
    this.#client = new S3Client({
      endpoint: target.endpoint,
      region: target.region,
      credentials: target.credentials,
      forcePathStyle: target.forcePathStyle,
      maxAttempts: 1,
      requestHandler: { httpAgent: this.#agent },
    });
  }

  async setup(bucket: string): Promise<void> {
    try {
      await this.#client.send(new CreateBucketCommand({ Bucket: bucket }));
    } catch (err) {
      const code = sdkErrorCode(err);
      if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw err;
    }
  }

  async upload(bucket: string, key: string, body: BodySource, multipart?: { threshold: number; partSize: number }): Promise<OpResult> {
    try {
      if (multipart && body.size > multipart.threshold) {
        await new Upload({
          client: this.#client,
          params: { Bucket: bucket, Key: key, Body: Readable.from(body.stream(), { objectMode: false }) },
          partSize: multipart.partSize,
        }).done();
      } else {
        const whole = body.whole?.();
        await this.#client.send(new PutObjectCommand({
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
    try {
      const out = await this.#client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      let bytes = 0;
      for await (const chunk of out.Body as AsyncIterable<Uint8Array>) bytes += chunk.length;
      return { ok: true, bytes };
    } catch (err) {
      return failed(err);
    }
  }

  async head(bucket: string, key: string): Promise<OpResult> {
    try {
      await this.#client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { ok: true, bytes: 0 };
    } catch (err) {
      return failed(err);
    }
  }

  async list(bucket: string, prefix: string, maxKeys: number): Promise<OpResult> {
    try {
      await this.#client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: maxKeys }));
      return { ok: true, bytes: 0 };
    } catch (err) {
      return failed(err);
    }
  }

  async delete(bucket: string, key: string): Promise<OpResult> {
    try {
      await this.#client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      return { ok: true, bytes: 0 };
    } catch (err) {
      return failed(err);
    }
  }

  async close(): Promise<void> {
    this.#client.destroy();
    this.#agent.destroy();
  }
}

export const s3SdkDriver = s3DriverFactory('sdk', (target, connections) => new SdkS3Driver(target, connections));
export default s3SdkDriver;
