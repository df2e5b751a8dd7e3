/**
 * Which service and operation a request is for, and in which protocol it speaks (DESIGN.md §1):
 * from the head where possible; an unsigned query-protocol form post is read first, because
 * only its Action names the service.
 */
import { SERVICE_PROTOCOLS, loadModel } from '../model/generated/index.js';
import type { OperationModel, ProtocolName, ServiceModel, ServiceName } from '../model/types.js';
import { matchRestOperation, queryAction } from '../protocols/index.js';
import { dynamoDbFrontDoor } from '../protocols/json/dynamodb-front-door.js';
import type { CredentialScope } from '../protocols/shared/sigv4-scope.js';
import type { HttpRequest } from '../server/types.js';
import { detectFromHead, isFormBody, protocolFor } from './detect-service.js';
import { declaresBody, readBody } from './read-body.js';
import type { VirtualHostParser } from './s3-host.js';
import { isAccountActionOnQueuePath } from './sqs-queue-url.js';
import { partNumberWithoutUploadId, s3ResourceType, sqsUnknownAction, unknownOperation } from './unknown-operation.js';

export interface Resolved {
  service: ServiceName;
  protocol: ProtocolName;
  model: ServiceModel;
  operation: OperationModel;
  labels: Record<string, string>;
  /** The path the protocol decodes: path-style for S3 (virtual-hosted bucket moved into it). */
  path: string;
  /** The body, when it had to be read to resolve the operation. */
  body?: Buffer;
}

/** The operation could not be resolved: the error is to be rendered in `protocol`. */
export class Unresolved extends Error {
  constructor(readonly protocol: ProtocolName, readonly model: ServiceModel | undefined, readonly error: Error) {
    super(error.message);
  }
}

const QUERY_SERVICES: ServiceName[] = ['sqs', 'sns', 'sts'];

async function serviceForAction(action: string): Promise<ServiceName | undefined> {
  for (const service of QUERY_SERVICES) {
    if (operationNamed(await loadModel(service), action)) return service;
  }
  return undefined;
}

/**
 * The model's operation of that name, own entries only: a client names it, and `toString`,
 * `constructor` or `__proto__` read through the prototype ran Object.prototype.toString as a
 * handler (200 with an empty body) or reached the handler lookup as a NotImplemented 501, where
 * AWS answers each service's unknown-operation error (unknown-operation.ts).
 */
function operationNamed(model: ServiceModel, name: string): OperationModel | undefined {
  return Object.hasOwn(model.operations, name) ? model.operations[name] : undefined;
}

function s3Path(request: HttpRequest, virtualHost: VirtualHostParser): string {
  const bucket = virtualHost(request.headers.host);
  if (bucket === undefined) return request.path;
  return request.path === '/' || request.path === '' ? `/${bucket}` : `/${bucket}${request.path}`;
}

/**
 * The form body a query request is resolved from. A body refused here (past the size limit) is
 * answered in the query protocol, as a query client parses it: before, the error escaped
 * unresolved and was rendered in the default, S3's <Error> XML, which no query SDK reads.
 */
async function formBody(request: HttpRequest, model: ServiceModel | undefined): Promise<Buffer> {
  try {
    return await readBody(request);
  } catch (err) {
    throw new Unresolved('query', model, err instanceof Error ? err : new Error(String(err)));
  }
}

