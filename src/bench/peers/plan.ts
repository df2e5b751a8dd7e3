/**
 * What `bench peers` compares: per service, the peer emulator boltstack is measured against
 * and the shipped workloads both run (bench/workloads/). SNS has no peer: boltstack alone, once
 * it serves SNS. The S3 figures of the foundation issue come on top (s3-figures.ts).
 */
import type { ServiceKind } from '../types.js';
import type { ServerName } from './servers.js';

export interface ServicePlan {
  service: ServiceKind;
  peer: ServerName | null;
  workloads: string[];
}

export const PEER_PLAN: readonly ServicePlan[] = [
  // s3-large-multipart is left to s3-figures (64 MiB and 1 GiB figures, measured against disk).
  { service: 's3', peer: 's3rver', workloads: ['s3-small-objects', 's3-list-heavy', 's3-mixed'] },
  { service: 'dynamodb', peer: 'dynalite', workloads: ['dynamodb-crud', 'dynamodb-query-scan'] },
  { service: 'sqs', peer: 'local-aws-sqs', workloads: ['sqs-send-receive'] },
  { service: 'sns', peer: null, workloads: ['sns-fanout'] },
];

export const PEER_SERVICES: readonly ServiceKind[] = PEER_PLAN.map((p) => p.service);
