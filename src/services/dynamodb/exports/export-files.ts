/**
 * The files of a FULL_EXPORT in DYNAMODB_JSON, as the DynamoDB developer guide's "DynamoDB table
 * export output format" lays them out under `[<prefix>/]AWSDynamoDB/<export id>/`:
 *   _started                 empty, written first
 *   data/<26 base32>.json.gz one `{"Item":{...}}` line per item, gzip
 *   manifest-files.json      one JSON line per data file: itemCount, md5Checksum (base64),
 *                            etag, dataFileS3Key
 *   manifest-summary.json    the export's summary (version 2020-06-30)
 *   manifest-*.md5           the base64 MD5 of the matching JSON file (24 bytes, as an AWS
 *                            export listed in Google's "Migrate from DynamoDB to Spanner" guide)
 * Pure builders: the runner (run-export.ts) writes what they return.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ExportRecord } from './export-record.js';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A data file's name: 26 lower-case base32 characters, as AWS names them (`x24s4lbil47rdhma34ilkmrmba`). */
export function dataFileName(): string {
  const bytes = randomBytes(17);
  let out = '';
  for (let i = 0; i < 26; i++) {
    const bit = i * 5;
    const word = (bytes[bit >> 3]! << 8) | bytes[(bit >> 3) + 1]!;
    out += BASE32[(word >> (11 - (bit & 7))) & 31];
  }
  return out;
}

/** One line of a data file: the stored item text is already DynamoDB JSON (item-codec.ts). */
export const dataLine = (storedItem: string): string => `{"Item":${storedItem}}\n`;

export const md5Base64 = (body: Buffer | string): string => createHash('md5').update(body).digest('base64');

export interface DataFileEntry { itemCount: number; md5Checksum: string; etag: string; dataFileS3Key: string }

export const manifestFiles = (files: readonly DataFileEntry[]): string => files.map((f) => `${JSON.stringify(f)}\n`).join('');

export function manifestSummary(r: ExportRecord, manifestFilesKey: string): string {
  return JSON.stringify({
    version: '2020-06-30', exportArn: r.arn, startTime: new Date(r.startTime).toISOString(), endTime: new Date(r.endTime!).toISOString(),
    tableArn: r.tableArn, tableId: r.tableId, exportTime: new Date(r.exportTime).toISOString(),
    s3Bucket: r.s3Bucket, s3Prefix: r.s3Prefix ?? null, s3SseAlgorithm: r.s3SseAlgorithm ?? 'AES256', s3SseKmsKeyId: r.s3SseKmsKeyId ?? null,
    manifestFilesS3Key: manifestFilesKey, billedSizeBytes: r.billedSizeBytes ?? 0, itemCount: r.itemCount ?? 0,
    outputFormat: r.exportFormat, exportType: r.exportType,
  });
}
