/**
 * How a MessageRecord is stored: its fields but the body as JSON, a NUL, then the body as sent.
 * A body cannot contain NUL (SQS accepts only #x9, #xA, #xD and #x20 up), and JSON.stringify
 * escapes every control character, so the first NUL always ends the header. Keeping the body out
 * of the JSON saves escaping and unescaping it (an SNS envelope is full of quotes and newlines)
 * and lets loading a queue read the header alone.
 * Records written before this format (one JSON document, no NUL) are still read.
 *
 * A copy whose body is shared (shared-bodies.ts) stores `ref` in its header and only its own part
 * of the body after the NUL. `encodeMessage` always stores the whole body and never a `ref`: a
 * record copied to another queue (a dead-letter redrive, a move task) owns its body, so a shared
 * body is only ever referenced by the copies it was written with.
 */
import type { MessageRecord } from './records.js';

const SEPARATOR = '\u0000';

type Header = Omit<MessageRecord, 'body'> & { body?: string };

export function encodeMessage(record: MessageRecord): string {
  return encodeHeader(record, undefined) + SEPARATOR + record.body;
}

/** A copy of shared body `ref`: the record's header with `ref`, then only the copy's own `part` of the body. */
export function encodeSharedCopy(record: MessageRecord, ref: number, part: string): string {
  return encodeHeader(record, ref) + SEPARATOR + part;
}

const text = (value: string): string => JSON.stringify(value);

/**
 * The record but its body as JSON, written field by field: a send stores one per message, and
 * copying the record without its body first (rest and spread) cost twice the allocation (bench
 * micro/sns-publish). Every field of MessageRecord but `body` must be here; `ref` only as given.
 */
function encodeHeader(r: MessageRecord, ref: number | undefined): string {
  // The id (a UUID from UuidV4Source, kept by redrives and moves) and the MD5 (hex, or empty for
  // a shared body's copy) need no escaping: written as they are, without a JSON.stringify each.
  let out = `{"id":"${r.id}","md5":"${r.md5}"`;
  if (r.attrs !== undefined) out += `,"attrs":${JSON.stringify(r.attrs)}`;
  if (r.md5Attrs !== undefined) out += `,"md5Attrs":${text(r.md5Attrs)}`;
  if (r.sys !== undefined) out += `,"sys":${JSON.stringify(r.sys)}`;
  out += `,"sent":${r.sent},"sender":${text(r.sender)},"visibleAt":${r.visibleAt}`;
  if (r.group !== undefined) out += `,"group":${text(r.group)}`;
  if (r.dedup !== undefined) out += `,"dedup":${text(r.dedup)}`;
  if (r.seqNo !== undefined) out += `,"seqNo":${text(r.seqNo)}`;
  if (r.dlqSource !== undefined) out += `,"dlqSource":${text(r.dlqSource)}`;
  if (r.priorReceives !== undefined) out += `,"priorReceives":${r.priorReceives}`;
  if (ref !== undefined) out += `,"ref":${ref}`;
  return `${out}}`;
}

export function decodeMessage(value: string): MessageRecord {
  const at = value.indexOf(SEPARATOR);
  if (at < 0) return JSON.parse(value) as MessageRecord;
  const record = JSON.parse(value.slice(0, at)) as Header;
  record.body = value.slice(at + 1);
  return record as MessageRecord;
}

/** The record without its body (loading a queue needs only this). */
export function decodeMessageHeader(value: string): Omit<MessageRecord, 'body'> {
  const at = value.indexOf(SEPARATOR);
  return JSON.parse(at < 0 ? value : value.slice(0, at)) as Omit<MessageRecord, 'body'>;
}
