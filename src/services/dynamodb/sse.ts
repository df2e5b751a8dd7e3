/**
 * SSESpecification (CreateTable, UpdateTable). Every DynamoDB table is encrypted at rest; the
 * specification only chooses the key, which boltstack records and describes (nothing is
 * encrypted locally). AES256 is the AWS-owned default, which cannot be requested by name.
 */
import type { SSESpecification } from '../../model/generated/dynamodb-types.js';
import { ddbErrors } from './errors.js';
import type { TableRecord } from './table-record.js';

export function checkSse(spec: SSESpecification | undefined): void {
  if (spec === undefined) return;
  if (spec.Enabled !== true) {
    if (spec.SSEType !== undefined) throw ddbErrors.invalidParameter('SSEType can not be specified if Enabled is false');
    if (spec.KMSMasterKeyId !== undefined) throw ddbErrors.invalidParameter('KMSMasterKeyId can not be specified if Enabled is false');
    return;
  }
  if (spec.SSEType === 'AES256') throw ddbErrors.invalidParameter('SSEType AES256 is not supported');
  if (spec.KMSMasterKeyId !== undefined && spec.SSEType !== undefined && spec.SSEType !== 'KMS') throw ddbErrors.invalidParameter('SSEType KMS is required if KMSMasterKeyId is specified');
}

export function sseSettings(spec: SSESpecification | undefined): TableRecord['sse'] {
  if (spec?.Enabled !== true) return undefined;
  return { enabled: true, type: 'KMS', ...(spec.KMSMasterKeyId !== undefined ? { kmsKeyId: spec.KMSMasterKeyId } : {}) };
}
