/**
 * SMS settings and the SMS sandbox through @aws-sdk/client-sns: attributes set, read, validated
 * and reset with empty values (as Terraform's aws_sns_sms_preferences deletes), the opt-out list,
 * and a sandbox number verified with the one-time password read from the `virtual` outbox.
 * Without the gate, sending that password is NotImplemented.
 */
import test from 'ava';
import {
  CheckIfPhoneNumberIsOptedOutCommand, CreateSMSSandboxPhoneNumberCommand, DeleteSMSSandboxPhoneNumberCommand, GetSMSAttributesCommand,
  GetSMSSandboxAccountStatusCommand, ListOriginationNumbersCommand, ListPhoneNumbersOptedOutCommand, ListSMSSandboxPhoneNumbersCommand,
  OptInPhoneNumberCommand, SetSMSAttributesCommand, SNSClient, VerifySMSSandboxPhoneNumberCommand,
} from '@aws-sdk/client-sns';
import { CREDENTIALS, startBoltstack } from '../../helpers/server.js';
import { snsClient } from '../../helpers/sns.js';
import type { Boltstack } from '../../../src/index.js';

let server: Boltstack;
let strict: Boltstack;
let sns: SNSClient;
let strictSns: SNSClient;
test.before(async () => {
  server = await startBoltstack({ features: ['virtual'] });
  strict = await startBoltstack();
  sns = snsClient(server.endpoint);
  strictSns = new SNSClient({ endpoint: strict.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
});
test.after.always(async () => {
  sns?.destroy();
  strictSns?.destroy();
  await server?.stop();
  await strict?.stop();
});

interface SdkError { name: string; message: string; $metadata: { httpStatusCode?: number } }

test('SMS attributes: defaults, set, filtered read, validation, reset by empty values', async (t) => {
  const client = new SNSClient({ endpoint: server.endpoint, region: 'eu-west-1', credentials: { accessKeyId: '123456789012', secretAccessKey: 'x' } });
  t.deepEqual((await client.send(new GetSMSAttributesCommand({}))).attributes, { MonthlySpendLimit: '1' });
  await client.send(new SetSMSAttributesCommand({ attributes: { DefaultSMSType: 'Transactional', DeliveryStatusSuccessSamplingRate: '100', MonthlySpendLimit: '10', DefaultSenderID: 'boltstack' } }));
  t.deepEqual((await client.send(new GetSMSAttributesCommand({}))).attributes,
    { MonthlySpendLimit: '10', DefaultSMSType: 'Transactional', DeliveryStatusSuccessSamplingRate: '100', DefaultSenderID: 'boltstack' });
  t.deepEqual((await client.send(new GetSMSAttributesCommand({ attributes: ['DefaultSMSType', 'UsageReportS3Bucket'] }))).attributes, { DefaultSMSType: 'Transactional' });
  const invalid: Array<Record<string, string>> = [{ DefaultSMSType: 'Cheap' }, { DeliveryStatusSuccessSamplingRate: '101' }, { Unknown: 'x' }];
  for (const attributes of invalid) {
    const err = await t.throwsAsync(client.send(new SetSMSAttributesCommand({ attributes }))) as unknown as SdkError;
    t.is(err.name, 'InvalidParameterException');
    t.is(err.$metadata.httpStatusCode, 400);
  }
  // Another account or Region sees its own settings.
  t.deepEqual((await sns.send(new GetSMSAttributesCommand({}))).attributes, { MonthlySpendLimit: '1' });
  await client.send(new SetSMSAttributesCommand({ attributes: Object.fromEntries(['DefaultSMSType', 'DeliveryStatusSuccessSamplingRate', 'MonthlySpendLimit', 'DefaultSenderID', 'DeliveryStatusIAMRole', 'UsageReportS3Bucket'].map((k) => [k, ''])) }));
  t.deepEqual((await client.send(new GetSMSAttributesCommand({}))).attributes, { MonthlySpendLimit: '1' });
  client.destroy();
});

test('opt-out list: nobody is opted out, opting in is accepted, bad numbers refused', async (t) => {
  t.false((await sns.send(new CheckIfPhoneNumberIsOptedOutCommand({ phoneNumber: '+15555550100' }))).isOptedOut);
  t.deepEqual((await sns.send(new ListPhoneNumbersOptedOutCommand({}))).phoneNumbers, []);
  await sns.send(new OptInPhoneNumberCommand({ phoneNumber: '+15555550100' }));
  const err = await t.throwsAsync(sns.send(new CheckIfPhoneNumberIsOptedOutCommand({ phoneNumber: 'call me' }))) as unknown as SdkError;
  t.is(err.name, 'InvalidParameterException');
  t.deepEqual((await sns.send(new ListOriginationNumbersCommand({}))).PhoneNumbers, []);
  t.false((await sns.send(new GetSMSSandboxAccountStatusCommand({}))).IsInSandbox);
});

test('sandbox number: created Pending, its password captured in the outbox, verified, listed, deleted', async (t) => {
  const PhoneNumber = '+15555550123';
  await sns.send(new CreateSMSSandboxPhoneNumberCommand({ PhoneNumber, LanguageCode: 'en-GB' }));
  t.deepEqual((await sns.send(new ListSMSSandboxPhoneNumbersCommand({}))).PhoneNumbers, [{ PhoneNumber, Status: 'Pending' }]);
  const { deliveries } = await (await fetch(`${server.endpoint}/_boltstack/sns/outbox`)).json() as { deliveries: Array<{ protocol: string; endpoint: string; message: string }> };
  const sms = deliveries.filter((d) => d.protocol === 'sms' && d.endpoint === PhoneNumber);
  t.is(sms.length, 1);
  const otp = /(\d{6})/.exec(sms[0]!.message)![1]!;
  const wrong = await t.throwsAsync(sns.send(new VerifySMSSandboxPhoneNumberCommand({ PhoneNumber, OneTimePassword: otp === '000000' ? '111111' : '000000' }))) as unknown as SdkError;
  t.is(wrong.name, 'VerificationException');
  const missing = await t.throwsAsync(sns.send(new VerifySMSSandboxPhoneNumberCommand({ PhoneNumber: '+15555550199', OneTimePassword: otp }))) as unknown as SdkError;
  t.is(missing.name, 'ResourceNotFoundException');
  t.is(missing.$metadata.httpStatusCode, 404);
  await sns.send(new VerifySMSSandboxPhoneNumberCommand({ PhoneNumber, OneTimePassword: otp }));
  t.deepEqual((await sns.send(new ListSMSSandboxPhoneNumbersCommand({}))).PhoneNumbers, [{ PhoneNumber, Status: 'Verified' }]);
  await sns.send(new DeleteSMSSandboxPhoneNumberCommand({ PhoneNumber }));
  t.deepEqual((await sns.send(new ListSMSSandboxPhoneNumbersCommand({}))).PhoneNumbers, []);
  const gone = await t.throwsAsync(sns.send(new DeleteSMSSandboxPhoneNumberCommand({ PhoneNumber }))) as unknown as SdkError;
  t.is(gone.name, 'ResourceNotFoundException');
});

test('without the virtual gate, a sandbox number cannot be created (its password would need an SMS)', async (t) => {
  const err = await t.throwsAsync(strictSns.send(new CreateSMSSandboxPhoneNumberCommand({ PhoneNumber: '+15555550123' }))) as unknown as SdkError;
  t.is(err.$metadata.httpStatusCode, 501);
  t.regex(err.message, /one-time password/);
});