export async function resolveOperation(request: HttpRequest, scope: CredentialScope | undefined, virtualHost: VirtualHostParser): Promise<Resolved> {
  const detection = detectFromHead(request.method, request.query, request.headers, scope);
  if (detection.kind === 'unknown-target') {
    // Answered as DynamoDB, whose front door refuses a method or media type before the target.
    throw new Unresolved('json', undefined, refusedAtDynamoDbDoor('dynamodb', request) ?? unknownOperation('json', detection.target, request.method));
  }
  let service: ServiceName;
  let body: Buffer | undefined;
  if (detection.kind === 'needs-action') {
    body = await formBody(request, undefined);
    const action = queryAction({ method: request.method, path: request.path, query: request.query, headers: request.headers, body }) ?? '';
    const found = await serviceForAction(action);
    if (!found) throw new Unresolved('query', undefined, unknownOperation('query', action, request.method));
    service = found;
  } else {
    service = detection.service;
  }
  const protocol = protocolFor(service, request.headers);
  // A signed query-protocol request names its service in the scope but its Action in the form body.
  const model = await loadModel(service);
  if (protocol === 'query' && body === undefined && request.method === 'POST' && isFormBody(request.headers)) {
    body = await formBody(request, model);
  }

  if (protocol === 'rest-xml') {
    const path = s3Path(request, virtualHost);
    const match = matchRestOperation(model, request.method, path, request.query, request.headers);
    if (!match) {
      if (request.method === 'POST' && request.query === '' && s3ResourceType(path) === 'BUCKET') return await postObject(request, model, path);
      throw new Unresolved(protocol, model, unknownOperation(protocol, s3ResourceType(path), request.method));
    }
    if (match.operation.name === 'CopyObject' && /(?:^|&)partNumber=/.test(request.query)) throw new Unresolved(protocol, model, partNumberWithoutUploadId());
    return resolved(service, protocol, model, match.operation, match.labels, path, body);
  }
  if (protocol === 'json') {
    const target = request.headers['x-amz-target'] ?? '';
    const name = target.slice((SERVICE_PROTOCOLS[service].targetPrefix ?? '').length + 1);
    const operation = operationNamed(model, name);
    if (!operation) throw new Unresolved(protocol, model, refusedAtDynamoDbDoor(service, request) ?? unknownOperation(protocol, name, request.method, service));
    return resolved(service, protocol, model, operation, NO_LABELS, request.path, body);
  }
  const action = queryAction({ method: request.method, path: request.path, query: request.query, headers: request.headers, ...(body ? { body } : {}) }) ?? '';
  const operation = operationNamed(model, action);
  if (!operation) throw new Unresolved(protocol, model, unknownOperation(protocol, action, request.method, service));
  if (service === 'sqs' && isAccountActionOnQueuePath(action, request.path)) throw new Unresolved(protocol, model, sqsUnknownAction(action));
  return resolved(service, protocol, model, operation, NO_LABELS, request.path, body);
}

/**
 * POST to a bucket with no subresource is S3's POST Object (a browser form upload), which no
 * service model has (services/s3/post-object/operation.ts). Anything but a multipart form is
 * S3's 412 (test_s3.py::test_post_object_wrong_content_type, validated against S3 2026-02-21).
 * Reached only where no modelled operation matched, so no other request pays for it, and its
 * modules load on the first such request (DESIGN.md §6a).
 */
async function postObject(request: HttpRequest, model: ServiceModel, path: string): Promise<Resolved> {
  const [{ POST_OBJECT, isMultipartForm }, { postErrors }] = await Promise.all([
    import('../services/s3/post-object/operation.js'), import('../services/s3/post-object/errors.js'),
  ]);
  if (!isMultipartForm(request.headers['content-type'])) throw new Unresolved('rest-xml', model, postErrors.notMultipart());
  const slash = path.indexOf('/', 1);
  const bucket = decodeURIComponent(slash === -1 ? path.slice(1) : path.slice(1, slash));
  return resolved('s3', 'rest-xml', model, POST_OBJECT, { Bucket: bucket }, path, undefined);
}

/**
 * DynamoDB checks the method and the body's media type before the target, so a request it would
 * refuse there gets that answer even when its target is unknown (dynamodb-front-door.ts;
 * architect/dynalite index.js checks them first). Only on the unknown-target path; the body is
 * not read yet, so its framing headers say whether there is one.
 */
function refusedAtDynamoDbDoor(service: ServiceName, request: HttpRequest): Error | undefined {
  return dynamoDbFrontDoor(service, request.method, request.headers['content-type'], declaresBody(request.headers) ? 1 : 0);
}

/** The labels of a json or query operation: none (shared; nobody writes to them). */
export const NO_LABELS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** One object literal of a fixed layout (spreading a base object per request was slower). */
function resolved(service: ServiceName, protocol: ProtocolName, model: ServiceModel, operation: OperationModel, labels: Record<string, string>, path: string, body: Buffer | undefined): Resolved {
  return body === undefined ? { service, protocol, model, operation, labels, path } : { service, protocol, model, operation, labels, path, body };
}
