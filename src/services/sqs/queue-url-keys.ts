/**
 * QueueUrl → the queue's store key (keys.ts queueKey), remembered: every message operation names
 * its queue by URL, and parsing one (slices, a split, two regular expressions, an address
 * object, then the key) allocated about 700 bytes per request, the largest SQS-side share of a
 * SendMessage's allocation after the body itself (in-process heap sampling). Clients send the
 * same few URLs again and again, so the key is looked up instead.
 * The key, not the Queue, is kept: a queue deleted and created again under the same name is found
 * by the store as before. URLs that name no queue are not kept (a client cannot fill the table
 * with them), and the table is emptied when it reaches its bound.
 */
import { BoundedTwoKeyCache } from '../../util/bounded-two-key-cache.js';
import { queueKey } from './keys.js';
import { parseQueueUrl } from './names.js';

const MAX_URLS = 1024;

export class QueueUrlKeys {
  /** By the request's region (a URL without a region in its host names a queue in it), then by URL. */
  readonly #keys = new BoundedTwoKeyCache<string>(MAX_URLS);

  /** The store key of the queue `url` names, or undefined when it is not a queue URL. */
  keyOf(url: string, region: string): string | undefined {
    const known = this.#keys.get(region, url);
    if (known !== undefined) return known;
    const address = parseQueueUrl(url, region);
    if (address === undefined) return undefined;
    const key = queueKey(address.account, address.region, address.name);
    this.#keys.set(region, url, key);
    return key;
  }
}
