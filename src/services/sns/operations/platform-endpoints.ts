/**
 * Platform endpoints (devices of a platform application): stored and listed. CreatePlatformEndpoint
 * is idempotent for the same token and attributes, as in SNS. Publishing to one is captured
 * under the `virtual` gate (publish.ts).
 * https://docs.aws.amazon.com/sns/latest/api/API_CreatePlatformEndpoint.html
 */
import { randomUUID } from 'node:crypto';
import type {
  CreatePlatformEndpointInput, CreatePlatformEndpointOutput, DeleteEndpointInput, DeleteEndpointOutput, GetEndpointAttributesInput,
  GetEndpointAttributesOutput, ListEndpointsByPlatformApplicationInput, ListEndpointsByPlatformApplicationOutput, SetEndpointAttributesInput,
  SetEndpointAttributesOutput,
} from '../../../model/generated/sns-types.js';
import { inApplicationTurn, pageAfter, type SnsDeps, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';
import type { EndpointRecord } from '../records.js';
import { applicationOf } from './platform-applications.js';

function endpointOf(deps: SnsDeps, arn: string): EndpointRecord {
  if (!/^arn:aws:sns:[a-z0-9-]+:\d{12}:endpoint\//.test(arn)) throw snsErrors.invalid('EndpointArn');
  const endpoint = deps.store.endpoint(arn);
  if (endpoint === undefined) throw snsErrors.endpointNotFound();
  return endpoint;
}

export const createPlatformEndpoint: SnsHandler<CreatePlatformEndpointInput, CreatePlatformEndpointOutput> = inApplicationTurn((_deps, input) => input.PlatformApplicationArn, async (deps, _ctx, input) => {
  const app = applicationOf(deps, input.PlatformApplicationArn);
  if (input.Token === '') throw snsErrors.invalid('Token');
  const attributes: Record<string, string> = { Enabled: 'true', ...input.Attributes, Token: input.Token };
  if (input.CustomUserData !== undefined) attributes.CustomUserData = input.CustomUserData;
  const existing = deps.store.endpointsOf(app.arn).find((e) => e.attributes.Token === input.Token);
  if (existing !== undefined) {
    const same = Object.entries(attributes).every(([k, v]) => existing.attributes[k] === v);
    if (!same) throw snsErrors.invalid('Token', `Endpoint ${existing.arn} already exists with the same Token, but different attributes.`);
    return { EndpointArn: existing.arn };
  }
  const arn = app.arn.replace(':app/', ':endpoint/').replace(/\/[^/]+$/, `/${app.name}/${randomUUID()}`);
  await deps.store.putEndpoint({ arn, applicationArn: app.arn, attributes });
  return { EndpointArn: arn };
});

export const deleteEndpoint: SnsHandler<DeleteEndpointInput, DeleteEndpointOutput> = inApplicationTurn((deps, input) => deps.store.endpoint(input.EndpointArn)?.applicationArn ?? input.EndpointArn, async (deps, _ctx, input) => {
  if (deps.store.endpoint(input.EndpointArn) !== undefined) await deps.store.deleteEndpoint(input.EndpointArn);
  return {};
});

export const getEndpointAttributes: SnsHandler<GetEndpointAttributesInput, GetEndpointAttributesOutput> = async (deps, _ctx, input) => {
  return { Attributes: endpointOf(deps, input.EndpointArn).attributes };
};

export const setEndpointAttributes: SnsHandler<SetEndpointAttributesInput, SetEndpointAttributesOutput> = inApplicationTurn((deps, input) => deps.store.endpoint(input.EndpointArn)?.applicationArn ?? input.EndpointArn, async (deps, _ctx, input) => {
  const endpoint = endpointOf(deps, input.EndpointArn);
  await deps.store.putEndpoint({ ...endpoint, attributes: { ...endpoint.attributes, ...input.Attributes } });
  return {};
});

export const listEndpointsByPlatformApplication: SnsHandler<ListEndpointsByPlatformApplicationInput, ListEndpointsByPlatformApplicationOutput> = async (deps, _ctx, input) => {
  const app = applicationOf(deps, input.PlatformApplicationArn);
  const { page, next } = pageAfter(deps.store.endpointsOf(app.arn), (e) => e.arn, input.NextToken, 100);
  return { Endpoints: page.map((e) => ({ EndpointArn: e.arn, Attributes: e.attributes })), ...(next === undefined ? {} : { NextToken: next }) };
};
