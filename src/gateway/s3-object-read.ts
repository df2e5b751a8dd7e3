/**
 * The fast resolve + decode of a plain GetObject / HeadObject (DESIGN.md §3: a hot path,
 * specialised because bench/micro/object-read-resolve.ts shows the generic route match and
 * decode cost more than 5% of a 4 KiB GetObject end to end).
 *
 * "Plain" means the generic path would decode exactly { Bucket, Key }: GET or HEAD of a
 * path-style /bucket/key, no body, no query parameter but SigV4's X-Amz-* and the SDK's x-id
 * hint, and none of the headers the operation's input binds (Range, conditionals, SSE-C,
 * checksum mode...). Anything else returns undefined and takes the generic path, which also
 * renders every error the way it always did. The handler, the encoder and the error rendering are
 * the generic ones, so the answer is the same (test/unit/s3-object-read.test.ts compares both).
 */
import type { OperationModel, ServiceModel } from '../model/types.js';
import { resolveShape } from '../protocols/shared/shape-walker.js';
import type { CredentialScope } from '../protocols/shared/sigv4-scope.js';
import type { HttpRequest } from '../server/types.js';
import { declaresBody } from './read-body.js';
import type { VirtualHostParser } from './s3-host.js';

export interface PlainObjectRead {
  operation: OperationModel;
  labels: { Bucket: string; Key: string };
  path: string;
}

/** Lower-case names of the headers an operation's input reads; their presence means "not plain". */
const boundHeaders = new WeakMap<OperationModel, string[]>();

function headersOf(model: ServiceModel, operation: OperationModel): string[] {
  let names = boundHeaders.get(operation);
  if (names === undefined) {
    names = [];
    for (const [name, ref] of Object.entries(operation.input?.members ?? {})) {
      const member = resolveShape(model, ref);
      if (member.location === 'header') names.push((member.locationName ?? name).toLowerCase());
      // A prefix map (x-amz-meta-*) would need a scan of every header: not plain then.
      if (member.location === 'headers') names.push('');
    }
    boundHeaders.set(operation, names);
  }
  return names;
}

/** Only SigV4 query auth (X-Amz-Algorithm, -Credential, -Signature...) and x-id=<operation>. */
function plainQuery(query: string, operationName: string): boolean {
  if (query === '') return true;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    if (pair.startsWith('X-Amz-')) continue;
    if (pair === `x-id=${operationName}`) continue;
    return false;
  }
  return true;
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
  for (const name of headersOf(model, operation)) {
    if (name === '' || headers[name] !== undefined) return undefined;
  }
  const slash = path.indexOf('/', 1);
  if (path[0] !== '/' || slash <= 1 || slash === path.length - 1) return undefined;
  const bucket = decodeLabel(path.slice(1, slash));
  const key = decodeLabel(path.slice(slash + 1));
  if (bucket === undefined || key === undefined) return undefined;
  return { operation, labels: { Bucket: bucket, Key: key }, path };
}
