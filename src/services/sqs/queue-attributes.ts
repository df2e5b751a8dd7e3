/**
 * Queue attributes: which exist, which a caller may set (and on which queue type), their ranges
 * and defaults, and how GetQueueAttributes renders them. Only what a caller set is stored
 * (records.ts); defaults and the Approximate* counters are computed when asked.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
 */
import { answeredAccessPolicy } from './access-policy.js';
import { sqsErrors } from './errors.js';
import { parseQueueArn } from './names.js';

type Check = (name: string, value: string) => void;

function intRange(min: number, max: number): Check {
  return (name, value) => {
    if (!/^-?\d+$/.test(value.trim())) throw sqsErrors.invalidAttributeValue(name);
    const n = Number(value);
    if (n < min || n > max) throw sqsErrors.invalidAttributeValue(name);
  };
}

const oneOf = (...values: string[]): Check => (name, value) => {
  if (!values.includes(value)) throw sqsErrors.invalidAttributeValue(name);
};

const bool: Check = (name, value) => {
  if (value.toLowerCase() !== 'true' && value.toLowerCase() !== 'false') throw sqsErrors.invalidAttributeValue(name);
};

function json(name: string, value: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(value) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch { /* answered below */ }
  throw sqsErrors.invalidAttributeValue(name, 'failed to parse JSON.');
}

const policy: Check = (name, value) => { if (value !== '') json(name, value); };

const redrivePolicy: Check = (name, value) => {
  if (value === '') return;
  const p = json(name, value);
  const invalid = (reason: string): Error => sqsErrors.invalidValue(value, name, reason);
  for (const key of Object.keys(p)) {
    if (key !== 'deadLetterTargetArn' && key !== 'maxReceiveCount') throw invalid(`Only following attributes are supported: [deadLetterTargetArn, maxReceiveCount].`);
  }
  if (p.deadLetterTargetArn === undefined) throw invalid('Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
  if (p.maxReceiveCount === undefined) throw invalid('Redrive policy does not contain mandatory attribute: maxReceiveCount.');
  if (typeof p.deadLetterTargetArn !== 'string' || parseQueueArn(p.deadLetterTargetArn) === undefined) throw invalid('Invalid value for deadLetterTargetArn.');
  const count = Number(p.maxReceiveCount);
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw invalid(`Invalid value for maxReceiveCount: ${String(p.maxReceiveCount)}, valid values are from 1 to 1000 both inclusive.`);
  }
};

const redriveAllowPolicy: Check = (name, value) => {
  if (value === '') return;
  const p = json(name, value);
  const invalid = (reason: string): Error => sqsErrors.invalidValue(value, name, reason);
  const permission = p.redrivePermission;
  if (permission !== 'allowAll' && permission !== 'denyAll' && permission !== 'byQueue') {
    throw invalid('Amazon SQS can\'t create the redrive allow policy, as it’s in an unsupported format.');
  }
  const sources = p.sourceQueueArns;
  if (permission === 'byQueue') {
    if (!Array.isArray(sources) || sources.length === 0 || sources.length > 10 || !sources.every((a) => typeof a === 'string' && parseQueueArn(a) !== undefined)) {
      throw invalid('Amazon SQS can\'t create the redrive allow policy. When you specify the byQueue permission type, you must also specify one or more sourceQueueArns values (up to 10).');
    }
  } else if (sources !== undefined) {
    throw invalid(`Amazon SQS can't create the redrive allow policy. When you specify the ${permission} permission type, you can't also specify sourceQueueArns values.`);
  }
};

interface Definition {
  check: Check;
  /** Settable only on FIFO queues. */
  fifoOnly?: boolean;
  /** Settable at creation only. */
  createOnly?: boolean;
}

