/**
 * boltstack's own endpoints under /_boltstack/ (and /_localstack/health, so tools that wait for
 * LocalStack wait for boltstack too): health, the capability table generated from the
 * catalogue, metrics (Prometheus text), and reset (wipe all state, for test suites).
 */
import { SERVICE_PROTOCOLS, loadModel } from '../model/generated/index.js';
import type { ServiceName } from '../model/types.js';
import type { WireResponse } from '../protocols/types.js';
import type { SnsInternalApi } from '../services/sns/internal-api.js';
import { implementedOperationsOf, type ServiceRegistry } from './service-registry.js';

export interface InternalDeps {
  version: string;
  /** The HTTP adapter serving, and why when it is not uWS. */
  httpAdapter: () => { adapter: string; reason?: string };
  features: () => string[];
  registry: ServiceRegistry;
  reset: () => Promise<void>;
  info: () => Record<string, unknown>;
  /** The Prometheus text of /_boltstack/metrics (src/metrics, loaded on the first scrape). */
  metrics: () => Promise<{ contentType: string; text: string }>;
}

const SERVICES = Object.keys(SERVICE_PROTOCOLS) as ServiceName[];

const json = (status: number, body: unknown): WireResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body, null, 2) + '\n',
});

function health(deps: InternalDeps): WireResponse {
  const services: Record<string, string> = {};
  for (const s of SERVICES) services[s] = deps.registry.state(s);
  const http = deps.httpAdapter();
  return json(200, {
    status: 'ok', version: deps.version, edition: 'boltstack', services,
    features: deps.features(), http: http.adapter,
    ...(http.reason === undefined ? {} : { httpReason: http.reason }),
    ...deps.info(),
  });
}

async function capabilities(deps: InternalDeps): Promise<WireResponse> {
  const out: Record<string, { protocols: string[]; operations: Record<string, boolean> }> = {};
  for (const s of SERVICES) {
    const model = await loadModel(s);
    const implemented = new Set(await implementedOperationsOf(s));
    const operations: Record<string, boolean> = {};
    for (const name of Object.keys(model.operations).sort()) operations[name] = implemented.has(name);
    out[s] = { protocols: model.protocols, operations };
  }
  return json(200, out);
}

/**
 * SNS's own pages: the signing certificate at SigningCertURL, and the deliveries captured under
 * the `virtual` gate (docs/sns.md).
 */
async function sns(deps: InternalDeps, method: string, file: string): Promise<WireResponse> {
  if (method !== 'GET') return json(405, { error: 'use GET' });
  const api = (await deps.registry.get('sns'))?.internal as SnsInternalApi | undefined;
  if (file === 'outbox') return json(200, { deliveries: await api?.captured() ?? [] });
  const pem = file.endsWith('.pem') ? await api?.certificate(file) : undefined;
  return pem === undefined ? json(404, { error: `no such endpoint /_boltstack/sns/${file}` }) : { status: 200, headers: { 'content-type': 'application/x-pem-file' }, body: pem };
}

/** Answers an internal request, or undefined when the path is not one of ours. */
export async function handleInternal(deps: InternalDeps, method: string, path: string): Promise<WireResponse | undefined> {
  if (path === '/_boltstack/health' || path === '/_localstack/health') {
    return method === 'GET' || method === 'HEAD' ? health(deps) : json(405, { error: 'use GET' });
  }
  if (path === '/_boltstack/capabilities') return method === 'GET' ? capabilities(deps) : json(405, { error: 'use GET' });
  if (path === '/_boltstack/metrics') {
    if (method !== 'GET') return json(405, { error: 'use GET' });
    const { contentType, text } = await deps.metrics();
    return { status: 200, headers: { 'content-type': contentType }, body: text };
  }
  if (path === '/_boltstack/reset') {
    if (method !== 'POST') return json(405, { error: 'use POST' });
    await deps.reset();
    return json(200, { reset: true });
  }
  if (path.startsWith('/_boltstack/sns/')) return sns(deps, method, path.slice('/_boltstack/sns/'.length));
  if (path.startsWith('/_boltstack/')) return json(404, { error: `no such endpoint ${path}` });
  return undefined;
}
