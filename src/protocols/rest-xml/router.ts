/**
 * Request → S3 (rest-xml) operation, from the URI templates of the model.
 *
 * Every operation's template is compiled once per model (path parts, query literals such as
 * `?uploads` or `?list-type=2`, and its required querystring/header members). A request matches
 * an operation when its method, path and query literals fit; among matches the score prefers
 * (1) more query literals, (2) more of the operation's required query/header members present,
 * and penalises required members that are missing. So PUT /{Bucket}/{Key+} with
 * x-amz-copy-source is CopyObject, with partNumber+uploadId UploadPart, with all three
 * UploadPartCopy, else PutObject. Remaining ties go to the current operation over its deprecated
 * twin, then to the one named by the SDK's `x-id` hint.
 */
import type { OperationModel, ServiceModel } from '../../model/types.js';
import { resolveShape } from '../shared/shape-walker.js';
import { parseQuery, type ParsedQuery } from '../shared/query-string.js';

/**
 * URI labels (bucket, key) are decoded strictly: a percent-encoding that is not UTF-8 throws a
 * URIError, which the gateway answers as S3 does, 400 InvalidURI.
 */
const decodeLabel = (text: string): string => (text.includes('%') ? decodeURIComponent(text) : text);

type PathPart = { literal: string } | { label: string; greedy: boolean };

interface CompiledRoute {
  operation: OperationModel;
  path: PathPart[];
  literals: { name: string; value: string | undefined }[];
  requiredQuery: string[];
  requiredHeaders: string[];
  /** Loses ties against an operation with the same template (deprecated or special-endpoint twin). */
  secondary: boolean;
}

export interface RestMatch { operation: OperationModel; labels: Record<string, string> }

export interface RestRouter {
  match(method: string, path: string, query: string | ParsedQuery, headers: Record<string, string>): RestMatch | undefined;
}

/** Twins sharing a template with a preferred operation (deprecated APIs, directory buckets). */
const SECONDARY = new Set([
  'GetBucketLifecycle', 'PutBucketLifecycle', 'GetBucketNotification', 'PutBucketNotification', 'ListDirectoryBuckets',
]);

function compile(model: ServiceModel, operation: OperationModel): CompiledRoute {
  const [pathPart = '/', queryPart = ''] = operation.http.requestUri.split('?', 2);
  const path: PathPart[] = pathPart.split('/').filter((s) => s !== '').map((segment) => {
    const label = /^\{([^}]+?)(\+)?\}$/.exec(segment);
    return label ? { label: label[1]!, greedy: label[2] === '+' } : { literal: segment };
  });
  const literals = queryPart === '' ? [] : queryPart.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? { name: pair, value: undefined } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
  });
  const requiredQuery: string[] = [];
  const requiredHeaders: string[] = [];
  const input = operation.input;
  for (const name of input?.required ?? []) {
    const ref = input?.members?.[name];
    if (ref === undefined) continue;
    const member = resolveShape(model, ref);
    if (member.location === 'querystring') requiredQuery.push(member.locationName ?? name);
    if (member.location === 'header') requiredHeaders.push((member.locationName ?? name).toLowerCase());
  }
  return { operation, path, literals, requiredQuery, requiredHeaders, secondary: SECONDARY.has(operation.name) };
}

/**
 * Whether the raw path fits the template, without building anything: most routes of a method
 * are ruled out per request, and building their labels (an object and substrings each) and a
 * closure per route made the router about 2.8 KB of the ~63 KB a 4 KiB PutObject allocates
 * (sampling heap profile; the peaks of bench v8-settings grow with the bytes per request).
 */
