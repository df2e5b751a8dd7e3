/**
 * The operations a workload may name, per service: the contract between workload files and the
 * drivers. `writes` ops get a generated body; `reads` ops expect existing keys, so a workload with
 * one defaults to preloading its whole key space.
 */
import type { ServiceKind } from '../types.js';

export interface OperationInfo { writes: boolean; reads: boolean }

export const SERVICE_OPERATIONS: Record<ServiceKind, Record<string, OperationInfo>> = {
  s3: {
    upload: { writes: true, reads: false },
    download: { writes: false, reads: true },
    head: { writes: false, reads: true },
    list: { writes: false, reads: true },
    delete: { writes: false, reads: false },
  },
  dynamodb: {
    put: { writes: true, reads: false },
    get: { writes: false, reads: true },
    update: { writes: true, reads: true },
    delete: { writes: false, reads: false },
    query: { writes: false, reads: true },
    scan: { writes: false, reads: true },
  },
  sqs: {
    send: { writes: true, reads: false },
    receive: { writes: false, reads: false },
    'send-batch': { writes: true, reads: false },
  },
  sns: {
    publish: { writes: true, reads: false },
    'publish-batch': { writes: true, reads: false },
  },
};

export const SERVICES = Object.keys(SERVICE_OPERATIONS) as ServiceKind[];

export function operationInfo(service: ServiceKind, op: string): OperationInfo | undefined {
  return Object.hasOwn(SERVICE_OPERATIONS[service], op) ? SERVICE_OPERATIONS[service][op] : undefined;
}
