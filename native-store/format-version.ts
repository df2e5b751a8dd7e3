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
 */
import type { ClassicLevel } from 'classic-level';

export const FORMAT_VERSION = 2;
export const FORMAT_KEY = 'boltstack:format-version';

export async function checkFormatVersion(db: ClassicLevel<string, string>, location: string, sync: boolean): Promise<void> {
  const stored = await db.get(FORMAT_KEY);
  if (stored === undefined) {
    await db.put(FORMAT_KEY, String(FORMAT_VERSION), { sync });
    return;
  }
  const version = Number(stored);
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(`${location}: unreadable boltstack format version ${JSON.stringify(stored)}; is this a boltstack data dir?`);
  }
  if (version > FORMAT_VERSION) {
    throw new Error(`${location} was written by a newer boltstack (data format ${version}; this version reads up to ${FORMAT_VERSION}). ` +
      'Upgrade boltstack, or point --data-dir elsewhere.');
  }
  if (version < FORMAT_VERSION) await db.put(FORMAT_KEY, String(FORMAT_VERSION), { sync });
}
