/**
 * The SNS service: its operation table, and the parts every handler shares — the store (loaded
 * once into memory), the deliverer (fan-out to SQS in process, the durable HTTP outbox, the
 * captured outbox of the `virtual` gate), the SMS settings and the signing key. Every
 * operation of the model is listed here.
 */
import type { SqsInternalApi } from '../sqs/internal-api.js';
import model from '../../model/generated/sns.js';
import { requiredMembersCheck } from '../required-members.js';
import type { Service, ServiceDeps } from '../types.js';
import type { SnsDeps, SnsHandler } from './context.js';
import { CapturedOutbox } from './delivery/captured.js';
import { Deliverer } from './delivery/deliverer.js';
import { FifoState } from './fifo.js';
import type { SnsInternalApi } from './internal-api.js';
import { Signer } from './signing.js';
import { SnsStore } from './store.js';
import { confirmSubscription } from './operations/confirm-subscription.js';
import { createTopic } from './operations/create-topic.js';
import { getDataProtectionPolicy, putDataProtectionPolicy } from './operations/data-protection-policy.js';
import { deleteTopic } from './operations/delete-topic.js';
import { listSubscriptions, listSubscriptionsByTopic } from './operations/list-subscriptions.js';
import { listTopics } from './operations/list-topics.js';
import { addPermission, removePermission } from './operations/permissions.js';
import {
  createPlatformApplication, deletePlatformApplication, getPlatformApplicationAttributes, listPlatformApplications, setPlatformApplicationAttributes,
} from './operations/platform-applications.js';
import {
  createPlatformEndpoint, deleteEndpoint, getEndpointAttributes, listEndpointsByPlatformApplication, setEndpointAttributes,
} from './operations/platform-endpoints.js';
import { publish } from './operations/publish.js';
import { publishBatch } from './operations/publish-batch.js';
import { subscribe } from './operations/subscribe.js';
import { getSubscriptionAttributes, setSubscriptionAttributes } from './operations/subscription-attributes.js';
import { listTagsForResource, tagResource, untagResource } from './operations/tags.js';
import { getTopicAttributes, setTopicAttributes } from './operations/topic-attributes.js';
import { unsubscribe } from './operations/unsubscribe.js';

import {
  checkIfPhoneNumberIsOptedOut, createSMSSandboxPhoneNumber, deleteSMSSandboxPhoneNumber, getSMSAttributes, getSMSSandboxAccountStatus,
  listOriginationNumbers, listPhoneNumbersOptedOut, listSMSSandboxPhoneNumbers, optInPhoneNumber, setSMSAttributes, verifySMSSandboxPhoneNumber,
} from './operations/sms.js';
import { SmsSettingsStore } from './sms-settings.js';
import { MessageArchive } from './archive/message-archive.js';
import { Replayer } from './archive/replayer.js';
import { SharedBackgroundWork } from './shared-background-work.js';

