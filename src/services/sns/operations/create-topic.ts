/**
 * CreateTopic: standard or FIFO (FifoTopic=true and a .fifo name), with attributes, tags and a
 * data protection policy. Idempotent: the same name with the same attributes and tags answers
 * the existing ARN; different ones are InvalidParameter.
 * https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html
 */
import type { CreateTopicInput, CreateTopicOutput } from '../../../model/generated/sns-types.js';
import { topicArn } from '../arns.js';
import type { SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';
import type { TopicRecord } from '../records.js';
import { checkTags, mergeTags } from '../tags.js';
import { archiveOff, checkTopicAttribute, normalTopicAttribute, withArchivePolicy } from '../topic-attributes.js';

const NAME = /^[A-Za-z0-9_-]{1,256}$/;

export const createTopic: SnsHandler<CreateTopicInput, CreateTopicOutput> = async (deps, ctx, input) => {
  const attributes = { ...input.Attributes };
  const fifo = attributes.FifoTopic?.toLowerCase() === 'true';
  // Native AWS, radkawar/stackd testdata/aws/sns/fifo_projection.json, create-flag-garbage and
  // create-flag-empty (2026-09-22).
  if (attributes.FifoTopic !== undefined && !['true', 'false'].includes(attributes.FifoTopic.toLowerCase())) {
    throw snsErrors.invalid('Attributes', `FifoTopic: Invalid value [${attributes.FifoTopic}]. Must be true or false.`);
  }
  delete attributes.FifoTopic;
  const name = input.Name;
  const base = name.endsWith('.fifo') ? name.slice(0, -5) : name;
  // A FIFO topic's name without ".fifo" is refused with the same words as any bad name (native AWS,
  // radkawar/stackd testdata/aws/sns/fifo.json "create-nosuffix", 2026-09-22).
  if (fifo && (!name.endsWith('.fifo') || !NAME.test(base))) throw snsErrors.invalid('Topic Name');
  if (!fifo && !NAME.test(name)) throw snsErrors.invalid('Topic Name');
  for (const [k, v] of Object.entries(attributes)) {
    checkTopicAttribute(k, v, fifo, (reason) => snsErrors.invalid('Attributes', reason));
    attributes[k] = normalTopicAttribute(k, v);
  }
  if (input.Tags !== undefined) checkTags(input.Tags);
  // "" asks for no policy: the topic is made without one (native AWS, radkawar/stackd
  // testdata/aws/sns/data_protection.json create-empty, 2026-09-22).
  const dataProtectionPolicy = input.DataProtectionPolicy === '' ? undefined : input.DataProtectionPolicy;
  if (dataProtectionPolicy !== undefined) {
    try { JSON.parse(dataProtectionPolicy); } catch { throw snsErrors.invalid('DataProtectionPolicy', 'failed to parse JSON.'); }
  }
  const arn = topicArn(ctx.region, ctx.accountId, name);
  // The look-up and the write in the topic's section (store.ts topicChanges): three CreateTopic of
  // one name with different attributes sent together all succeeded, the last write winning (race26);
  // AWS refuses all but the first ("Topic already exists with different attributes").
  return deps.store.topicChanges.run(arn, async () => {
    const existing = deps.store.topic(arn);
    if (existing !== undefined) {
      const same = existing.fifo === fifo && sameArchive(existing, attributes.ArchivePolicy)
        && Object.entries(attributes).every(([k, v]) => k === 'ArchivePolicy' || existing.attributes[k] === v);
      if (!same) throw snsErrors.invalid('Attributes', 'Topic already exists with different attributes');
      // Every tag asked for must already be on the topic with that value; asking for fewer is fine
      // (AWS: localstack test_sns.py test_create_duplicate_topic_check_idempotency, 2023-08-24).
      if (input.Tags !== undefined && input.Tags.length > 0) {
        const stored = new Map(existing.tags.map((t) => [t.Key, t.Value] as const));
        if (input.Tags.some((t) => stored.get(t.Key) !== (t.Value ?? ''))) {
          throw snsErrors.invalid('Tags', 'Topic already exists with different tags');
        }
      }
      return { TopicArn: arn };
    }
    const { ArchivePolicy: archivePolicy, ...rest } = attributes;
    const topic: TopicRecord = {
      arn, name, account: ctx.accountId, region: ctx.region, fifo, attributes: rest, tags: mergeTags([], input.Tags ?? []), deleted: 0,
      ...(dataProtectionPolicy === undefined ? {} : { dataProtectionPolicy }),
    };
    await deps.store.putTopic(archivePolicy === undefined ? topic : withArchivePolicy(topic, archivePolicy, Date.now()));
    return { TopicArn: arn };
  });
};

/**
 * Whether CreateTopic's ArchivePolicy (if any) leaves an existing topic as it is: none, or "{}"
 * for a topic that archives nothing. Any policy that would archive is refused on a topic that
 * exists, the very one it has included (native AWS, radkawar/stackd
 * testdata/aws/sns/archive_create.json *-duplicate-same, -string, -whitespace, -omitted,
 * -disabled-empty, 2026-09-22).
 */
function sameArchive(existing: TopicRecord, policy: string | undefined): boolean {
  if (policy === undefined) return true;
  return archiveOff(policy) && existing.attributes.ArchivePolicy === undefined;
}
