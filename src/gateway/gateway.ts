/**
 * The request pipeline (DESIGN.md §1): internal endpoints → service and operation → handler
 * lookup (NotImplemented from the catalogue) → decode → handler → encode → send, with one error
 * fallback that renders any failure in the request's own protocol. Request ids on every answer.
 */
// Imported rather than the global, which is a getter in Node 20 (a call per read, GetItem profile).
import { performance } from 'node:perf_hooks';
import { isAwsError, type AwsError } from '../errors/aws-error.js';
import { internalFailure, notImplemented } from '../errors/common.js';
import type { Features } from '../config.js';
import type { Logger } from '../log.js';
import { loadModel } from '../model/generated/index.js';
import type { OperationModel, ProtocolName, ServiceModel } from '../model/types.js';
import type { RequestMetrics } from '../metrics/request-metrics.js';
import { getProtocol } from '../protocols/index.js';
import { scopeFromQuery, type CredentialScope } from '../protocols/shared/sigv4-scope.js';
import { presignExpiryError } from './presign-expiry.js';
import { emptySigningRegionError } from './empty-signing-region.js';
import { firstParam } from '../protocols/shared/query-string.js';
import { expiredTokenError, isExpiredSession } from '../services/sts/expired-session.js';
import type { WireRequest, WireResponse } from '../protocols/types.js';
import type { HttpRequest, HttpResponse, RequestHandler } from '../server/types.js';
import type { RequestContext } from '../services/types.js';
import { handleInternal, type InternalDeps } from './internal-endpoints.js';
import { accessKeyOf, accountOfKey } from './account.js';
import { clientSignal } from './client-abort.js';
import { bodyError, readBody } from './read-body.js';
import type { RequestIds } from './request-id.js';
import { Unresolved, resolveOperation, type Resolved } from './resolve-operation.js';
import { prepareS3Body } from './s3-body.js';
import { plainObjectRead } from './s3-object-read.js';
import { JsonTargets } from './json-targets.js';
import type { VirtualHostParser } from './s3-host.js';
import type { ServiceRegistry } from './service-registry.js';
import type { WorkerPool, XmlElement } from '../pool/types.js';
import { DEFAULT_THRESHOLDS } from '../pool/index.js';
import { XmlParseError } from '../protocols/index.js';
import { malformedXml } from '../protocols/rest-xml/errors.js';
import { JSON_1_0, labelDynamoDbAnswer } from '../protocols/json/dynamodb-front-door.js';
import { answersQueryInJson, encodeQueryJson, encodeQueryJsonError } from '../protocols/query/answer-json.js';
import { ScopeCache } from './scope-cache.js';
import { sendResponse } from './send-response.js';
import { queueUrlFromPath } from './sqs-queue-url.js';
import { invalidUri } from './unknown-operation.js';
import { requireBodyChecksum, verifyBodyChecksums } from './verify-body-checksums.js';

export interface GatewayDeps {
  registry: ServiceRegistry;
  pool: WorkerPool;
  internal: InternalDeps;
  ids: RequestIds;
  log: Logger;
  virtualHost: VirtualHostParser;
  /** The account of requests whose access key is not an account id (account.ts). */
  defaultAccountId: string;
  features: Features;
  metrics: RequestMetrics;
  /** false: plain GetObject/HeadObject take the generic path too (tests compare both). */
  plainReadFastPath?: boolean;
}

function toAwsError(err: unknown, log: Logger): AwsError {
  if (isAwsError(err)) return err;
  if (err instanceof URIError) return invalidUri();
  const refused = bodyError(err);
  if (refused !== undefined) return refused;
  log.error('unhandled error', { err: err instanceof Error ? err.stack : String(err) });
  return internalFailure();
}

/**
 * A large XML body (CompleteMultipartUpload with thousands of parts) is parsed in the worker
 * pool so the main thread keeps serving; below the measured threshold (src/pool/thresholds.ts)
 * the protocol parses it inline as usual.
 */
async function preparseXml(pool: WorkerPool, body: Buffer): Promise<XmlElement> {
  try {
    // The body is not needed after parsing, so its bytes may move to the worker.
    return await pool.run({ kind: 'xml-parse', xml: body });
  } catch (err) {
    if (err instanceof XmlParseError) throw malformedXml();
    throw err;
  }
}

