/**
 * Platform applications (mobile push): stored and listed with their attributes, so tools that
 * manage them work. Credentials (PlatformCredential, PlatformPrincipal) are kept but not
 * returned, as SNS does not return them; nothing is sent to APNs/FCM.
 * https://docs.aws.amazon.com/sns/latest/api/API_CreatePlatformApplication.html
 */
import type {
  CreatePlatformApplicationInput, CreatePlatformApplicationOutput, DeletePlatformApplicationInput, DeletePlatformApplicationOutput,
  GetPlatformApplicationAttributesInput, GetPlatformApplicationAttributesOutput, ListPlatformApplicationsInput, ListPlatformApplicationsOutput,
  SetPlatformApplicationAttributesInput, SetPlatformApplicationAttributesOutput,
} from '../../../model/generated/sns-types.js';
import { inApplicationTurn, pageAfter, type SnsDeps, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';
import type { ApplicationRecord } from '../records.js';

const PLATFORMS = ['ADM', 'APNS', 'APNS_SANDBOX', 'APNS_VOIP', 'APNS_VOIP_SANDBOX', 'BAIDU', 'GCM', 'MACOS', 'MACOS_SANDBOX', 'MPNS', 'WNS'];
const SECRET = new Set(['PlatformCredential', 'PlatformPrincipal']);
const NAME = /^[A-Za-z0-9_.-]{1,256}$/;

export function applicationOf(deps: SnsDeps, arn: string): ApplicationRecord {
  if (!/^arn:aws:sns:[a-z0-9-]+:\d{12}:app\/[A-Z_]+\/[A-Za-z0-9_.-]+$/.test(arn)) throw snsErrors.invalid('PlatformApplicationArn');
  const app = deps.store.application(arn);
  if (app === undefined) throw snsErrors.applicationNotFound();
  return app;
}

const visible = (attributes: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(attributes).filter(([k]) => !SECRET.has(k)));

export const createPlatformApplication: SnsHandler<CreatePlatformApplicationInput, CreatePlatformApplicationOutput> = async (deps, ctx, input) => {
  if (!NAME.test(input.Name)) throw snsErrors.invalid('Name', 'Invalid platform application name');
  if (!PLATFORMS.includes(input.Platform)) throw snsErrors.invalid('Platform', `Unsupported Platform: ${input.Platform}`);
  const arn = `arn:aws:sns:${ctx.region}:${ctx.accountId}:app/${input.Platform}/${input.Name}`;
  await deps.store.putApplication({ arn, name: input.Name, platform: input.Platform, attributes: { Enabled: 'true', ...input.Attributes } });
  return { PlatformApplicationArn: arn };
};

export const deletePlatformApplication: SnsHandler<DeletePlatformApplicationInput, DeletePlatformApplicationOutput> = inApplicationTurn((_deps, input) => input.PlatformApplicationArn, async (deps, _ctx, input) => {
  if (deps.store.application(input.PlatformApplicationArn) !== undefined) await deps.store.deleteApplication(input.PlatformApplicationArn);
  return {};
});

export const getPlatformApplicationAttributes: SnsHandler<GetPlatformApplicationAttributesInput, GetPlatformApplicationAttributesOutput> = async (deps, _ctx, input) => {
  return { Attributes: visible(applicationOf(deps, input.PlatformApplicationArn).attributes) };
};

export const setPlatformApplicationAttributes: SnsHandler<SetPlatformApplicationAttributesInput, SetPlatformApplicationAttributesOutput> = inApplicationTurn((_deps, input) => input.PlatformApplicationArn, async (deps, _ctx, input) => {
  const app = applicationOf(deps, input.PlatformApplicationArn);
  await deps.store.putApplication({ ...app, attributes: { ...app.attributes, ...input.Attributes } });
  return {};
});

export const listPlatformApplications: SnsHandler<ListPlatformApplicationsInput, ListPlatformApplicationsOutput> = async (deps, ctx, input) => {
  const apps = deps.store.applicationsWithPrefix(`arn:aws:sns:${ctx.region}:${ctx.accountId}:app/`);
  const { page, next } = pageAfter(apps, (a) => a.arn, input.NextToken, 100);
  return {
    PlatformApplications: page.map((a) => ({ PlatformApplicationArn: a.arn, Attributes: visible(a.attributes) })),
    ...(next === undefined ? {} : { NextToken: next }),
  };
};
