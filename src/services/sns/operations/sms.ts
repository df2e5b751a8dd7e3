/**
 * The account's SMS settings and the SMS sandbox: SetSMSAttributes / GetSMSAttributes, the
 * opt-out list (CheckIfPhoneNumberIsOptedOut, ListPhoneNumbersOptedOut, OptInPhoneNumber), the
 * sandbox's destination numbers (Create/Verify/Delete/ListSMSSandboxPhoneNumbers,
 * GetSMSSandboxAccountStatus) and ListOriginationNumbers. Stored settings, per account and Region.
 *
 * boltstack sends no SMS: a sandbox number's one-time password is captured in the outbox under the
 * `virtual` gate (read it from GET /_boltstack/sns/outbox, then verify), and is NotImplemented
 * without it. Nobody can reply STOP, so no number is ever opted out; the account is reported out
 * of the sandbox because boltstack never limits SMS to verified numbers.
 * https://docs.aws.amazon.com/sns/latest/api/API_SetSMSAttributes.html
 */
import { randomInt, randomUUID } from 'node:crypto';
import { AwsError } from '../../../errors/aws-error.js';
import { notImplemented } from '../../../errors/common.js';
import type {
  CheckIfPhoneNumberIsOptedOutInput, CheckIfPhoneNumberIsOptedOutOutput, CreateSMSSandboxPhoneNumberInput, CreateSMSSandboxPhoneNumberOutput,
  DeleteSMSSandboxPhoneNumberInput, DeleteSMSSandboxPhoneNumberOutput, GetSMSAttributesInput, GetSMSAttributesOutput,
  GetSMSSandboxAccountStatusInput, GetSMSSandboxAccountStatusOutput, ListOriginationNumbersInput, ListOriginationNumbersOutput,
  ListPhoneNumbersOptedOutInput, ListPhoneNumbersOptedOutOutput, ListSMSSandboxPhoneNumbersInput, ListSMSSandboxPhoneNumbersOutput,
  OptInPhoneNumberInput, OptInPhoneNumberOutput, SetSMSAttributesInput, SetSMSAttributesOutput, VerifySMSSandboxPhoneNumberInput,
  VerifySMSSandboxPhoneNumberOutput,
} from '../../../model/generated/sns-types.js';
import { pageAfter, type SnsHandler } from '../context.js';
import { snsErrors } from '../errors.js';

/** The attributes SetSMSAttributes takes, and how each value is checked. */
const SMS_ATTRIBUTES: Record<string, (value: string) => boolean> = {
  MonthlySpendLimit: (v) => /^\d+$/.test(v),
  DeliveryStatusIAMRole: (v) => /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(v),
  DeliveryStatusSuccessSamplingRate: (v) => /^\d+$/.test(v) && Number(v) <= 100,
  DefaultSenderID: (v) => /^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/.test(v),
  DefaultSMSType: (v) => v === 'Promotional' || v === 'Transactional',
  UsageReportS3Bucket: (v) => /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v),
};

/** What GetSMSAttributes answers for an attribute never set: SNS's spend limit for a new account is 1 USD. */
const DEFAULTS: Record<string, string> = { MonthlySpendLimit: '1' };

/** E.164 as the opt-out operations take it. */
const E164 = /^\+?[1-9]\d{1,14}$/;
/** The sandbox operations' pattern (API reference): max 20 characters. */
const SANDBOX_NUMBER = /^(\+[0-9]{8,}|[0-9]{0,9})$/;
const LANGUAGE_CODES = ['en-US', 'en-GB', 'es-419', 'es-ES', 'de-DE', 'fr-CA', 'fr-FR', 'it-IT', 'ja-JP', 'pt-BR', 'kr-KR', 'zh-CN', 'zh-TW'];

function sandboxNumber(phoneNumber: string | undefined): string {
  if (phoneNumber === undefined || phoneNumber.length > 20 || !SANDBOX_NUMBER.test(phoneNumber)) throw snsErrors.invalid('PhoneNumber');
  return phoneNumber;
}

