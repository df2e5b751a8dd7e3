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
import { queueKey } from './keys.js';
import { parseQueueUrl } from './names.js';

const MAX_URLS = 1024;

export class QueueUrlKeys {
  /** By the request's region (a URL without a region in its host names a queue in it), then by URL. */
  readonly #byRegion = new Map<string, Map<string, string>>();
  #count = 0;

  /** The store key of the queue `url` names, or undefined when it is not a queue URL. */
  keyOf(url: string, region: string): string | undefined {
    let urls = this.#byRegion.get(region);
    const known = urls?.get(url);
    if (known !== undefined) return known;
    const address = parseQueueUrl(url, region);
    if (address === undefined) return undefined;
    const key = queueKey(address.account, address.region, address.name);
    if (this.#count >= MAX_URLS) {
      this.#byRegion.clear();
      this.#count = 0;
      urls = undefined;
    }
    if (urls === undefined) {
      urls = new Map();
      this.#byRegion.set(region, urls);
    }
    urls.set(url, key);
    this.#count++;
    return key;
  }
}
