/** What S3 stores per bucket, object, multipart upload and part (JSON in the MetaStore). */

export interface BucketRecord {
  name: string;
  region: string;
  /** Only when GetBucketLocation answers other than the region: the legacy "EU" (eu-west-1). */
  locationConstraint?: string;
  /** Epoch ms. */
  created: number;
  owner: string;
  tags?: { Key: string; Value: string }[];
  /**
   * Object Ownership when ACLs are on: BucketOwnerPreferred, which S3 gives a bucket created
   * with `x-amz-acl: private` and no x-amz-object-ownership (versity/versitygw#1869, #1871, measured
   * against S3 2026-02-18), or NoControls after DeleteBucketOwnershipControls: S3 then treats the
   * bucket as ObjectWriter, ACLs on; only the owner's account writes to a boltstack bucket, so
   * that is BucketOwnerPreferred but for GetBucketOwnershipControls' answer.
   * Absent: BucketOwnerEnforced, ACLs off, S3's default since April 2023.
   * boltstack stores no ACL, so such a bucket's ACLs are always the owner's FULL_CONTROL.
   */
  ownership?: 'BucketOwnerPreferred' | 'NoControls';
  /**
   * The bucket's Block Public Access settings. Absent: all four true, what S3 gives every new
   * bucket since April 2023; 'none' after DeletePublicAccessBlock. Nothing public can be granted
   * in boltstack (no policies, ACLs only the owner's), so the settings are kept, not enforced.
   */
  publicAccessBlock?: PublicAccessBlockRecord | 'none';
  /** Default encryption as PutBucketEncryption set it. Absent: SSE-S3, S3's default since January 2023. */
  encryption?: { bucketKeyEnabled: boolean };
}

export interface PublicAccessBlockRecord {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

/** One stretch of an object's bytes: a whole blob (simple object) or one part (multipart). */
export interface BlobSpan {
  blob: string;
  size: number;
}

export interface ChecksumRecord {
  algorithm: 'CRC32' | 'CRC32C' | 'SHA1' | 'SHA256' | 'CRC64NVME' | 'SHA512' | 'MD5' | 'XXHASH64' | 'XXHASH3' | 'XXHASH128';
  /** base64, as AWS renders it; a multipart composite value carries its "-N" suffix. */
  value: string;
  type: 'FULL_OBJECT' | 'COMPOSITE';
}

export interface ObjectRecord {
  size: number;
  /** Quoted, as S3 renders it: "<md5 hex>" or "<md5 of part md5s>-<N>". */
  etag: string;
  /** Epoch ms. */
  lastModified: number;
  /** Unique per stored version; names this version's blob references. */
  version: string;
  spans: BlobSpan[];
  /** Multipart objects: the part sizes, for PartNumber reads and the PartsCount header. */
  partsCount?: number;
  contentType?: string;
  contentEncoding?: string;
  contentDisposition?: string;
  contentLanguage?: string;
  cacheControl?: string;
  /** The Expires header as given (S3 echoes it verbatim). */
  expires?: string;
  websiteRedirectLocation?: string;
  storageClass?: string;
  metadata?: Record<string, string>;
  checksum?: ChecksumRecord;
  /** COMPOSITE multipart objects: each part's checksum, in part order (a part read answers it). */
  partChecksums?: string[];
  tags?: { Key: string; Value: string }[];
  /**
   * Multipart objects: the upload that made this version and a digest of the part list it was
   * completed with, so a repeated CompleteMultipartUpload of that list answers as the first did;
   * and when the upload was initiated (epoch ms), when S3 takes the write to have begun
   * (completion-order.ts).
   */
  completedUpload?: { id: string; parts: string; initiated?: number };
}

export interface UploadRecord {
  bucket: string;
  key: string;
  uploadId: string;
  /** Epoch ms. */
  initiated: number;
  /** Headers given to CreateMultipartUpload, applied to the completed object. */
  object: Omit<ObjectRecord, 'size' | 'etag' | 'lastModified' | 'version' | 'spans' | 'checksum'>;
  checksumAlgorithm?: ChecksumRecord['algorithm'];
  checksumType?: ChecksumRecord['type'];
}

export interface PartRecord {
  partNumber: number;
  size: number;
  /** Quoted md5 hex. */
  etag: string;
  lastModified: number;
  blob: string;
  version: string;
  checksum?: ChecksumRecord;
}
