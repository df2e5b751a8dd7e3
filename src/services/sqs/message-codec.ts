/**
 * How a MessageRecord is stored: its fields but the body as JSON, a NUL, then the body as sent.
 * A body cannot contain NUL (SQS accepts only #x9, #xA, #xD and #x20 up), and JSON.stringify
 * escapes every control character, so the first NUL always ends the header. Keeping the body out
 * of the JSON saves escaping and unescaping it (an SNS envelope is full of quotes and newlines)
 * and lets loading a queue read the header alone.
 * Records written before this format (one JSON document, no NUL) are still read.
 */
import type { MessageRecord } from './records.js';

const SEPARATOR = '\u0000';

type Header = Omit<MessageRecord, 'body'> & { body?: string };

export function encodeMessage(record: MessageRecord): string {
  const { body, ...header } = record;
  return JSON.stringify(header) + SEPARATOR + body;
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
