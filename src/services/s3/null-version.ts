/**
 * The version id S3 gives every object of a bucket whose versioning was never enabled: the
 * string "null" (AWS S3 User Guide, "Working with objects in a versioning-suspended bucket" and
 * "Listing object versions"). boltstack implements no versioning, so "null" is the one version
 * id a request may name; any other stays NotImplemented (strict mode), as S3's answer for it
 * depends on versioning state boltstack does not have.
 */
export const NULL_VERSION_ID = 'null';
