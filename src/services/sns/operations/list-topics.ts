/** ListTopics: the caller's topics in the request's region, 100 a page, in ARN order. */
import type { ListTopicsInput, ListTopicsOutput } from '../../../model/generated/sns-types.js';
import { pageAfter, type SnsHandler } from '../context.js';

export const listTopics: SnsHandler<ListTopicsInput, ListTopicsOutput> = async (deps, ctx, input) => {
  const topics = deps.store.topicsWithPrefix(`arn:aws:sns:${ctx.region}:${ctx.accountId}:`);
  const { page, next } = pageAfter(topics, (t) => t.arn, input.NextToken, 100);
  return { Topics: page.map((t) => ({ TopicArn: t.arn })), ...(next === undefined ? {} : { NextToken: next }) };
};