async function dispatch(deps: GatewayDeps, req: HttpRequest, res: HttpResponse, r: Resolved, requestId: string, hostId: string | undefined, scope: CredentialScope | undefined, decoded?: Record<string, unknown>): Promise<WireResponse> {
  const protocol = getProtocol(r.protocol);
  const ctx = { model: r.model, operation: r.operation, requestId, hostId };
  let input: Record<string, unknown>;
  if (decoded !== undefined) {
    input = decoded;
  } else if (r.operation.streamingInput) {
    input = protocol.decode(ctx, { method: req.method, path: r.path, query: req.query, headers: req.headers }, r.labels);
    input.Body = prepareS3Body(req.headers, req.bodyChunks());
  } else {
    // A small body arrives from the adapter as one buffer; a request without one gets an empty one.
    const body = r.body ?? await readBody(req);
    if (r.service === 's3') {
      requireBodyChecksum(req.headers, r.operation.name);
      if (body.length > 0) await verifyBodyChecksums(req.headers, body, r.operation.name);
    }
    const xml = r.protocol === 'rest-xml' && body.length >= DEFAULT_THRESHOLDS['xml-parse'] ? await preparseXml(deps.pool, body) : undefined;
    const wireRequest: WireRequest = { method: req.method, path: r.path, query: req.query, headers: req.headers, body };
    if (xml !== undefined) wireRequest.xml = xml;
    input = protocol.decode(ctx, wireRequest, r.labels);
  }
  if (r.service === 'sqs') queueUrlFromPath(input, r.operation, r.path, req.headers.host);
  // After decoding, so malformed input gets the protocol's validation error even where the
  // operation is not implemented.
  const service = deps.registry.ready(r.service) ?? await deps.registry.get(r.service);
  const handler = service?.operations[r.operation.name];
  const accessKeyId = accessKeyOf(scope, req.headers.authorization, req.query);
  const rctx = new HandlerContext(requestId, accountOfKey(accessKeyId, deps.defaultAccountId),
    scope?.region ?? 'us-east-1', regionSignedIn(scope, req.headers.authorization), req.headers.host ?? 'localhost', res, accessKeyId, req.headers['x-amzn-trace-id'], deps.virtualHost);
  if (!handler) {
    await service?.refuseUnimplemented?.(rctx, input);
    throw notImplemented(r.model.serviceId, r.operation.name);
  }
  const output = await handler(rctx, input) as Record<string, unknown>;
  // SQS's query API answers in JSON when asked to (query/answer-json.ts); a JSON-protocol request
  // pays one compare for this.
  const wire = r.protocol === 'query' && answersQueryInJson(r.service, req.headers.accept) ? encodeQueryJson(ctx, output) : protocol.encode(ctx, output);
  const ignored = rctx.ignoredIfAny;
  if (ignored !== undefined) wire.headers['x-boltstack-ignored'] = ignored.join(',');
  if (rctx.responseHeaders !== undefined) Object.assign(wire.headers, rctx.responseHeaders);
  return wire;
}

/**
 * The session token a request carries: its x-amz-security-token header, else a presigned URL's,
 * X-Amz-Security-Token beside a SigV4 X-Amz-Credential, x-amz-security-token beside a SigV2
 * AWSAccessKeyId (as botocore's HmacV1QueryAuth writes it). Most requests carry none: they pay a
 * header lookup, and one with a query but no Authorization header a scan of it.
 */
function sessionTokenOf(req: HttpRequest, scope: CredentialScope | undefined): string | undefined {
  const header = req.headers['x-amz-security-token'];
  if (header !== undefined || req.headers.authorization !== undefined || req.query.length === 0) return header;
  if (scope !== undefined) return firstParam(req.query, 'X-Amz-Security-Token');
  return req.query.includes('AWSAccessKeyId=') ? firstParam(req.query, 'x-amz-security-token') ?? firstParam(req.query, 'X-Amz-Security-Token') : undefined;
}

/** Where the scope came from: the gateway reads the Authorization header's first, else the URL's. */
function regionSignedIn(scope: CredentialScope | undefined, authorization: string | undefined): 'header' | 'query' | undefined {
  if (scope === undefined) return undefined;
  return authorization?.startsWith('AWS4-HMAC-SHA256 ') === true ? 'header' : 'query';
}

