/**
 * The PutObject a POST form stands for: "Parameters that are passed to PUT through HTTP headers
 * are instead passed as form fields to POST" (RESTObjectPOST). Each field S3 documents for POST
 * becomes the PutObject member its header would, so the object is stored, checked and refused
 * (ACLs, storage class, metadata size, checksums, and NotImplemented for what boltstack does not
 * emulate: SSE-KMS, SSE-C, Object Lock) exactly as PutObject does. Two differences: `tagging` is
 * a Tagging XML document, not the header's query form, and Content-Type comes from the field
 * only, never from the file part (test_s3.py::test_post_object_with_file_as_string: none given,
 * binary/octet-stream). Content-Language, the x-amz-grant-* and every x-amz-checksum-* field
 * are PUT headers too (versity/versitygw tests/integration/PostObject.go
 * PostObject_success_with_meta_properties, PostObject_checksums_success).
 */
import type { PutObjectInput } from '../../../model/generated/s3-types.js';
import { parseXml } from '../../../util/xml-parse.js';
import type { IncomingBody } from '../../bodies.js';
import { checksumMember, S3_CHECKSUM_ALGORITHMS } from '../checksum-plan.js';
import { s3Errors } from '../errors.js';
import { validateTags, type Tag } from '../tags.js';
import type { Fields } from './fields.js';

type TextMember = { [K in keyof PutObjectInput]-?: PutObjectInput[K] extends string | undefined ? K : never }[keyof PutObjectInput];

const TEXT_FIELDS: Readonly<Record<string, TextMember>> = {
  'acl': 'ACL',
  'cache-control': 'CacheControl',
  'content-type': 'ContentType',
  'content-disposition': 'ContentDisposition',
  'content-encoding': 'ContentEncoding',
  'content-language': 'ContentLanguage',
  'content-md5': 'ContentMD5',
  // The grant headers as fields: refused or ignored exactly as PutObject's (context.ts checkObjectAcl).
  'x-amz-grant-full-control': 'GrantFullControl',
  'x-amz-grant-read': 'GrantRead',
  'x-amz-grant-read-acp': 'GrantReadACP',
  'x-amz-grant-write-acp': 'GrantWriteACP',
  'x-amz-storage-class': 'StorageClass',
  'x-amz-website-redirect-location': 'WebsiteRedirectLocation',
  'x-amz-server-side-encryption': 'ServerSideEncryption',
  'x-amz-server-side-encryption-aws-kms-key-id': 'SSEKMSKeyId',
  'x-amz-server-side-encryption-context': 'SSEKMSEncryptionContext',
  'x-amz-server-side-encryption-customer-algorithm': 'SSECustomerAlgorithm',
  'x-amz-server-side-encryption-customer-key': 'SSECustomerKey',
  'x-amz-server-side-encryption-customer-key-md5': 'SSECustomerKeyMD5',
  'x-amz-object-lock-mode': 'ObjectLockMode',
  'x-amz-object-lock-legal-hold': 'ObjectLockLegalHoldStatus',
  'x-amz-checksum-algorithm': 'ChecksumAlgorithm',
  // Every x-amz-checksum-* of the model, so a value is verified as PutObject verifies it.
  ...Object.fromEntries(S3_CHECKSUM_ALGORITHMS.map((a) => [`x-amz-checksum-${a.toLowerCase()}`, checksumMember(a)])),
};

const META = 'x-amz-meta-';

export function putObjectInput(bucket: string, key: string, fields: Fields, body: IncomingBody): PutObjectInput {
  const input: PutObjectInput = { Bucket: bucket, Key: key, Body: body };
  const metadata: Record<string, string> = {};
  let hasMetadata = false;
  for (const [name, value] of fields.entries()) {
    const member = TEXT_FIELDS[name];
    if (member !== undefined) input[member] = value;
    else if (name.startsWith(META) && name.length > META.length) {
      // "Amazon S3 stores user-defined metadata keys in lowercase" (test_s3.py::test_post_object_with_metadata: TEST-2 → test-2).
      metadata[name.slice(META.length)] = value;
      hasMetadata = true;
    }
  }
  if (hasMetadata) input.Metadata = metadata;
  const expires = fields.value('expires');
  if (expires !== undefined) input.Expires = new Date(expires);
  const bucketKey = fields.value('x-amz-server-side-encryption-bucket-key-enabled');
  if (bucketKey !== undefined) input.BucketKeyEnabled = bucketKey.toLowerCase() === 'true';
  const retainUntil = fields.value('x-amz-object-lock-retain-until-date');
  if (retainUntil !== undefined) input.ObjectLockRetainUntilDate = new Date(retainUntil);
  const tagging = fields.value('tagging');
  if (tagging !== undefined) input.Tagging = taggingQuery(tagging);
  return input;
}

/**
 * The tagging field's <Tagging><TagSet><Tag>… as the x-amz-tagging query form PutObject reads.
 * Not XML: 400 MalformedXML; XML of another root: no tags (test_s3.py::test_post_object_with_tags,
 * validated 2026-02-21: <InvalidXmlTagging> stored with an empty TagSet).
 */
function taggingQuery(xml: string): string {
  let root;
  try {
    root = parseXml(Buffer.from(xml, 'utf8'));
  } catch {
    throw s3Errors.malformedXml();
  }
  const tags: Tag[] = [];
  if (root.name === 'Tagging') {
    for (const set of root.children) {
      if (set.name !== 'TagSet') continue;
      for (const tag of set.children) {
        if (tag.name !== 'Tag') continue;
        const text = (name: string): string | undefined => tag.children.find((c) => c.name === name)?.text;
        tags.push({ Key: text('Key') ?? '', Value: text('Value') ?? '' });
      }
    }
  }
  return new URLSearchParams(validateTags(tags).map(({ Key, Value }): [string, string] => [Key, Value])).toString();
}
