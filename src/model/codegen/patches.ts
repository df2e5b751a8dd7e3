/**
 * Members AWS added after the aws-sdk v2 models froze that today's clients send, patched into
 * the raw model before pruning. Each patch names its source; without it the decoder would drop
 * the member silently (strict mode forbids that).
 *
 * - S3 CreateBucketConfiguration.Tags (2025): Terraform AWS provider v6 always sends it
 *   (shared/conformance/terraform-aws-calls.md §2.1). Same shape as GetBucketTagging's TagSet:
 *   <Tags><Tag><Key/><Value/></Tag>...</Tags>.
 */
import type { ServiceName } from '../types.js';
import type { RawModel, RawShape } from './raw-model.js';

function s3Patches(model: RawModel): void {
  const tagSet = (model.operations.GetBucketTagging?.output?.members as Record<string, RawShape> | undefined)?.TagSet;
  const config = (model.operations.CreateBucket?.input?.members as Record<string, RawShape> | undefined)?.CreateBucketConfiguration;
  if (!tagSet || !config) throw new Error('model patch: S3 TagSet or CreateBucketConfiguration not found');
  const members = config.members as Record<string, RawShape>;
  members.Tags ??= { ...tagSet };
}

export function applyPatches(service: ServiceName, model: RawModel): RawModel {
  if (service === 's3') s3Patches(model);
  return model;
}
