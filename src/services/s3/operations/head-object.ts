/** HeadObject: GetObject's headers (206 for a part or a range) without a body; errors are bodiless 404/412/304/416. */
import type { HeadObjectInput, HeadObjectOutput } from '../../../model/generated/s3-types.js';
import { type S3Handler, unsupported } from '../context.js';
import { NULL_VERSION_ID } from '../null-version.js';
import { assertChecksumMode, objectHeaders } from '../object-headers.js';
import { checksumFor, loadForRead, readRange } from './get-object.js';

export const headObject: S3Handler<HeadObjectInput, HeadObjectOutput> = async (deps, ctx, input) => {
  unsupported(deps, ctx, 'HeadObject', input, ['SSECustomerAlgorithm', 'SSECustomerKey', 'SSECustomerKeyMD5']);
  assertChecksumMode(input.ChecksumMode);
  // versionId=null names the one version of a never-versioned bucket's object: AWS answers it as
  // the current one, without x-amz-version-id (radkawar/stackd testdata/aws/s3/versioning_null.json
  // unversioned-explicit-null-get-object, -head-object, 2026-09-15). Any other id is not emulated.
  if (input.VersionId !== undefined && input.VersionId !== NULL_VERSION_ID) unsupported(deps, ctx, 'HeadObject', input, ['VersionId']);
  const record = await loadForRead(deps, input);
  const range = readRange(record, input);
  const out = objectHeaders(record, input, input.ChecksumMode, checksumFor(record, input, range));
  // x-amz-tagging-count as on GetObject (radkawar/stackd testdata/aws/s3/multipart_controls_replay.json
  // seq 29 baseline-head, 2026-09-20): one property read on the record already loaded.
  if (record.tags && record.tags.length > 0) out.TagCount = record.tags.length;
  if (input.PartNumber !== undefined && record.partsCount) out.PartsCount = record.partsCount;
  // A part or a satisfiable Range: 206 with Content-Range, as GetObject (getmoto/moto
  // tests/test_s3/test_s3.py::test_head_object and test_head_object_with_range_header, aws_verified).
  if (range) {
    out.ContentRange = `bytes ${range.start}-${range.end}/${record.size}`;
    out.ContentLength = range.end - range.start + 1;
  }
  return out;
};
