/**
 * The on-disk format version (DESIGN.md §5: "the on-disk format carries a version number"),
 * kept as a root key of the meta database, outside every namespace. A data dir written by a newer
 * boltstack is refused rather than misread; an older one is migrated here.
 *
 * Versions:
 *   1  every record is JSON
 *   2  S3 object records start with a listing header (services/s3/object-record-codec.ts).
 *      Format 1 records are still read as they are, so going from 1 to 2 rewrites nothing; the
 *      version is raised so that a format-1 boltstack refuses the directory from now on.
 *   3  SQS messages and shared bodies in one write-ordered log (services/sqs/keys.ts), DynamoDB
 *      table statistics beside their table's items (services/dynamodb/keys.ts); both services
 *      still read the format-2 keys. The version key itself moved before the namespaces.
 *
 * Why the key sits before every namespace (FORMAT_KEY) and no longer after them (LEGACY_FORMAT_KEY,
 * 'boltstack:…' sorts after the '!ns!' prefixes): a key that sorts after a range written in key
 * order, as SQS's log is, makes the last table of each LevelDB level span that range, so every
 * table flushed from it had to be merged with that table instead of being moved down untouched.
 * Measured with `sns-fanout` (docs/sqs.md#storage-layout): compactions during the fan-out stopped,
 * and peak VmRSS fell from 93–97 to 82–87 MiB. The cost: a boltstack before format 3 reads only
 * the legacy key, finds none, and takes the directory for a new one (docs/persistence.md says
 * not to downgrade across format 3).
 */
import type { ClassicLevel } from 'classic-level';

export const FORMAT_VERSION = 3;
/** '\0' sorts before '!', the first byte of every namespace's keys. */
export const FORMAT_KEY = '\u0000boltstack:format-version';
/** Where formats 1 and 2 kept the version: after every namespace. */
export const LEGACY_FORMAT_KEY = 'boltstack:format-version';

export async function checkFormatVersion(db: ClassicLevel<string, string>, location: string, sync: boolean): Promise<void> {
  const [current, legacy] = await db.getMany([FORMAT_KEY, LEGACY_FORMAT_KEY]);
  if (current === undefined && legacy === undefined) {
    await db.put(FORMAT_KEY, String(FORMAT_VERSION), { sync });
    return;
  }
  // Both present: a boltstack before format 3 opened this directory after a later one and wrote
  // the legacy key; the higher version is what the data may hold.
  const version = Math.max(...[current, legacy].filter((v): v is string => v !== undefined).map((v) => readVersion(v, location)));
  if (version > FORMAT_VERSION) {
    throw new Error(`${location} was written by a newer boltstack (data format ${version}; this version reads up to ${FORMAT_VERSION}). ` +
      'Upgrade boltstack, or point --data-dir elsewhere.');
  }
  if (version < FORMAT_VERSION || current === undefined || legacy !== undefined) {
    // One batch: a crash leaves either the old key or the new one, never neither.
    await db.batch([{ type: 'put', key: FORMAT_KEY, value: String(FORMAT_VERSION) }, { type: 'del', key: LEGACY_FORMAT_KEY }], { sync });
  }
}

function readVersion(stored: string, location: string): number {
  const version = Number(stored);
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(`${location}: unreadable boltstack format version ${JSON.stringify(stored)}; is this a boltstack data dir?`);
  }
  return version;
}
