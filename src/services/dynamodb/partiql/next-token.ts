/**
 * ExecuteStatement's NextToken: the LastEvaluatedKey of the page, tied to the statement text and
 * its parameters so a token cannot continue another request. Opaque base64url; binary key values
 * survive. AWS answers "NextToken does not match request" for a token reused with other
 * parameters (`WHERE pk=?` with 'missing' in place of 'A'; `pk IN [?, ?]` with its two values
 * swapped) but takes it under another ConsistentRead (radkawar/stackd testdata/aws/dynamodb/
 * partiql_pagination.json seq 85-89, AWS us-east-1, 2026-09-17).
 */
import { createHash } from 'node:crypto';
import { parseWithBinary, stringifyWithBinary } from '../streams/attribute-json.js';
import type { AttributeValue } from './ast.js';
import { invalidNextToken, nextTokenMismatch } from './errors.js';

/** What a token is bound to: the statement, and its parameters when it has any. */
export interface TokenScope { statement: string; params: readonly AttributeValue[] }

const digest = ({ statement, params }: TokenScope): string => {
  const hash = createHash('sha256').update(statement);
  if (params.length > 0) hash.update('\u0000').update(stringifyWithBinary(params));
  return hash.digest('base64url').slice(0, 16);
};

export function encodeNextToken(statement: TokenScope, lastKey: Record<string, AttributeValue>): string {
  return Buffer.from(stringifyWithBinary({ s: digest(statement), k: lastKey })).toString('base64url');
}

/** A token's fields once it is known to be this request's (statement and parameters). */
interface TokenFields { s: string; p?: number; k?: Record<string, AttributeValue> }

/**
 * Another request's token (even of another shape: a single read's given to a read over
 * partitions, seq 87) does not match; only then is its shape checked, by the caller.
 */
function openToken(statement: TokenScope, token: string): TokenFields {
  let parsed: Partial<TokenFields>;
  try {
    parsed = parseWithBinary(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidNextToken();
  }
  if (typeof parsed?.s !== 'string') throw invalidNextToken();
  if (parsed.s !== digest(statement)) throw nextTokenMismatch();
  return parsed as TokenFields;
}

const isKey = (k: unknown): k is Record<string, AttributeValue> => typeof k === 'object' && k !== null;

export function decodeNextToken(statement: TokenScope, token: string): Record<string, AttributeValue> {
  const { k } = openToken(statement, token);
  if (!isKey(k)) throw invalidNextToken();
  return k;
}

/**
 * The token of a read over several partitions (partition-read.ts): the partition to go on with,
 * by its place in the statement's reading order, and the key in it to resume after (none: read
 * it from its start). Bound to the statement like the single-read token.
 */
export interface PartitionPosition { partition: number; lastKey?: Record<string, AttributeValue> }

export function encodePartitionToken(statement: TokenScope, at: PartitionPosition): string {
  return Buffer.from(stringifyWithBinary({ s: digest(statement), p: at.partition, ...(at.lastKey && { k: at.lastKey }) })).toString('base64url');
}

export function decodePartitionToken(statement: TokenScope, token: string): PartitionPosition {
  const { p, k } = openToken(statement, token);
  if (!Number.isSafeInteger(p) || p! < 0 || (k !== undefined && !isKey(k))) throw invalidNextToken();
  return { partition: p!, ...(k && { lastKey: k }) };
}