function maxResults(value: number | undefined, limit: number): number {
  if (value === undefined) return limit;
  if (!Number.isInteger(value) || value < 1 || value > limit) throw snsErrors.invalid('MaxResults');
  return value;
}

export const setSMSAttributes: SnsHandler<SetSMSAttributesInput, SetSMSAttributesOutput> = async (deps, ctx, input) => {
  const attributes = input.attributes ?? {};
  for (const [name, value] of Object.entries(attributes)) {
    // Own names only: `__proto__` or `constructor` would find Object.prototype's (hostile pass 26:
    // a 500, and a `constructor` attribute stored).
    const check = Object.hasOwn(SMS_ATTRIBUTES, name) ? SMS_ATTRIBUTES[name] : undefined;
    if (check === undefined) throw snsErrors.invalid(name);
    if (value !== '' && !check(value)) throw snsErrors.invalid(name);
  }
  const settings = await deps.sms.of(ctx.accountId, ctx.region);
  for (const [name, value] of Object.entries(attributes)) {
    // An empty value resets the attribute to its default (Terraform's provider deletes its SMS preferences so).
    if (value === '') delete settings.attributes[name];
    else settings.attributes[name] = value;
  }
  await deps.sms.save(ctx.accountId, ctx.region, settings);
  return {};
};

export const getSMSAttributes: SnsHandler<GetSMSAttributesInput, GetSMSAttributesOutput> = async (deps, ctx, input) => {
  const settings = await deps.sms.of(ctx.accountId, ctx.region);
  const all = { ...DEFAULTS, ...settings.attributes };
  const names = input.attributes === undefined || input.attributes.length === 0 ? Object.keys(all) : input.attributes;
  const attributes: Record<string, string> = {};
  for (const name of names) if (Object.hasOwn(all, name)) attributes[name] = all[name]!;
  return { attributes };
};

export const checkIfPhoneNumberIsOptedOut: SnsHandler<CheckIfPhoneNumberIsOptedOutInput, CheckIfPhoneNumberIsOptedOutOutput> = async (deps, ctx, input) => {
  if (input.phoneNumber === undefined || !E164.test(input.phoneNumber)) throw snsErrors.invalid('phoneNumber');
  const settings = await deps.sms.of(ctx.accountId, ctx.region);
  return { isOptedOut: settings.optedOut.includes(input.phoneNumber) };
};

export const listPhoneNumbersOptedOut: SnsHandler<ListPhoneNumbersOptedOutInput, ListPhoneNumbersOptedOutOutput> = async (deps, ctx, input) => {
  const settings = await deps.sms.of(ctx.accountId, ctx.region);
  const { page, next } = pageAfter([...settings.optedOut].sort(), (n) => n, input.nextToken, 100);
  return { phoneNumbers: page, ...(next === undefined ? {} : { nextToken: next }) };
};

export const optInPhoneNumber: SnsHandler<OptInPhoneNumberInput, OptInPhoneNumberOutput> = async (deps, ctx, input) => {
  if (input.phoneNumber === undefined || !E164.test(input.phoneNumber)) throw snsErrors.invalid('phoneNumber');
  const settings = await deps.sms.of(ctx.accountId, ctx.region);
  const at = settings.optedOut.indexOf(input.phoneNumber);
  if (at >= 0) {
    settings.optedOut.splice(at, 1);
    await deps.sms.save(ctx.accountId, ctx.region, settings);
  }
  return {};
};

export const getSMSSandboxAccountStatus: SnsHandler<GetSMSSandboxAccountStatusInput, GetSMSSandboxAccountStatusOutput> = async () => ({ IsInSandbox: false });

