/**
 * A resource-based policy document: DynamoDB's checks, and the canonical form it answers back.
 * Pure: text in, canonical text (or a ValidationException) out.
 *
 * What AWS does with a document (the ack-api-quirks DynamoDB findings, verified against AWS on
 * 2026-10-09: DDB-TABLE-207, 208, 211, 351-356):
 * - GetResourcePolicy answers it minified, top-level keys Version, Statement; statement keys Sid,
 *   Effect, Principal, Action (NotAction in its place), Resource, Condition; a Statement object
 *   becomes a one-element list; Effect "allow" becomes "Allow".
 * - A one-element list of actions, resources, principals or condition values becomes the string;
 *   longer lists stay as sent (order and duplicates kept, no case folding) except principals,
 *   which are de-duplicated; `{"AWS": "<account id>"}` becomes the account's root ARN.
 * - A document without Version answers Version 2008-10-17, IAM's default, yet is a different
 *   document from one that says 2008-10-17: `identity` keeps the Version as sent, and decides
 *   whether a re-Put changes anything (an equivalent one keeps its RevisionId).
 */
import { policyErrors } from './policy-errors.js';

export const MAX_POLICY_BYTES = 20480;
const DEFAULT_VERSION = '2008-10-17';
const TOP_ORDER = ['Version', 'Id', 'Statement'];
const STATEMENT_ORDER = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
/** DynamoDB Streams actions: refused in a table's policy (DDB-TABLE-211). */
const STREAM_ACTIONS = new Set(['dynamodb:describestream', 'dynamodb:getrecords', 'dynamodb:getsharditerator']);
const ACCOUNT_ID = /^\d{12}$/;
/**
 * IAM's grammar nests a handful of levels (Statement, Condition, operator, key, value list); 20 KB
 * of brackets nest ~10,000, which overflows JSON.stringify's stack (a 500). Deeper than this is
 * taken as the invalid Json it is to IAM; AWS's answer for such a document was not captured.
 */
const MAX_DEPTH = 32;

export interface CanonicalPolicy {
  /** What GetResourcePolicy answers. */
  text: string;
  /** The canonical form with Version as sent: equal identities are the same policy. */
  identity: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks `text` as DynamoDB checks a policy for a table or a stream, and canonicalizes it. */
export function canonicalPolicy(text: string, target: 'table' | 'stream'): CanonicalPolicy {
  if (Buffer.byteLength(text, 'utf8') > MAX_POLICY_BYTES) throw policyErrors.tooLarge();
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch {
    throw policyErrors.invalidJson();
  }
  if (!isObject(doc) || deeperThan(doc, MAX_DEPTH)) throw policyErrors.invalidJson();
  const given = doc.Statement;
  const statements = Array.isArray(given) ? given : given === undefined ? [] : [given];
  if (statements.length === 0) throw policyErrors.emptyStatement();
  const sids = new Set<string>();
  const out = statements.map((s) => {
    if (!isObject(s)) throw policyErrors.invalidJson();
    if (typeof s.Sid === 'string') {
      if (sids.has(s.Sid)) throw policyErrors.duplicateSids();
      sids.add(s.Sid);
    }
    return canonicalStatement(s, text);
  });
  if (target === 'table') checkTableActions(out);
  if (out.some(grantsEveryone)) throw policyErrors.unboundedAccess();
  const identity = ordered({ ...doc, Statement: out }, TOP_ORDER);
  const shown = doc.Version === undefined ? { ...identity, Version: DEFAULT_VERSION } : identity;
  return { text: JSON.stringify(ordered(shown, TOP_ORDER)), identity: JSON.stringify(identity) };
}

function canonicalStatement(s: JsonObject, text: string): JsonObject {
  if (s.Resource === undefined && s.NotResource === undefined) throw policyErrors.missingResource();
  const out: JsonObject = { ...s };
  if (typeof s.Effect === 'string' && /^(allow|deny)$/i.test(s.Effect)) out.Effect = s.Effect[0]!.toUpperCase() + s.Effect.slice(1).toLowerCase();
  for (const key of ['Principal', 'NotPrincipal'] as const) if (s[key] !== undefined) out[key] = canonicalPrincipal(s[key], text);
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) if (s[key] !== undefined) out[key] = unwrapSingle(s[key]);
  if (isObject(s.Condition)) out.Condition = canonicalCondition(s.Condition);
  return ordered(out, STATEMENT_ORDER);
}

