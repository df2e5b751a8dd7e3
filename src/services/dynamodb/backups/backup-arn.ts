/**
 * Backup ARNs: `arn:aws:dynamodb:<region>:<account>:table/<table>/backup/<14 digits>-<8 hex>`,
 * the digits the creation time in epoch ms padded to 14, the hex random (native AWS,
 * radkawar/stackd testdata/aws/dynamodb/backups.json seq 24: ".../backup/01789723711221-360a7830"
 * created 1789723711.221, 2026-09-18).
 *
 * How AWS judges an ARN it is given, in order (backup_arn_grammar.json seq 2-37 and
 * backup_arn_case.json seq 11-18, us-west-2, 2026-09-18):
 * 1. an account other than the caller's (also empty or malformed) is AccessDeniedException
 *    "Access is denied", whatever else is wrong;
 * 2. a partition other than `aws`, a service other than `dynamodb`, a region no AWS region
 *    (compared without case: `US-WEST-2` and `Us-EaSt-1` pass; the caller's own region always
 *    does, so a client signing for a made-up region can still name its backups), or a last path segment other than
 *    14 digits, `-` and 8 hex digits of either case: "Invalid Request: BackupArn is not valid";
 * 3. a resource not `table/<valid table name>/backup/<id>` (upper-case `TABLE/`, a 1-character or
 *    256-character name, a space or a colon in it, an empty one): "Invalid Backup ARN";
 * 4. anything else is looked up in the request's region by the table name and backup id as
 *    written (describe-backup.ts): another case of the hex digits or of the table name is
 *    BackupNotFoundException.
 */
import type { RequestContext } from '../../types.js';
import { backupErrors } from './backup-errors.js';
import { isKnownRegion } from './regions.js';

export interface BackupArnParts { region: string; account: string; table: string; backupId: string }

const BACKUP_ID = /^\d{14}-[0-9a-fA-F]{8}$/;
const RESOURCE = /^table\/([a-zA-Z0-9_.-]{3,255})\/backup\/([^/]+)$/;

export const backupArn = (region: string, account: string, table: string, backupId: string): string =>
  `arn:aws:dynamodb:${region}:${account}:table/${table}/backup/${backupId}`;

/** `<14-digit ms>-<8 hex>` for a backup created at `created` (epoch ms). */
export function newBackupId(created: number, random: () => string): string {
  return `${String(created).padStart(14, '0')}-${random()}`;
}

/** The parts of a backup ARN the caller may name, or the error AWS answers for it. */
export function parseBackupArn(ctx: RequestContext, arn: string): BackupArnParts {
  const fields = arn.split(':');
  const account = fields[4];
  if (account !== ctx.accountId) throw backupErrors.accessDenied();
  const [prefix, partition, service, region] = fields;
  const resource = fields.slice(5).join(':');
  const lastSegment = resource.slice(resource.lastIndexOf('/') + 1);
  if (prefix !== 'arn' || partition !== 'aws' || service !== 'dynamodb' || region === undefined || !(isKnownRegion(region.toLowerCase()) || region === ctx.region) || !BACKUP_ID.test(lastSegment)) {
    throw backupErrors.invalidArnRequest();
  }
  const parts = RESOURCE.exec(resource);
  if (!parts) throw backupErrors.invalidArn();
  return { region, account, table: parts[1]!, backupId: parts[2]! };
}
