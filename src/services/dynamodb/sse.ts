/**
 * SSESpecification (CreateTable, UpdateTable). Every DynamoDB table is encrypted at rest; the
 * specification only chooses the key, which boltstack records and describes (nothing is
 * encrypted locally). AES256 is the AWS-owned default, which cannot be requested by name.
 */
import { createHash } from 'node:crypto';
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

/**
 * The id of the account's AWS managed key `aws/dynamodb` in a region. AWS describes a table
 * encrypted with it by the key's ARN with its id, a UUID (`arn:aws:kms:<region>:<account>:key/
 * <uuid>`, localstack tests/aws/services/dynamodb/test_dynamodb.snapshot.json
 * test_dynamodb_create_table_with_partial_sse_specification, validated 2024-01-10), never by the
 * alias; one key per account and region, so the id is derived from them and stays the same.
 */
export function managedKeyId(account: string, region: string): string {
  const h = createHash('sha256').update(`${account}\0${region}\0aws/dynamodb`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A table's SSEDescription; `status` UPDATING answers the UpdateTable that turns a KMS key off. */
export function sseDescription(t: Pick<TableRecord, 'sse' | 'region' | 'account'>, status: 'ENABLED' | 'UPDATING' = 'ENABLED'): Record<string, unknown> {
  const id = t.sse?.kmsKeyId;
  const arn = id?.startsWith('arn:') ? id : `arn:aws:kms:${t.region}:${t.account}:key/${id ?? managedKeyId(t.account, t.region)}`;
  return { Status: status, SSEType: 'KMS', KMSMasterKeyArn: arn };
}