/** Attributes a caller may set, with their rules. */
const SETTABLE: Record<string, Definition> = {
  DelaySeconds: { check: intRange(0, 900) },
  MaximumMessageSize: { check: intRange(1024, 1_048_576) },
  MessageRetentionPeriod: { check: intRange(60, 1_209_600) },
  Policy: { check: policy },
  ReceiveMessageWaitTimeSeconds: { check: intRange(0, 20) },
  VisibilityTimeout: { check: intRange(0, 43_200) },
  RedrivePolicy: { check: redrivePolicy },
  RedriveAllowPolicy: { check: redriveAllowPolicy },
  KmsMasterKeyId: { check: () => undefined },
  KmsDataKeyReusePeriodSeconds: { check: intRange(60, 86_400) },
  SqsManagedSseEnabled: { check: bool },
  FifoQueue: { check: bool, createOnly: true },
  ContentBasedDeduplication: { check: bool, fifoOnly: true },
  DeduplicationScope: { check: oneOf('messageGroup', 'queue'), fifoOnly: true },
  FifoThroughputLimit: { check: oneOf('perQueue', 'perMessageGroupId'), fifoOnly: true },
};

/** Read-only attributes: GetQueueAttributes names them, Create/SetQueueAttributes refuse them. */
const READ_ONLY = [
  'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp', 'LastModifiedTimestamp', 'QueueArn',
];

export const DEFAULTS: Record<string, string> = {
  DelaySeconds: '0',
  MaximumMessageSize: '1048576',
  MessageRetentionPeriod: '345600',
  ReceiveMessageWaitTimeSeconds: '0',
  VisibilityTimeout: '30',
};

/** In the order GetQueueAttributes lists them (allAttributes). */
const FIFO_DEFAULTS: Record<string, string> = {
  DeduplicationScope: 'queue',
  FifoThroughputLimit: 'perQueue',
  ContentBasedDeduplication: 'false',
};

/**
 * AWS answers the policies as compact JSON with maxReceiveCount a number, whatever
 * spacing or string numbers were sent (Terraform compares them as strings: no drift on refresh).
 */
function normalise(name: string, value: string): string {
  if (value === '') return value;
  // The access policy too, its Condition operators in AWS's order (access-policy.ts).
  if (name === 'Policy') return answeredAccessPolicy(value);
  if (name === 'RedrivePolicy') {
    const p = JSON.parse(value) as { deadLetterTargetArn: string; maxReceiveCount: number | string };
    return JSON.stringify({ deadLetterTargetArn: p.deadLetterTargetArn, maxReceiveCount: Number(p.maxReceiveCount) });
  }
  if (name === 'RedriveAllowPolicy') {
    const p = JSON.parse(value) as { redrivePermission: string; sourceQueueArns?: string[] };
    return JSON.stringify(p.sourceQueueArns === undefined ? { redrivePermission: p.redrivePermission } : { redrivePermission: p.redrivePermission, sourceQueueArns: p.sourceQueueArns });
  }
  return value;
}

/** Validates attributes for CreateQueue (create: true) or SetQueueAttributes; returns them normalised. */
export function validateAttributes(attributes: Record<string, string>, fifo: boolean, create: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    // Own names only: `__proto__` or `constructor` would find Object.prototype's (hostile25: a 500).
    const def = Object.hasOwn(SETTABLE, name) ? SETTABLE[name] : undefined;
    if (def === undefined) throw sqsErrors.invalidAttributeName(name);
    if (def.fifoOnly === true && !fifo) {
      if (name === 'ContentBasedDeduplication') throw sqsErrors.invalidAttributeName(name);
      throw sqsErrors.invalidAttributeNameMessage(`You can specify the ${name} only when FifoQueue is set to true.`);
    }
    if (def.createOnly === true && !create) {
      if (!fifo) throw sqsErrors.invalidAttributeName(name);
      throw sqsErrors.invalidAttributeValue(name, 'Modifying queue type is not supported.');
    }
    def.check(name, value);
    out[name] = def.check === bool ? value.toLowerCase() : normalise(name, value);
  }
  if (fifo && (out.FifoThroughputLimit === 'perMessageGroupId') && (out.DeduplicationScope ?? 'queue') === 'queue' && create) {
    throw sqsErrors.invalidAttributeValue('FifoThroughputLimit', 'The perMessageGroupId value is allowed only when the value for DeduplicationScope is messageGroup.');
  }
  // Both kinds of server-side encryption in one call: AWS's answer in localstack
  // tests/aws/services/sqs/test_sqs.snapshot.json, test_sse_kms_and_sqs_are_mutually_exclusive, 2023-11-14.
  if (out.SqsManagedSseEnabled === 'true' && (out.KmsMasterKeyId ?? '') !== '') {
    throw sqsErrors.invalidAttributeNameMessage('You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.');
  }
  // FifoQueue is the queue's type, not a stored setting.
  delete out.FifoQueue;
  return out;
}

