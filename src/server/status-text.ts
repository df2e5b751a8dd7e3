/**
 * Reason phrases for the status line. uWS writes whatever status string it is given, so we keep
 * our own table (RFC 9110 §15) rather than load node:http (about 1 MB of RSS) just for
 * STATUS_CODES on the uWS path.
 */
const REASONS: Readonly<Record<number, string>> = {
  100: 'Continue', 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content',
  206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  307: 'Temporary Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 411: 'Length Required',
  412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long',
  415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 500: 'Internal Server Error',
  501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** The known status lines, built once: one template string per response showed in the SendMessage profile. */
const LINES: ReadonlyMap<number, string> = new Map(Object.keys(REASONS).map((code) => [Number(code), `${code} ${REASONS[Number(code)]!}`]));

/** "200 OK", "404 Not Found", "599 Unknown": the status line after "HTTP/1.1 ". */
export function statusLine(status: number): string {
  return LINES.get(status) ?? `${status} Unknown`;
}

/** Statuses that must not carry a body nor, for 1xx/204, a Content-Length (RFC 9110 §8.6). */
export function isBodyless(status: number): boolean {
  return status === 204 || status === 304 || (status >= 100 && status < 200);
}