/**
 * A handler's RequestContext. A class rather than an object literal with a getter: the literal
 * made a new accessor and closure on every request (bench s3-sdk-get). The signal is made on
 * first use (client-abort.ts).
 */
class HandlerContext implements RequestContext {
  readonly #res: HttpResponse;
  #signal: AbortSignal | undefined;
  /** Made on first use, like the signal: almost no request ignores a parameter. */
  #ignored: string[] | undefined;
  responseHeaders: Record<string, string> | undefined;

  readonly #virtualHost: VirtualHostParser;

  constructor(readonly requestId: string, readonly accountId: string, readonly region: string, readonly regionSignedIn: 'header' | 'query' | undefined, readonly host: string, res: HttpResponse, readonly accessKeyId: string | undefined, readonly traceHeader: string | undefined, virtualHost: VirtualHostParser) {
    this.#res = res;
    this.#virtualHost = virtualHost;
  }

  /** Parsed on demand: only S3's wrong-region answers ask (services/types.ts). */
  hostBucket(): string | undefined {
    return this.#virtualHost(this.host);
  }

  get signal(): AbortSignal {
    return (this.#signal ??= clientSignal(this.#res));
  }

  get ignored(): string[] {
    return (this.#ignored ??= []);
  }

  /** The parameters ignored, if a handler named any. */
  get ignoredIfAny(): string[] | undefined {
    return this.#ignored !== undefined && this.#ignored.length > 0 ? this.#ignored : undefined;
  }
}

/**
 * Per-gateway state: the S3 model once an S3 request loaded it (for the plain-read fast path),
 * the json targets resolved so far, and the credential scopes seen (scope-cache.ts).
 */
interface GatewayState { s3Model: ServiceModel | undefined; jsonTargets: JsonTargets; scopes: ScopeCache }

/**
 * Answers one request; never rejects. The last-resort catch is inside rather than a `.catch` on
 * the returned promise: that cost a closure, a derived promise and a reaction per request.
 */
async function handle(deps: GatewayDeps, state: GatewayState, req: HttpRequest, res: HttpResponse): Promise<void> {
  try {
    const started = performance.now();

    if (req.path.startsWith('/_')) {
      const internal = await handleInternal(deps.internal, req.method, req.path).catch((err: unknown) => {
        deps.log.error('internal endpoint failed', { path: req.path, err: String(err) });
        return { status: 500, headers: { 'content-type': 'application/json' }, body: '{"error":"internal failure"}' } as WireResponse;
      });
      if (internal) {
        req.discardBody();
        await sendResponse(res, req.method, internal);
        return;
      }
    }

    deps.metrics.begin();
    const scope = state.scopes.fromAuthorization(req.headers.authorization) ?? scopeFromQuery(req.query);
    let protocolName: ProtocolName = 'rest-xml';
    let model: ServiceModel | undefined;
    let operationName: string | undefined;
    let operation: OperationModel | undefined;
    let requestId: string | undefined;
    let hostId: string | undefined;
    let wire: WireResponse;
    try {
      let resolved = state.jsonTargets.lookup(req);
      // A plain GetObject/HeadObject skips the generic route match and decode (DESIGN.md §3).
      const s3Model = state.s3Model;
      const plain = resolved !== undefined || s3Model === undefined ? undefined : plainObjectRead(s3Model, req, scope, deps.virtualHost);
      if (plain !== undefined && s3Model !== undefined) {
        resolved = { service: 's3', protocol: 'rest-xml', model: s3Model, operation: plain.operation, labels: plain.labels, path: plain.path };
      }
      if (resolved === undefined) {
        resolved = await resolveOperation(req, scope, deps.virtualHost);
        if (resolved.service === 's3' && deps.plainReadFastPath !== false) state.s3Model = resolved.model;
        state.jsonTargets.remember(req, resolved);
      }
      protocolName = resolved.protocol;
      model = resolved.model;
      operation = resolved.operation;
      operationName = operation.name;
      // A presigned URL's expiry, before anything else, as S3 checks it (presign-expiry.ts).
      if (resolved.service === 's3' && req.query.length > 0) {
        const expired = presignExpiryError(req.query, Date.now());
        if (expired !== undefined) throw expired;
      }
      // An empty region in the credential scope is refused whatever the resource (empty-signing-region.ts).
      if (scope !== undefined && scope.region === '') throw emptySigningRegionError(resolved.service, regionSignedIn(scope, req.headers.authorization)!);
      // A session boltstack issued that has ended, refused before the operation as AWS refuses it
      // (expired-session.ts). A presigned URL carries its token in the query; most requests carry none.
      // SigV2 too: its key is read as account.ts reads it.
      const sessionToken = sessionTokenOf(req, scope);
      if (sessionToken !== undefined && isExpiredSession(accessKeyOf(scope, req.headers.authorization, req.query), sessionToken, Date.now())) {
        throw expiredTokenError(resolved.service, sessionToken);
      }
      if (protocolName === 'rest-xml') ({ requestId, hostId } = deps.ids.s3());
      else requestId = resolved.service === 'dynamodb' ? deps.ids.dynamodb() : deps.ids.uuid();
      wire = await dispatch(deps, req, res, resolved, requestId, hostId, scope, plain?.input);
    } catch (err) {
      req.discardBody();
      // The client is gone: nobody to answer, and nothing is wrong with the server.
      if (res.aborted) return deps.metrics.finish(req, res, undefined, model?.service, operation, performance.now() - started);
      if (err instanceof Unresolved) {
        protocolName = err.protocol;
        model = err.model;
      }
      if (requestId === undefined) {
        if (protocolName === 'rest-xml') ({ requestId, hostId } = deps.ids.s3());
        else requestId = model?.service === 'dynamodb' ? deps.ids.dynamodb() : deps.ids.uuid();
      }
      const error = toAwsError(err instanceof Unresolved ? err.error : err, deps.log);
      model ??= await loadModel(protocolName === 'rest-xml' ? 's3' : protocolName === 'json' ? 'dynamodb' : 'sns');
      const op = operationName ? model.operations[operationName] : undefined;
      const errorCtx = { model, requestId, method: req.method, ...(op ? { operation: op } : {}) };
      wire = (protocolName === 'query' && answersQueryInJson(model.service, req.headers.accept) ? encodeQueryJsonError(errorCtx, error) : undefined)
        ?? getProtocol(protocolName).encodeError(errorCtx, error);
    }
    if (hostId !== undefined) {
      wire.headers['x-amz-request-id'] = requestId;
      wire.headers['x-amz-id-2'] = hostId;
      // S3 names itself on every answer, success or error (AWS "Common response headers";
      // radkawar/stackd testdata/aws/s3/owned_binary_headers.json, raw headers, 2026-09-13).
      wire.headers['server'] = 'AmazonS3';
    } else {
      wire.headers['x-amzn-requestid'] = requestId;
      if (protocolName === 'json' && req.headers['content-type'] !== JSON_1_0) labelDynamoDbAnswer(model?.service, req.headers['content-type'], wire.headers);
    }
    try {
      const streaming = sendResponse(res, req.method, wire);
      if (streaming !== undefined) await streaming;
    } catch (err) {
      deps.log.warn('response failed', { requestId, err: String(err) });
    }
    deps.metrics.finish(req, res, wire, model?.service, operation, performance.now() - started);
    if (deps.log.enabled('debug')) {
      deps.log.debug('request', {
        requestId, method: req.method, path: req.path, operation: operationName,
        status: wire.status, ms: Math.round((performance.now() - started) * 100) / 100,
      });
    }
  } catch (err) {
    pipelineFailed(deps, res, err);
  }
}

/** A failure the pipeline did not render (a bug): logged, and answered 500 if still possible. */
function pipelineFailed(deps: GatewayDeps, res: HttpResponse, err: unknown): void {
  deps.log.error('request pipeline failed', { err: err instanceof Error ? err.stack : String(err) });
  if (!res.aborted) res.send(500, { 'content-type': 'text/plain' }, 'internal failure');
}

export function createGateway(deps: GatewayDeps): RequestHandler {
  const state: GatewayState = { s3Model: undefined, jsonTargets: new JsonTargets(), scopes: new ScopeCache() };
  return (req, res) => {
    void handle(deps, state, req, res);
  };
}
