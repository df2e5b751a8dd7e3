/** The error a request body fails with when the client disconnects first (as node:http's, ECONNRESET). */
export function clientAbortedError(): Error {
  return Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
}
