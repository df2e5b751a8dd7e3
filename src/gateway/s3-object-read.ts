/**
 * The fast resolve + decode of a plain GetObject / HeadObject (DESIGN.md §3: a hot path,
 * specialised because bench/micro/object-read-resolve.ts shows the generic route match and
 * decode cost more than 5% of a 4 KiB GetObject end to end).
 *
 * "Plain" means the generic path would decode { Bucket, Key } plus, at most, header members whose
 * text is their value: GET or HEAD of a path-style /bucket/key, no body, no query parameter but
 * SigV4's X-Amz-* and the SDK's x-id hint, and no bound header that the generic decoder would
 * convert (If-Modified-Since is a timestamp, a prefix map like x-amz-meta-* needs a scan). String
 * headers — x-amz-checksum-mode: ENABLED, which the AWS SDK v3 sends on every GetObject by
 * default, Range, If-Match... — are copied as the generic decoder copies them, so SDK traffic
 * takes this path too (bench s3-sdk-get). Anything else returns undefined and takes the generic
 * path, which also renders every error the way it always did. The handler, the encoder and the
 * error rendering are the generic ones, so the answer is the same (test/unit/s3-object-read.test.ts
 * compares both).
 */
import type { OperationModel, ServiceModel } from '../model/types.js';
import { resolveShape, shapeType } from '../protocols/shared/shape-walker.js';
import type { CredentialScope } from '../protocols/shared/sigv4-scope.js';
import type { HttpRequest } from '../server/types.js';
import { declaresBody } from './read-body.js';
import type { VirtualHostParser } from './s3-host.js';

export interface PlainObjectRead {
  operation: OperationModel;
  labels: { Bucket: string; Key: string };
  /** The decoded input: the labels plus the string header members present. A new object per call. */
  input: Record<string, string>;
  path: string;
}

/**
 * A header the operation's input binds: its lower-case name and, when the member is a string
 * (decoded as the text itself), the member's name; undefined means "would be converted: not plain".
 */
interface BoundHeader { header: string; member: string | undefined }

const boundHeaders = new WeakMap<OperationModel, BoundHeader[]>();

function headersOf(model: ServiceModel, operation: OperationModel): BoundHeader[] {
  let bound = boundHeaders.get(operation);
  if (bound === undefined) {
    bound = [];
    for (const [name, ref] of Object.entries(operation.input?.members ?? {})) {
      const member = resolveShape(model, ref);
      if (member.location === 'header') {
        bound.push({ header: (member.locationName ?? name).toLowerCase(), member: shapeType(member) === 'string' ? name : undefined });
      }
      // A prefix map (x-amz-meta-*) would need a scan of every header: not plain then.
      if (member.location === 'headers') bound.push({ header: '', member: undefined });
    }
    boundHeaders.set(operation, bound);
  }
  return bound;
}

/** Only SigV4 query auth (X-Amz-Algorithm, -Credential, -Signature...) and x-id=<operation>. */
function plainQuery(query: string, operationName: string): boolean {
  // Walked in place, not split: no array and strings per request (bench s3-sdk-get).
  let at = 0;
  while (at < query.length) {
    let end = query.indexOf('&', at);
    if (end < 0) end = query.length;
    if (end > at && !query.startsWith('X-Amz-', at) && !isXId(query, at, end, operationName)) return false;
    at = end + 1;
  }
  return true;
}

/** query[at, end) is exactly `x-id=<operationName>`. */
function isXId(query: string, at: number, end: number, operationName: string): boolean {
  return end - at === 5 + operationName.length && query.startsWith('x-id=', at) && query.startsWith(operationName, at + 5);
}

function decodeLabel(text: string): string | undefined {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined; // InvalidURI: the generic path answers it
  }
}

export function plainObjectRead(model: ServiceModel, req: HttpRequest, scope: CredentialScope | undefined, virtualHost: VirtualHostParser): PlainObjectRead | undefined {
  const operation = req.method === 'GET' ? model.operations.GetObject : req.method === 'HEAD' ? model.operations.HeadObject : undefined;
  if (operation === undefined) return undefined;
  const { headers, path } = req;
  if (scope !== undefined && scope.service !== 's3') return undefined;
  if (headers['x-amz-target'] !== undefined || declaresBody(headers)) return undefined;
  if (virtualHost(headers.host) !== undefined) return undefined;
  if (!plainQuery(req.query, operation.name)) return undefined;
  let strings: [member: string, text: string][] | undefined;
  for (const { header, member } of headersOf(model, operation)) {
    if (header === '') return undefined;
    const text = headers[header];
    if (text === undefined) continue;
    if (member === undefined) return undefined;
    (strings ??= []).push([member, text]);
  }
  const slash = path.indexOf('/', 1);
  if (path[0] !== '/' || slash <= 1 || slash === path.length - 1) return undefined;
  const bucket = decodeLabel(path.slice(1, slash));
  const key = decodeLabel(path.slice(slash + 1));
  if (bucket === undefined || key === undefined) return undefined;
  const input: Record<string, string> = { Bucket: bucket, Key: key };
  if (strings !== undefined) for (const [member, text] of strings) input[member] = text;
  return { operation, labels: { Bucket: bucket, Key: key }, input, path };
}
