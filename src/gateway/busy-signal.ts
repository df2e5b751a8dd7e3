/**
 * Tells the owner once the emulator is busy: after `after` AWS requests (requests to the
 * internal endpoints, such as a container's health checks, do not count). The CLI turns V8's
 * optimising compiler on then (src/cli.ts).
 *
 * Why not at start: loading the request pipeline and a service's modules on first use (~60
 * modules for S3) makes V8 optimise a few functions of Node's module loader (URL parsing, path
 * normalising), and the first optimisation maps about 3.5 MiB of TurboFan's own code into RSS.
 * Measured after the AWS CLI basic session (a bucket, three objects, a listing): VmRSS 62.8 MiB
 * with TurboFan on from start, 59.2 without. A few requests gain nothing from optimised code;
 * under load the threshold passes in a fraction of a second and from then on nothing differs.
 */
import type { RequestHandler } from '../server/types.js';
import { isInternalPath } from './internal-path.js';

export function signalWhenBusy(handler: RequestHandler, after: number, onBusy: () => void): RequestHandler {
  let left = after;
  let current: RequestHandler = (req, res) => {
    if (!isInternalPath(req.path) && --left <= 0) {
      current = handler;
      onBusy();
    }
    handler(req, res);
  };
  return (req, res) => current(req, res);
}
