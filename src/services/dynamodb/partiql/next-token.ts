/**
 * ExecuteStatement's NextToken: the LastEvaluatedKey of the page, tied to the statement text so
 * a token cannot continue another statement. Opaque base64url; binary key values survive.
 */
import { createHash } from 'node:crypto';
import { parseWithBinary, stringifyWithBinary } from '../streams/attribute-json.js';
import type { AttributeValue } from './ast.js';
import { invalidNextToken, nextTokenMismatch } from './errors.js';

const digest = (statement: string): string => createHash('sha256').update(statement).digest('base64url').slice(0, 16);

export function encodeNextToken(statement: string, lastKey: Record<string, AttributeValue>): string {
  return Buffer.from(stringifyWithBinary({ s: digest(statement), k: lastKey })).toString('base64url');
}

export function decodeNextToken(statement: string, token: string): Record<string, AttributeValue> {
  let parsed: { s?: string; k?: Record<string, AttributeValue> };
  try {
    parsed = parseWithBinary(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidNextToken();
  }
  if (typeof parsed?.s !== 'string' || typeof parsed.k !== 'object' || parsed.k === null) throw invalidNextToken();
  if (parsed.s !== digest(statement)) throw nextTokenMismatch();
  return parsed.k;
}

/**
 * The token of a read over several partitions (partition-read.ts): the partition to go on with,
 * by its place in the statement's reading order, and the key in it to resume after (none: read
 * it from its start). Bound to the statement like the single-read token.
 */
export interface PartitionPosition { partition: number; lastKey?: Record<string, AttributeValue> }

export function encodePartitionToken(statement: string, at: PartitionPosition): string {
  return Buffer.from(stringifyWithBinary({ s: digest(statement), p: at.partition, ...(at.lastKey && { k: at.lastKey }) })).toString('base64url');
}

export function decodePartitionToken(statement: string, token: string): PartitionPosition {
  let parsed: { s?: string; p?: number; k?: Record<string, AttributeValue> };
  try {
    parsed = parseWithBinary(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidNextToken();
  }
  if (typeof parsed?.s !== 'string' || !Number.isSafeInteger(parsed.p) || parsed.p! < 0 || (parsed.k !== undefined && (typeof parsed.k !== 'object' || parsed.k === null))) throw invalidNextToken();
  if (parsed.s !== digest(statement)) throw nextTokenMismatch();
  return { partition: parsed.p!, ...(parsed.k && { lastKey: parsed.k }) };
}
