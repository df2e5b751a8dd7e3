/**
 * Each SQS copy's own part of an enveloped notification (its UnsubscribeURL field,
 * NotificationTemplate.part), remembered per request host and subscription: it depends on
 * nothing else, and building it for every copy of every publish (the URL, its percent-encoded
 * ARN, two JSON.stringify calls, then SQS flattening the joined string to check its characters)
 * allocated about 400 bytes per copy, 4 KB of a 10-subscription publish (in-process heap
 * sampling). Kept flat after the first check, the string is reused as it is. Bounded: the table
 * is emptied when it reaches its size (subscriptions deleted meanwhile just drop out then).
 */
import type { NotificationTemplate } from '../envelope.js';
import { BoundedTwoKeyCache } from '../../../util/bounded-two-key-cache.js';
import { unsubscribeUrl } from './urls.js';

const MAX_PARTS = 4096;

export class UnsubscribeParts {
  readonly #parts = new BoundedTwoKeyCache<string>(MAX_PARTS);

  partFor(template: NotificationTemplate, host: string, subscriptionArn: string): string {
    const known = this.#parts.get(host, subscriptionArn);
    if (known !== undefined) return known;
    const part = template.part(unsubscribeUrl(host, subscriptionArn));
    this.#parts.set(host, subscriptionArn, part);
    return part;
  }
}
