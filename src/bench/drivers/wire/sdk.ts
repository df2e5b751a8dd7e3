/**
 * What the SDK drivers share: one client configuration (no retries, so the bench sees every
 * failure; keep-alive sockets enough for any concurrency) and the mapping of an SDK exception to
 * the `OpResult.error` code.
 */
import { Agent } from 'node:http';
import type { Target } from '../../types.js';
import { transportErrorCode } from './signed-post.js';

export interface SdkClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  maxAttempts: number;
  requestHandler: { httpAgent: Agent };
}

export function sdkClientConfig(target: Target): SdkClientConfig {
  return {
    endpoint: target.endpoint,
    region: target.region,
    credentials: target.credentials,
    // A retried request would hide the error and count twice the latency as one operation.
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 1024 }) },
  };
}

/** Names the SDK uses when it could not read an error code from the answer. */
const UNNAMED = new Set(['Error', 'Unknown', 'UnknownError']);

/** The AWS error code of a service exception, else "HTTP <status>", else the transport code. */
export function sdkErrorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode;
    if (status !== undefined) {
      return typeof e.name === 'string' && !UNNAMED.has(e.name) ? e.name : `HTTP ${status}`;
    }
  }
  return transportErrorCode(err);
}

/** Destroys the client's sockets (SDK clients keep the agent alive otherwise). */
export function closeSdkClient(client: { destroy(): void }, config: SdkClientConfig): Promise<void> {
  client.destroy();
  config.requestHandler.httpAgent.destroy();
  return Promise.resolve();
}
