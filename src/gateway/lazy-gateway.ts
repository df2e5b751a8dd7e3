/**
 * Loads the request pipeline (gateway, protocols, body decoding, S3 errors) on the first AWS
 * request, so an idle emulator holds none of that code (DESIGN.md §6a: idle RSS budget).
 * Internal endpoints are answered without it, so `/_boltstack/health` costs nothing and answers
 * as soon as the port is open. The adapter copies the request head synchronously and buffers the
 * body with backpressure, so nothing is lost while the pipeline loads (a few ms, once).
 */
import type { RequestHandler } from '../server/types.js';
import type { GatewayDeps } from './gateway.js';
import { handleInternal } from './internal-endpoints.js';
import { discardBody } from './read-body.js';
import { sendResponse } from './send-response.js';

const isInternal = (path: string): boolean => path.startsWith('/_boltstack/') || path === '/_localstack/health';

export function createLazyGateway(deps: GatewayDeps): RequestHandler {
  let gateway: RequestHandler | undefined;
  let loading: Promise<RequestHandler> | undefined;
  const fail = (err: unknown): void => deps.log.error('request pipeline failed', { err: err instanceof Error ? err.stack : String(err) });

  return (req, res) => {
    if (gateway) return gateway(req, res);
    if (isInternal(req.path)) {
      discardBody(req.body);
      handleInternal(deps.internal, req.method, req.path)
        .then((wire) => sendResponse(res, req.method, wire ?? { status: 404, headers: {}, body: '' }))
        .catch(fail);
      return;
    }
    loading ??= import('./gateway.js').then((m) => (gateway = m.createGateway(deps)));
    loading.then((handler) => handler(req, res), (err: unknown) => {
      fail(err);
      if (!res.aborted) res.send(500, { 'content-type': 'text/plain' }, 'internal failure');
    });
  };
}
