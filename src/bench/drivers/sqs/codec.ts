/**
 * The wire forms of the raw SQS driver's requests, one codec per protocol SQS speaks:
 *   json   POST / with X-Amz-Target: AmazonSQS.<Action> and a JSON 1.0 body (what the SDK sends)
 *   query  POST / form-encoded Action=...&Version=2012-11-05 (the older protocol), XML answers
 * Bodies are template strings around the pre-encoded queue URL; receive bodies are constants
 * hashed once. Answers are read only as far as the driver needs: receipt handles and body sizes.
 */
import { sha256Hex } from '../sigv4.js';
import { jsonErrorCode, queryErrorCode, type ErrorCodeParser } from '../wire/signed-post.js';
import type { QueueSpec } from './queue.js';

export interface WireRequest {
  body: string;
  headers?: Record<string, string>;
  payloadHash?: string;
}

export interface Received { handles: string[]; bytes: number }

export interface SqsCodec {
  readonly headers: Record<string, string>;
  readonly errorCode: ErrorCodeParser;
  send(message: string): WireRequest;
  sendBatch(message: string, count: number): WireRequest;
  /** The first failed entry's code of a SendMessageBatch / DeleteMessageBatch answer. */
  batchFailure(answer: Buffer): string | undefined;
  readonly receive: WireRequest;
  received(answer: Buffer): Received;
  deleteBatch(handles: string[]): WireRequest;
}

const target = (action: string): Record<string, string> => ({ 'x-amz-target': `AmazonSQS.${action}` });

export function jsonCodec(queueUrl: string, spec: QueueSpec): SqsCodec {
  const head = `{"QueueUrl":${JSON.stringify(queueUrl)}`;
  const receive = `${head},"MaxNumberOfMessages":${spec.maxMessages},"WaitTimeSeconds":${spec.waitTimeSeconds}}`;
  const T = { send: target('SendMessage'), batch: target('SendMessageBatch'), receive: target('ReceiveMessage'), del: target('DeleteMessageBatch') };
  return {
    headers: { 'content-type': 'application/x-amz-json-1.0' },
    errorCode: jsonErrorCode,
    send: (m) => ({ body: `${head},"MessageBody":"${m}"}`, headers: T.send }),
    sendBatch: (m, count) => {
      let entries = '';
      for (let i = 0; i < count; i++) entries += `${i ? ',' : ''}{"Id":"${i}","MessageBody":"${m}"}`;
      return { body: `${head},"Entries":[${entries}]}`, headers: T.batch };
    },
    batchFailure: (answer) => {
      if (!answer.includes('"Code"')) return undefined;
      const failed = (JSON.parse(answer.toString('utf8')) as { Failed?: { Code?: string }[] }).Failed;
      return failed?.length ? failed[0]?.Code ?? 'BatchEntryFailed' : undefined;
    },
    receive: { body: receive, headers: T.receive, payloadHash: sha256Hex(receive) },
    received: (answer) => {
      // An empty answer means no messages (local-aws-sqs sends no body at all then).
      if (answer.length === 0) return { handles: [], bytes: 0 };
      const messages = (JSON.parse(answer.toString('utf8')) as { Messages?: { ReceiptHandle?: string; Body?: string }[] }).Messages ?? [];
      return { handles: messages.map((m) => m.ReceiptHandle ?? ''), bytes: messages.reduce((s, m) => s + (m.Body?.length ?? 0), 0) };
    },
    deleteBatch: (handles) => ({
      body: `${head},"Entries":[${handles.map((h, i) => `{"Id":"${i}","ReceiptHandle":${JSON.stringify(h)}}`).join(',')}]}`,
      headers: T.del,
    }),
  };
}

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
const unescapeXml = (s: string): string => s.replace(/&(lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e]!);

export function queryCodec(queueUrl: string, spec: QueueSpec): SqsCodec {
  const tail = `QueueUrl=${encodeURIComponent(queueUrl)}&Version=2012-11-05`;
  const receive = `Action=ReceiveMessage&MaxNumberOfMessages=${spec.maxMessages}&WaitTimeSeconds=${spec.waitTimeSeconds}&${tail}`;
  // Filler text is plain ASCII letters: form-encoding leaves it as it is.
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    errorCode: queryErrorCode,
    send: (m) => ({ body: `Action=SendMessage&MessageBody=${m}&${tail}` }),
    sendBatch: (m, count) => {
      let entries = '';
      for (let i = 1; i <= count; i++) entries += `&SendMessageBatchRequestEntry.${i}.Id=${i}&SendMessageBatchRequestEntry.${i}.MessageBody=${m}`;
      return { body: `Action=SendMessageBatch${entries}&${tail}` };
    },
    batchFailure: (answer) => {
      const text = answer.toString('utf8');
      const failed = /<BatchResultErrorEntry>[\s\S]*?<Code>([^<]+)<\/Code>/.exec(text);
      return failed ? failed[1] : undefined;
    },
    receive: { body: receive, payloadHash: sha256Hex(receive) },
    received: (answer) => {
      const text = answer.toString('utf8');
      const handles = [...text.matchAll(/<ReceiptHandle>([^<]*)<\/ReceiptHandle>/g)].map((m) => unescapeXml(m[1]!));
      let bytes = 0;
      for (const m of text.matchAll(/<Body>([^<]*)<\/Body>/g)) bytes += unescapeXml(m[1]!).length;
      return { handles, bytes };
    },
    deleteBatch: (handles) => ({
      body: `Action=DeleteMessageBatch${handles.map((h, i) => `&DeleteMessageBatchRequestEntry.${i + 1}.Id=${i + 1}&DeleteMessageBatchRequestEntry.${i + 1}.ReceiptHandle=${encodeURIComponent(h)}`).join('')}&${tail}`,
    }),
  };
}
