/**
 * createHttpServer: picks the HTTP adapter. uWS is the default and the only fast one; node:http
 * is a fallback for platforms without a native uWS build, chosen loudly (never silently) and
 * visible as `server.adapter` in /_boltstack/health. The node:http adapter is imported only when
 * used, so the uWS path does not pay node:http's ~1 MB of RSS.
 */
import type { Logger } from '../log.js';
import type { HttpServer, HttpServerOptions } from './types.js';
import { loadUws } from './uws-loader.js';
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
  if (adapter === 'node-http') return nodeHttp(serverOptions);
  let uws;
  try {
    uws = loadUws();
  } catch (error) {
    if (adapter === 'uws') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const message =
      `WARNING: uWebSockets.js could not be loaded, falling back to node:http. boltstack will be ` +
      `markedly slower. Reason: ${reason}`;
    if (logger) logger.warn(message, { adapter: 'node-http', reason });
    else process.stderr.write(`\n*** ${message} ***\n\n`);
    return nodeHttp(serverOptions);
  }
  return createUwsServer(uws, serverOptions);
}

async function nodeHttp(options: HttpServerOptions): Promise<HttpServer> {
  const { createNodeHttpServer } = await import('./node-http-adapter.js');
  return createNodeHttpServer(options);
}