// The table erases each handler's own input/output types; the gateway passes decoded input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const HANDLERS: Record<string, SnsHandler<any, any>> = {
  CreateTopic: createTopic, DeleteTopic: deleteTopic, ListTopics: listTopics,
  GetTopicAttributes: getTopicAttributes, SetTopicAttributes: setTopicAttributes,
  TagResource: tagResource, UntagResource: untagResource, ListTagsForResource: listTagsForResource,
  AddPermission: addPermission, RemovePermission: removePermission,
  GetDataProtectionPolicy: getDataProtectionPolicy, PutDataProtectionPolicy: putDataProtectionPolicy,
  Subscribe: subscribe, ConfirmSubscription: confirmSubscription, Unsubscribe: unsubscribe,
  ListSubscriptions: listSubscriptions, ListSubscriptionsByTopic: listSubscriptionsByTopic,
  GetSubscriptionAttributes: getSubscriptionAttributes, SetSubscriptionAttributes: setSubscriptionAttributes,
  Publish: publish, PublishBatch: publishBatch,
  CreatePlatformApplication: createPlatformApplication, DeletePlatformApplication: deletePlatformApplication,
  GetPlatformApplicationAttributes: getPlatformApplicationAttributes, SetPlatformApplicationAttributes: setPlatformApplicationAttributes,
  ListPlatformApplications: listPlatformApplications,
  CreatePlatformEndpoint: createPlatformEndpoint, DeleteEndpoint: deleteEndpoint, GetEndpointAttributes: getEndpointAttributes,
  SetEndpointAttributes: setEndpointAttributes, ListEndpointsByPlatformApplication: listEndpointsByPlatformApplication,
  SetSMSAttributes: setSMSAttributes, GetSMSAttributes: getSMSAttributes, CheckIfPhoneNumberIsOptedOut: checkIfPhoneNumberIsOptedOut,
  ListPhoneNumbersOptedOut: listPhoneNumbersOptedOut, OptInPhoneNumber: optInPhoneNumber, GetSMSSandboxAccountStatus: getSMSSandboxAccountStatus,
  CreateSMSSandboxPhoneNumber: createSMSSandboxPhoneNumber, VerifySMSSandboxPhoneNumber: verifySMSSandboxPhoneNumber,
  DeleteSMSSandboxPhoneNumber: deleteSMSSandboxPhoneNumber, ListSMSSandboxPhoneNumbers: listSMSSandboxPhoneNumbers,
  ListOriginationNumbers: listOriginationNumbers,
};

export const implementedOperations: readonly string[] = Object.keys(HANDLERS);

export async function createSnsService(deps: ServiceDeps): Promise<Service> {
  const store = await SnsStore.open(deps.meta);
  const captured = await CapturedOutbox.open(deps.meta);
  let signer: Promise<Signer> | undefined;
  const signerOf = (): Promise<Signer> => (signer ??= Signer.open(deps.meta));
  // SQS is created on the first delivery, not with SNS (an idle emulator loads no service code).
  const sqsOf = async (): Promise<SqsInternalApi | undefined> => (await deps.peer?.('sqs'))?.internal as SqsInternalApi | undefined;
  // One marker for two kinds of work (the HTTP outbox, replays): it goes once both have drained.
  const work = deps.backgroundWork === undefined ? undefined : new SharedBackgroundWork(deps.backgroundWork, ['outbox', 'replays']);
  const deliverer = new Deliverer({
    store, log: deps.log, features: deps.features, signer: signerOf, sqs: sqsOf, captured,
    ...(work && { markBackgroundWork: () => work.mark('outbox'), backgroundWorkDrained: () => work.drained('outbox') }),
  });
  await deliverer.http.open();
  const archive = new MessageArchive(deps.meta, deps.log, (arn) => store.topic(arn));
  const replayer = new Replayer({
    meta: deps.meta, store, archive, deliverer, log: deps.log,
    ...(work && { mark: () => work.mark('replays'), drained: () => work.drained('replays') }),
  });
  await replayer.open();
  archive.start();
  const sns: SnsDeps = {
    store, features: deps.features, log: deps.log, deliverer, captured, fifo: await FifoState.open(deps.meta), sms: new SmsSettingsStore(deps.meta),
    archive, replayer,
  };
  const operations: Service['operations'] = {};
  const missingMembers = requiredMembersCheck(model);
  for (const [name, handler] of Object.entries(HANDLERS)) {
    operations[name] = (ctx, input) => {
      const missing = missingMembers(name, input);
      return missing === undefined ? handler(sns, ctx, input) : Promise.reject(missing);
    };
  }
  const internal: SnsInternalApi = {
    certificate: async (file) => {
      const s = await signerOf();
      return file === s.certificateFile ? s.certificatePem : undefined;
    },
    captured: () => captured.list(),
    finishBody: (head) => deliverer.finishBody(head),
  };
  return {
    operations, internal,
    close: () => {
      replayer.close();
      archive.close();
      return deliverer.close();
    },
  };
}
