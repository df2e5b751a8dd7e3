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
import { isInternalPath } from './internal-path.js';
import { sendResponse } from './send-response.js';

/** As the gateway's, except request ids: made with the pipeline unless given (node:crypto). */
export type LazyGatewayDeps = Omit<GatewayDeps, 'ids'> & { ids?: GatewayDeps['ids'] };

export function createLazyGateway(deps: LazyGatewayDeps): RequestHandler {
  let gateway: RequestHandler | undefined;
  let loading: Promise<RequestHandler> | undefined;
  const fail = (err: unknown): void => deps.log.error('request pipeline failed', { err: err instanceof Error ? err.stack : String(err) });

  return (req, res) => {
    if (gateway) return gateway(req, res);
    if (isInternalPath(req.path)) {
      req.discardBody();
      handleInternal(deps.internal, req.method, req.path)
        .then((wire) => sendResponse(res, req.method, wire ?? { status: 404, headers: {}, body: '' }))
        .catch(fail);
      return;
    }
    loading ??= Promise.all([import('./gateway.js'), import('./request-id.js')])
      .then(([m, ids]) => (gateway = m.createGateway({ ...deps, ids: deps.ids ?? ids.createRequestIds() })));
    loading.then((handler) => handler(req, res), (err: unknown) => {
      fail(err);
      if (!res.aborted) res.send(500, { 'content-type': 'text/plain' }, 'internal failure');
    });
  };
}