function pathFits(parts: PathPart[], rawPath: string): boolean {
  let at = rawPath.startsWith('/') ? 1 : 0;
  const end = rawPath.length;
  for (const part of parts) {
    if ('literal' in part) {
      const slash = rawPath.indexOf('/', at);
      const segmentEnd = slash < 0 ? end : slash;
      if (segmentEnd - at !== part.literal.length || !rawPath.startsWith(part.literal, at)) return false;
      at = slash < 0 ? end : slash + 1;
    } else if (part.greedy) {
      if (at >= end) return false;
      at = end;
    } else {
      const slash = rawPath.indexOf('/', at);
      const segmentEnd = slash < 0 ? end : slash;
      if (segmentEnd === at) return false;
      at = slash < 0 ? end : slash + 1;
    }
  }
  // "/bucket/" still addresses the bucket; anything else left over means another template.
  return at >= end;
}

/** The labels of a path that fits the template (pathFits), percent-decoded. */
function pathLabels(parts: PathPart[], rawPath: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  for (const part of parts) {
    const slash = rest.indexOf('/');
    if ('literal' in part) {
      rest = slash < 0 ? '' : rest.slice(slash + 1);
    } else if (part.greedy) {
      labels[part.label] = decodeLabel(rest);
      rest = '';
    } else {
      labels[part.label] = decodeLabel(slash < 0 ? rest : rest.slice(0, slash));
      rest = slash < 0 ? '' : rest.slice(slash + 1);
    }
  }
  return labels;
}

/** Every query literal of the route is present (with its value, when it names one). */
function literalsPresent(literals: CompiledRoute['literals'], params: ParsedQuery): boolean {
  for (const l of literals) {
    const values = params.get(l.name);
    if (values === undefined || (l.value !== undefined && !values.includes(l.value))) return false;
  }
  return true;
}

/** The parsed form of an empty query, shared: never written to. */
const NO_PARAMS: ParsedQuery = new Map();

export function compileRestRouter(model: ServiceModel): RestRouter {
  const byMethod = new Map<string, CompiledRoute[]>();
  for (const operation of Object.values(model.operations)) {
    const route = compile(model, operation);
    const list = byMethod.get(operation.http.method) ?? [];
    list.push(route);
    byMethod.set(operation.http.method, list);
  }
  return {
    match(method, path, query, headers) {
      const routes = byMethod.get(method);
      if (routes === undefined) return undefined;
      const params = typeof query !== 'string' ? query : query === '' ? NO_PARAMS : parseQuery(query);
      const xId = params.get('x-id')?.[0];
      let best: CompiledRoute | undefined;
      let bestScore = -Infinity;
      for (const route of routes) {
        if (!literalsPresent(route.literals, params) || !pathFits(route.path, path)) continue;
        let present = 0;
        for (const q of route.requiredQuery) if (params.has(q)) present++;
        for (const h of route.requiredHeaders) if (headers[h] !== undefined) present++;
        const missing = route.requiredQuery.length + route.requiredHeaders.length - present;
        const score = route.literals.length * 10_000 + present * 100 - missing * 1_000 +
          (route.secondary ? 0 : 2) + (xId === route.operation.name ? 1 : 0);
        if (score > bestScore) { bestScore = score; best = route; }
      }
      // Labels only for the route chosen. A percent-encoding that is not UTF-8 still throws
      // (InvalidURI): the routes that fit one path label the same parts of it (/{Bucket},
      // /{Bucket}/{Key+}), so the one chosen decodes what any of them would have.
      return best === undefined ? undefined : { operation: best.operation, labels: pathLabels(best.path, path) };
    },
  };
}

// A memo of a pure function of immutable model data, keyed weakly: two boltstack instances
// sharing a model share the compiled router, and nothing outlives the model.
const routers = new WeakMap<ServiceModel, RestRouter>();

export function matchRestOperation(model: ServiceModel, method: string, path: string,
  query: string | ParsedQuery, headers: Record<string, string>): RestMatch | undefined {
  let router = routers.get(model);
  if (router === undefined) { router = compileRestRouter(model); routers.set(model, router); }
  return router.match(method, path, query, headers);
}