/** `*`, or an object of principal lists; a bare principal string is IAM's syntax error. */
function canonicalPrincipal(p: Json, text: string): Json {
  if (p === '*') return p;
  if (typeof p === 'string') throw syntaxErrorAt(text);
  if (!isObject(p)) return p;
  const out: JsonObject = {};
  for (const [kind, value] of Object.entries(p)) {
    const list = Array.isArray(value) ? value : [value];
    const named = list.map((v) => (kind === 'AWS' && typeof v === 'string' && ACCOUNT_ID.test(v) ? `arn:aws:iam::${v}:root` : v));
    setOwn(out, kind, unwrapSingle([...new Set(named)]));
  }
  return out;
}

function canonicalCondition(condition: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [operator, keys] of Object.entries(condition)) {
    if (!isObject(keys)) { setOwn(out, operator, keys); continue; }
    const inner: JsonObject = {};
    for (const [key, value] of Object.entries(keys)) setOwn(inner, key, unwrapSingle(value));
    setOwn(out, operator, inner);
  }
  return out;
}

const unwrapSingle = (v: Json | undefined): Json => (Array.isArray(v) && v.length === 1 ? v[0]! : v ?? null);

/** A table's policy may not name Streams actions; AWS lists the ones it refuses. */
function checkTableActions(statements: JsonObject[]): void {
  const refused: string[] = [];
  for (const s of statements) {
    const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
    for (const a of actions) if (typeof a === 'string' && STREAM_ACTIONS.has(a.toLowerCase()) && !refused.includes(a)) refused.push(a);
  }
  if (refused.length > 0) throw policyErrors.invalidActions(refused);
}

/**
 * An Allow to every principal (`*` or `{"AWS": "*"}`) with no condition to narrow it: DynamoDB's
 * guardrail refuses it (DDB-TABLE-352). A Condition (e.g. aws:PrincipalAccount) is taken to
 * narrow it; which conditions AWS counts as narrowing is not reproduced.
 */
function grantsEveryone(s: JsonObject): boolean {
  if (s.Effect !== 'Allow' || s.Condition !== undefined) return false;
  const p = s.Principal;
  if (p === '*') return true;
  if (!isObject(p)) return false;
  const aws = p.AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

/** Keys in `order` first, the rest after them as sent. */
function ordered(o: JsonObject, order: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of order) if (Object.hasOwn(o, key) && o[key] !== undefined) out[key] = o[key]!;
  for (const [key, value] of Object.entries(o)) if (!Object.hasOwn(out, key)) setOwn(out, key, value);
  return out;
}

/**
 * A key of the document, as an own property: `out[key] =` would set the prototype for
 * "__proto__", and `key in out` is true for "toString" or "constructor", so such keys were lost.
 */
function setOwn(out: JsonObject, key: string, value: Json): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** Whether `v` nests more than `limit` arrays or objects; stops at the limit, so never deep itself. */
function deeperThan(v: Json, limit: number): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (limit === 0) return true;
  const items = Array.isArray(v) ? v : Object.values(v);
  return items.some((item) => deeperThan(item, limit - 1));
}

/**
 * IAM names the 1-based (line,column) where its parser stopped; taken here as the opening quote of
 * the offending principal string. AWS's own column for a given document was not captured in a
 * form that pins it (DDB-TABLE-356 gives "(1,94)" without the document), so it may differ.
 */
function syntaxErrorAt(text: string): Error {
  const at = /"(?:Not)?Principal"\s*:\s*"/.exec(text);
  const offset = at ? at.index + at[0].length - 1 : 0;
  const before = text.slice(0, offset).split('\n');
  return policyErrors.syntaxError(before.length, before[before.length - 1]!.length + 1);
}
