/**
 * Operations of json-protocol requests already resolved, by X-Amz-Target (DESIGN.md §3: a hot
 * path). A json request's service and operation depend on that header alone, so once a target
 * has resolved, later requests with it skip detection, the model lookup and the async resolve
 * (about 8% of a GetItem's server CPU). Only targets that named a real operation are kept, so
 * the map holds at most one entry per json operation of the catalogue, whatever clients send.
 */
import type { HttpRequest } from '../server/types.js';
import type { Resolved } from './resolve-operation.js';

export class JsonTargets {
  readonly #byTarget = new Map<string, Resolved>();

  /** The resolution of `req`, when its target resolved before; undefined otherwise. */
  lookup(req: HttpRequest): Resolved | undefined {
    const target = req.headers['x-amz-target'];
    if (target === undefined) return undefined;
    const known = this.#byTarget.get(target);
    if (known === undefined || known.path === req.path) return known;
    const { service, protocol, model, operation, labels } = known;
    return { service, protocol, model, operation, labels, path: req.path };
  }

  /** Keeps a json resolution for its target (one read from the head alone: no body). */
  remember(req: HttpRequest, resolved: Resolved): void {
    const target = req.headers['x-amz-target'];
    if (target === undefined || resolved.protocol !== 'json' || resolved.body !== undefined) return;
    this.#byTarget.set(target, resolved);
  }
}
