/** TagQueue, UntagQueue, ListQueueTags (tags.ts has the limits). */
import type { ListQueueTagsInput, ListQueueTagsOutput, TagQueueInput, TagQueueOutput, UntagQueueInput, UntagQueueOutput } from '../../../model/generated/sqs-types.js';
import { inQueueTurn, queueOf, required, type SqsHandler } from '../context.js';
import { assertTags } from '../tags.js';

/**
 * A copy of the tags without a prototype: a key the client chose (`__proto__`, `constructor`) is
 * an entry like any other. Hostile pass 26: TagQueue dropped a `__proto__` tag and counted a
 * `constructor` tag as already there.
 */
const ownTags = (tags: Record<string, string>): Record<string, string> => Object.assign(Object.create(null) as Record<string, string>, tags);

export const tagQueue: SqsHandler<TagQueueInput, TagQueueOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl', 'Tags');
  const queue = queueOf(deps, ctx, input.QueueUrl);
  return inQueueTurn(deps, queue, async () => {
    const tags = ownTags(queue.record.tags);
    const added = Object.keys(input.Tags).filter((k) => tags[k] === undefined).length;
    assertTags(input.Tags, Object.keys(tags).length + added - Object.keys(input.Tags).length);
    Object.assign(tags, input.Tags);
    await deps.store.save(queue, { ...queue.record, tags });
    return {};
  });
};

export const untagQueue: SqsHandler<UntagQueueInput, UntagQueueOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl', 'TagKeys');
  const queue = queueOf(deps, ctx, input.QueueUrl);
  return inQueueTurn(deps, queue, async () => {
    const tags = ownTags(queue.record.tags);
    for (const key of input.TagKeys) delete tags[key];
    await deps.store.save(queue, { ...queue.record, tags });
    return {};
  });
};

export const listQueueTags: SqsHandler<ListQueueTagsInput, ListQueueTagsOutput> = async (deps, ctx, input) => {
  required(input, 'QueueUrl');
  const queue = queueOf(deps, ctx, input.QueueUrl);
  return Object.keys(queue.record.tags).length > 0 ? { Tags: { ...queue.record.tags } } : {};
};
