/**
 * The POST policy document: base64 of a JSON object with exactly `expiration` and `conditions`
 * (case-sensitive, as S3 reads them: ceph/s3-tests test_post_object_condition_is_case_sensitive
 * and _expires_is_case_sensitive expect 400). Read into a list of conditions that
 * conditions.ts evaluates; a document S3 could not read is 400 InvalidPolicyDocument with S3's
 * "Invalid Policy: ..." wording where it was captured, and versitygw's modelled wording
 * (s3err/post-object.go) where no capture exists (marked "third-party" below).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */
import { postErrors } from './errors.js';

export type Condition =
  /** {"name": "value"} or ["eq", "$name", "value"]; `printed` is how S3 names it in an error. */
  | { kind: 'eq'; field: string; value: string; printed: readonly unknown[] }
  | { kind: 'starts-with'; field: string; value: string; printed: readonly unknown[] }
  /** A name without its `$`: it can never be met (test_s3.py::test_post_object_policy_conditions_validation_eq). */
  | { kind: 'never'; field: string; printed: readonly unknown[] }
  | { kind: 'content-length-range'; min: number; max: number; printed: readonly unknown[] };

export interface Policy {
  expiration: number;
  conditions: Condition[];
}

/** ISO 8601 in UTC, with or without fractions: an offset or a space for the T is refused (dwilkie/carrierwave_direct#2, #189). */
const EXPIRATION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function readPolicy(base64: string): Policy {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    throw postErrors.invalidPolicy('Invalid JSON.'); // tpyo/amazon-s3-php-class#53 (2013)
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw postErrors.invalidPolicy('Invalid JSON.');
  const record = doc as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    // An IAM policy sent as a POST policy: "Unexpected: 'statement'" (stackoverflow q/31169349, 2015).
    if (key !== 'expiration' && key !== 'conditions') throw postErrors.invalidPolicy(`Unexpected: '${key.toLowerCase()}'`);
  }
  const { expiration, conditions } = record;
  if (expiration === undefined) throw postErrors.invalidPolicy('Policy missing expiration.'); // third-party
  const expires = typeof expiration === 'string' && EXPIRATION.test(expiration) ? Date.parse(expiration) : Number.NaN;
  if (Number.isNaN(expires)) throw postErrors.invalidPolicy(`Invalid 'expiration' value: '${String(expiration)}'`);
  if (conditions === undefined) throw postErrors.invalidPolicy('Policy missing conditions.'); // third-party
  if (!Array.isArray(conditions)) throw postErrors.invalidPolicy("Invalid 'conditions' value: must be a List."); // third-party
  return { expiration: expires, conditions: conditions.map(readCondition) };
}

function readCondition(raw: unknown): Condition {
  if (Array.isArray(raw)) return readListCondition(raw);
  if (raw === null || typeof raw !== 'object') throw postErrors.invalidPolicy('Invalid condition test: must be a List or Object.'); // third-party
  const entries = Object.entries(raw as Record<string, unknown>);
  // test_s3.py::test_post_object_policy_conditions_validation_eq (two properties in one object).
  if (entries.length !== 1) throw postErrors.invalidPolicy('Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.');
  const [name, value] = entries[0]!;
  // A number: toniopelo/modbox#10 (2022); null: dwilkie/carrierwave_direct#230 (2019).
  if (value === null) throw postErrors.invalidPolicy('Invalid JSON.');
  if (typeof value !== 'string') throw postErrors.invalidPolicy('Invalid Simple-Condition: value must be a string.');
  // S3 prints a simple condition as an eq list (boto/boto3#4514, 2025).
  return { kind: 'eq', field: name.toLowerCase(), value, printed: ['eq', `$${name}`, value] };
}

function readListCondition(raw: unknown[]): Condition {
  const [op, ...args] = raw;
  // stackoverflow q/43431505 (2017).
  if (typeof op !== 'string') throw postErrors.invalidPolicy('Invalid Condition: missing operation identifier.');
  const operation = op.toLowerCase(); // ceph/s3-tests test_post_object_case_insensitive_condition_fields
  if (operation === 'content-length-range') return lengthRange(raw, args);
  if (operation !== 'eq' && operation !== 'starts-with') throw postErrors.invalidPolicy(`Invalid Condition: unknown operation '${op}'.`); // third-party
  if (args.length !== 2) throw postErrors.invalidPolicy(`Invalid ${op}: wrong number of arguments.`); // third-party
  const [name, value] = args;
  if (typeof name !== 'string' || typeof value !== 'string') throw postErrors.invalidPolicy('Invalid JSON.'); // third-party
  if (!name.startsWith('$')) return { kind: 'never', field: name.toLowerCase(), printed: raw };
  return { kind: operation, field: name.slice(1).toLowerCase(), value, printed: raw };
}

/**
 * Bounds as JSON integers or integer strings, inclusive (test_s3.py::
 * test_post_object_policy_validation_size: "5", "10" accepted; ["test", "10"] a failed condition).
 * A fraction is "Invalid JSON." (AWS re:Post QUo27u4OYpTA-XvAWr72xeRg, 2023).
 */
function lengthRange(raw: unknown[], args: unknown[]): Condition {
  if (args.length !== 2) throw postErrors.invalidPolicy('Invalid content-length-range: wrong number of arguments.'); // third-party
  const bounds = args.map((a) => {
    if (typeof a === 'number') {
      if (!Number.isInteger(a)) throw postErrors.invalidPolicy('Invalid JSON.');
      return a;
    }
    return typeof a === 'string' && /^-?\d+$/.test(a) ? Number(a) : Number.NaN;
  });
  if (bounds.some((b) => Number.isNaN(b))) return { kind: 'never', field: 'content-length-range', printed: raw };
  return { kind: 'content-length-range', min: bounds[0]!, max: bounds[1]!, printed: raw };
}
