/**
 * What node:http does not answer by itself, answered: every malformed head gets a status and a
 * close, never a silent socket.
 *
 * - node's parser (llhttp) accepts an HTTP/0.9-style request line (`GET /` with no version)
 *   and, once a blank line follows, hands it over as a request of version 0.9. boltstack speaks
 *   HTTP/1.x only: 400 and close (S3 does not serve HTTP/0.9 either).
 * - Without the blank line, llhttp waits for headers that never come: the socket hung for
 *   node's 60 s headersTimeout. A first request whose head is still incomplete half a second after the
 *   connection opened gets 400 and close. Only connections that have sent bytes are touched: an idle
 *   pre-opened connection is left to keep-alive's own timer.
 * - Everything llhttp refuses (garbage request lines, bad Content-Length, NUL in a header, a
 *   head past maxHeaderSize) goes to 'clientError': 400, or 431 for a head too large, then close.
 *   That is node's default too; it is written here so the contract does not hang on a default.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

const BAD_REQUEST = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';
const HEAD_TOO_LARGE = 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

/** How long a first request's head may stay incomplete once its first byte has arrived. */
export const STALLED_HEAD_MS = 500;

export class BadHeadGuard {
  /** The stalled-head timer of each connection whose first request has not arrived yet. */
  readonly #pending = new WeakMap<Socket, NodeJS.Timeout>();

  constructor(server: Server, stalledHeadMs = STALLED_HEAD_MS) {
    server.on('connection', (socket: Socket) => {
      const timer = setTimeout(() => {
        this.#pending.delete(socket);
        if (socket.bytesRead > 0 && !socket.destroyed) refuse(socket, BAD_REQUEST);
      }, stalledHeadMs);
      timer.unref();
      this.#pending.set(socket, timer);
      socket.once('close', () => this.#settle(socket));
    });
    server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
      this.#settle(socket);
      // Data after a request that asked to close: that request is still answered, and the socket
      // then closed with it (RFC 9112 §9.6: the server closes after the answer and processes
      // nothing further). A 400 here took the place of the pending answer.
      if (error.code === 'HPE_CLOSED_CONNECTION') return;
      if (!socket.writable || socket.writableLength > 0) {
        socket.destroy();
        return;
      }
      refuse(socket, error.code === 'HPE_HEADER_OVERFLOW' ? HEAD_TOO_LARGE : BAD_REQUEST);
    });
  }

  /**
   * Call first for every request: settles the connection's first-head timer, and answers 400 and
   * closes (returning true) for a request that is not HTTP/1.x.
   */
  refused(req: IncomingMessage): boolean {
    this.#settle(req.socket);
    if (req.httpVersionMajor === 1) return false;
    refuse(req.socket, BAD_REQUEST);
    return true;
  }

  #settle(socket: Socket): void {
    const timer = this.#pending.get(socket);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.#pending.delete(socket);
  }
}

function refuse(socket: Socket, response: string): void {
  socket.end(response);
  // A client that never reads must not keep the socket open: give the answer a moment, then drop.
  setTimeout(() => socket.destroy(), 1000).unref();
}