/** Attribute names GetQueueAttributes accepts: everything settable and read-only, and All. */
export function isKnownAttribute(name: string): boolean {
  // Own names only: `constructor` or `__proto__` would find Object.prototype's (hostile pass 26:
  // GetQueueAttributes answered 200 with no attributes instead of InvalidAttributeName).
  return name === 'All' || READ_ONLY.includes(name) || Object.hasOwn(SETTABLE, name);
}

export interface Counters { visible: number; notVisible: number; delayed: number }

/**
 * Every attribute of a queue, in the order AWS lists them: the policies between DelaySeconds and
 * ReceiveMessageWaitTimeSeconds, a FIFO queue's own last with ContentBasedDeduplication at the end
 * (radkawar/stackd testdata/aws/sqs/fifo_redrive_late_arrival.json waiting_poison_*, queue_metrics.json
 * after-three-receive-transfer-source, 2026-09; the GetQueueAttributes example of the API reference
 * puts Policy and RedriveAllowPolicy there too). The AWS CLI prints them in this order.
 */
export function allAttributes(q: { fifo: boolean; created: number; modified: number; attributes: Record<string, string>; arn: string }, counters: Counters): Record<string, string> {
  const set = q.attributes;
  const out: Record<string, string> = {
    QueueArn: q.arn,
    ApproximateNumberOfMessages: String(counters.visible),
    ApproximateNumberOfMessagesNotVisible: String(counters.notVisible),
    ApproximateNumberOfMessagesDelayed: String(counters.delayed),
    CreatedTimestamp: String(q.created),
    LastModifiedTimestamp: String(q.modified),
    VisibilityTimeout: set.VisibilityTimeout ?? DEFAULTS.VisibilityTimeout!,
    MaximumMessageSize: set.MaximumMessageSize ?? DEFAULTS.MaximumMessageSize!,
    MessageRetentionPeriod: set.MessageRetentionPeriod ?? DEFAULTS.MessageRetentionPeriod!,
    DelaySeconds: set.DelaySeconds ?? DEFAULTS.DelaySeconds!,
  };
  for (const name of ['Policy', 'RedrivePolicy', 'RedriveAllowPolicy']) if (set[name] !== undefined && set[name] !== '') out[name] = set[name]!;
  out.ReceiveMessageWaitTimeSeconds = set.ReceiveMessageWaitTimeSeconds ?? DEFAULTS.ReceiveMessageWaitTimeSeconds!;
  // SSE: SQS-managed encryption is on by default; a KMS key turns it off and has a reuse period.
  if (set.KmsMasterKeyId !== undefined && set.KmsMasterKeyId !== '') {
    out.KmsMasterKeyId = set.KmsMasterKeyId;
    out.KmsDataKeyReusePeriodSeconds = set.KmsDataKeyReusePeriodSeconds ?? '300';
    out.SqsManagedSseEnabled = set.SqsManagedSseEnabled ?? 'false';
  } else {
    out.SqsManagedSseEnabled = set.SqsManagedSseEnabled ?? 'true';
  }
  if (q.fifo) {
    out.FifoQueue = 'true';
    for (const [name, value] of Object.entries(FIFO_DEFAULTS)) out[name] = set[name] ?? value;
  }
  return out;
}

/** The value CreateQueue compares for idempotency: what the queue has now for `name`. */
export function effectiveValue(q: { fifo: boolean; attributes: Record<string, string> }, name: string): string | undefined {
  if (name === 'FifoQueue') return q.fifo ? 'true' : 'false';
  return q.attributes[name] ?? DEFAULTS[name] ?? (q.fifo ? FIFO_DEFAULTS[name] : undefined) ?? (name === 'SqsManagedSseEnabled' ? (q.attributes.KmsMasterKeyId ? 'false' : 'true') : undefined);
}

export const intAttribute = (attributes: Record<string, string>, name: string): number => Number(attributes[name] ?? DEFAULTS[name]);