export const createSMSSandboxPhoneNumber: SnsHandler<CreateSMSSandboxPhoneNumberInput, CreateSMSSandboxPhoneNumberOutput> = async (deps, ctx, input) => {
  const phoneNumber = sandboxNumber(input.PhoneNumber);
  if (input.LanguageCode !== undefined && !LANGUAGE_CODES.includes(input.LanguageCode)) throw snsErrors.invalid('LanguageCode');
  if (!deps.features.has('virtual')) throw notImplemented('SNS', 'CreateSMSSandboxPhoneNumber', 'sending the one-time password by SMS');
  const settings = await deps.sms.of(ctx.accountId, ctx.region);
  if (settings.optedOut.includes(phoneNumber)) throw new AwsError({ code: 'OptedOut', status: 400, message: 'Phone number is opted out.' });
  const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const existing = settings.sandbox.find((n) => n.phoneNumber === phoneNumber);
  if (existing === undefined) settings.sandbox.push({ phoneNumber, status: 'Pending', otp });
  else if (existing.status === 'Pending') existing.otp = otp;
  await deps.sms.save(ctx.accountId, ctx.region, settings);
  if (existing?.status !== 'Verified') {
    await deps.captured.add([{ protocol: 'sms', endpoint: phoneNumber, messageId: randomUUID(), message: `Your Amazon SNS verification code is ${otp}.`, timestamp: new Date().toISOString() }]);
  }
  return {};
};

export const verifySMSSandboxPhoneNumber: SnsHandler<VerifySMSSandboxPhoneNumberInput, VerifySMSSandboxPhoneNumberOutput> = async (deps, ctx, input) => {
  const phoneNumber = sandboxNumber(input.PhoneNumber);
  if (input.OneTimePassword === undefined || !/^[0-9]{5,8}$/.test(input.OneTimePassword)) throw snsErrors.invalid('OneTimePassword');
  const settings = await deps.sms.of(ctx.accountId, ctx.region);
  const entry = settings.sandbox.find((n) => n.phoneNumber === phoneNumber);
  if (entry === undefined) throw snsErrors.resourceNotFound();
  if (entry.status === 'Verified') return {};
  if (entry.otp !== input.OneTimePassword) {
    throw new AwsError({ code: 'VerificationException', status: 400, message: 'Invalid one-time password.', fields: { Status: entry.status } });
  }
  entry.status = 'Verified';
  delete entry.otp;
  await deps.sms.save(ctx.accountId, ctx.region, settings);
  return {};
};

export const deleteSMSSandboxPhoneNumber: SnsHandler<DeleteSMSSandboxPhoneNumberInput, DeleteSMSSandboxPhoneNumberOutput> = async (deps, ctx, input) => {
  const phoneNumber = sandboxNumber(input.PhoneNumber);
  const settings = await deps.sms.of(ctx.accountId, ctx.region);
  const at = settings.sandbox.findIndex((n) => n.phoneNumber === phoneNumber);
  if (at < 0) throw snsErrors.resourceNotFound();
  settings.sandbox.splice(at, 1);
  await deps.sms.save(ctx.accountId, ctx.region, settings);
  return {};
};

export const listSMSSandboxPhoneNumbers: SnsHandler<ListSMSSandboxPhoneNumbersInput, ListSMSSandboxPhoneNumbersOutput> = async (deps, ctx, input) => {
  const size = maxResults(input.MaxResults, 100);
  const settings = await deps.sms.of(ctx.accountId, ctx.region);
  const sorted = [...settings.sandbox].sort((a, b) => (a.phoneNumber < b.phoneNumber ? -1 : 1));
  const { page, next } = pageAfter(sorted, (n) => n.phoneNumber, input.NextToken, size);
  return { PhoneNumbers: page.map((n) => ({ PhoneNumber: n.phoneNumber, Status: n.status })), ...(next === undefined ? {} : { NextToken: next }) };
};

/** The account owns no origination numbers: boltstack sends no SMS. */
export const listOriginationNumbers: SnsHandler<ListOriginationNumbersInput, ListOriginationNumbersOutput> = async (_deps, _ctx, input) => {
  maxResults(input.MaxResults, 30);
  return { PhoneNumbers: [] };
};
