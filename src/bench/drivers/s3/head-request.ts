/**
 * HEAD requests over node:http rather than undici. undici closes the connection after every HEAD
 * unless the answer carries "Connection: keep-alive" (it distrusts servers that send a body after
 * HEAD: nodejs/undici#258, #1858), and HTTP/1.1 servers such as boltstack's uWS adapter do not send
 * it, so each HEAD would open a new TCP connection — 2–3× the client CPU of a GET. node:http knows
 * a HEAD answer has no body and keeps the socket.
 */
import { Agent, request, type IncomingHttpHeaders } from 'node:http';

export interface HeadAnswer { status: number; headers: IncomingHttpHeaders; error?: string }

export class HeadClient {
  readonly #agent: Agent;
  readonly #host: string;
  readonly #port: number;

  constructor(origin: string, connections: number) {
    const url = new URL(origin);
    if (url.protocol !== 'http:') throw new Error('HeadClient: http only'); // https goes through undici
    this.#agent = new Agent({ keepAlive: true, maxSockets: Math.max(1, connections), scheduling: 'lifo' });
    this.#host = url.hostname;
    this.#port = Number(url.port || 80);
  }

  head(path: string, headers: Record<string, string>): Promise<HeadAnswer> {
    return new Promise((resolve, reject) => {
      const req = request({ agent: this.#agent, host: this.#host, port: this.#port, method: 'HEAD', path, headers }, (res) => {
        res.resume();
        res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
        res.once('error', reject);
      });
      req.once('error', reject);
      req.end();
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}
