/**
 * createHttpServer: picks the HTTP adapter. uWS is the default and the only fast one; node:http
 * is a fallback for platforms without a native uWS build, chosen loudly (never silently) and
 * visible as `server.adapter` in /_boltstack/health. The node:http adapter is imported only when
 * used, so the uWS path does not pay node:http's ~1 MB of RSS.
 */
import type { Logger } from '../log.js';
import type { HttpServer, HttpServerOptions } from './types.js';
import { loadUws, UwsUnavailable } from './uws-loader.js';
import { createUwsServer } from './uws-adapter.js';

export type { HttpRequest, HttpResponse, HttpServer, HttpServerOptions, RequestHandler } from './types.js';

export interface CreateHttpServerOptions extends HttpServerOptions {
  /** 'auto' (default): uWS, else node:http with a warning. 'uws': uWS or throw. */
  adapter?: 'auto' | 'uws' | 'node-http';
  /** Where the fallback warning goes; stderr when absent. */
  logger?: Logger;
}

export async function createHttpServer(options: CreateHttpServerOptions): Promise<HttpServer> {
  const { adapter = 'auto', logger, ...serverOptions } = options;
  if (adapter === 'node-http') return nodeHttp(serverOptions, 'chosen with --http-adapter node-http');
  let uws;
  try {
    uws = loadUws();
  } catch (error) {
    if (adapter === 'uws') throw error;
    const reason = error instanceof UwsUnavailable ? error.reason : String(error);
    const message =
      `WARNING: serving on node:http, which is markedly slower than uWebSockets.js: ${reason}. ` +
      `Native builds exist for Node 20 and 22 on glibc >= 2.27 and Node 24 on glibc >= 2.38 (docs/configuration.md).`;
    if (logger) logger.warn(message, { adapter: 'node-http', reason });
    else process.stderr.write(`\n*** ${message} ***\n\n`);
    return nodeHttp(serverOptions, reason);
  }
  return createUwsServer(uws, serverOptions);
}

async function nodeHttp(options: HttpServerOptions, reason: string): Promise<HttpServer> {
  const { createNodeHttpServer } = await import('./node-http-adapter.js');
  return createNodeHttpServer({ ...options, reason });
}
