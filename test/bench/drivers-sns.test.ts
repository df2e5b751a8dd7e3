/**
 * The SNS drivers (sdk and raw): request shape against a tiny in-process fake of SNS (query) and
 * SQS (json), and boltstack's answers (a missing topic's NotFound coming back as an error code
 * rather than thrown; publishes to a topic it created succeeding).
 */
import test from 'ava';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DriverFactory, Target, Workload } from '../../src/bench/types.js';
import snsSdk from '../../src/bench/drivers/sns/sdk.js';
import snsRaw from '../../src/bench/drivers/sns/raw.js';
import { startBoltstack, targetFor } from '../../src/bench/peers/servers.js';

interface Call { action: string; params: URLSearchParams; authorization: string }

const xml = (action: string, result: string): string =>
  `<${action}Response xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><${action}Result>${result}</${action}Result>`
  + `<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></${action}Response>`;

async function readAll(req: IncomingMessage): Promise<string> {
  let s = '';
  for await (const chunk of req) s += String(chunk);
  return s;
}

/** SNS CreateTopic/Subscribe/Publish/PublishBatch and SQS CreateQueue/GetQueueAttributes, recorded. */
async function fakeAws(calls: Call[]): Promise<{ server: Server; target: Target }> {
  const server = createServer((req, res) => {
    void readAll(req).then((body) => {
      const target = req.headers['x-amz-target'];
      if (typeof target === 'string') {
        const input = JSON.parse(body) as { QueueName?: string; QueueUrl?: string };
        res.setHeader('content-type', 'application/x-amz-json-1.0');
        const name = input.QueueName ?? input.QueueUrl?.split('/').pop();
        res.end(JSON.stringify(target.endsWith('CreateQueue') ? { QueueUrl: `http://fake/123456789012/${name}` } : { Attributes: { QueueArn: `arn:aws:sqs:us-east-1:123456789012:${name}` } }));
        return;
      }
      const params = new URLSearchParams(body);
      const action = params.get('Action') ?? '';
      calls.push({ action, params, authorization: String(req.headers.authorization) });
      res.setHeader('content-type', 'text/xml');
      if (action === 'CreateTopic') res.end(xml(action, `<TopicArn>arn:aws:sns:us-east-1:123456789012:${params.get('Name')}</TopicArn>`));
      else if (action === 'Subscribe') res.end(xml(action, '<SubscriptionArn>arn:aws:sns:us-east-1:123456789012:t:1</SubscriptionArn>'));
      else if (action === 'Publish') res.end(xml(action, '<MessageId>m1</MessageId>'));
      else if (params.get('PublishBatchRequestEntries.member.1.Message') === 'xx') {
        // A two-byte message marks the batch whose second entry the fake refuses.
        res.end(xml(action, '<Successful><member><Id>1</Id><MessageId>m1</MessageId></member></Successful>'
          + '<Failed><member><Id>2</Id><Code>InternalError</Code><Message>no</Message><SenderFault>false</SenderFault></member></Failed>'));
      } else res.end(xml(action, '<Successful><member><Id>1</Id><MessageId>m1</MessageId></member></Successful><Failed/>'));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { server, target: targetFor({ name: 'fake', endpoint: `http://127.0.0.1:${port}` }) };
}

function workload(options: Record<string, unknown>): Workload {
  return {
    name: 'sns-test', service: 'sns', mix: [{ op: 'publish', weight: 1 }], concurrency: 1, warmupSeconds: 0, rampSeconds: 0,
    size: { kind: 'fixed', bytes: 200 }, keys: { count: 1, prefix: 'm', prefixes: 1, preload: 0 }, options, seed: 1,
  };
}

const size = (n: number): { size: number; stream(): AsyncIterable<Uint8Array> } => ({ size: n, stream: async function* () { /* size only */ } });

for (const factory of [snsSdk, snsRaw] as DriverFactory[]) {
  test(`${factory.kind}: setup subscribes the queues; publish and publish-batch request shape`, async (t) => {
    const calls: Call[] = [];
    const { server, target } = await fakeAws(calls);
    const driver = await factory.create(target);
    try {
      await driver.setup(workload({ topic: 'fan', subscribers: [{ protocol: 'sqs', queue: 'a' }, { queue: 'b' }], rawMessageDelivery: true, batchSize: 3 }));
      t.deepEqual(calls.map((c) => c.action), ['CreateTopic', 'Subscribe', 'Subscribe']);
      t.is(calls[1]!.params.get('Endpoint'), 'arn:aws:sqs:us-east-1:123456789012:a');
      t.is(calls[2]!.params.get('Protocol'), 'sqs');
      t.is(calls[2]!.params.get('Attributes.entry.1.key'), 'RawMessageDelivery');

      t.deepEqual(await driver.run('publish', 0, undefined), { ok: true, bytes: 200 });
      const publish = calls[3]!;
      t.is(publish.action, 'Publish');
      t.is(publish.params.get('Version'), '2010-03-31');
      t.is(publish.params.get('TopicArn'), 'arn:aws:sns:us-east-1:123456789012:fan');
      t.is(publish.params.get('Message'), 'x'.repeat(200));
      t.regex(publish.authorization, /^AWS4-HMAC-SHA256 Credential=bench\/\d{8}\/us-east-1\/sns\/aws4_request, /);

      t.deepEqual(await driver.run('publish-batch', 0, undefined), { ok: true, bytes: 600 });
      const batch = calls[4]!;
      t.is(batch.action, 'PublishBatch');
      t.is(batch.params.get('PublishBatchRequestEntries.member.3.Message'), 'x'.repeat(200));
      t.is(batch.params.get('PublishBatchRequestEntries.member.4.Message'), null);
      t.deepEqual(await driver.run('publish-batch', 0, size(2)), { ok: false, bytes: 0, error: 'InternalError' });
      t.is((await driver.run('nope', 0, undefined)).error, 'UnknownOperation');
    } finally {
      await driver.close();
      server.close();
    }
  });

  test(`${factory.kind}: a count of subscribers names the queues after the topic`, async (t) => {
    const calls: Call[] = [];
    const { server, target } = await fakeAws(calls);
    const driver = await factory.create(target);
    try {
      await driver.setup(workload({ topic: 'fan', subscribers: 2 }));
      t.deepEqual(calls.slice(1).map((c) => c.params.get('Endpoint')), ['arn:aws:sqs:us-east-1:123456789012:fan-sub-1', 'arn:aws:sqs:us-east-1:123456789012:fan-sub-2']);
      t.is(calls[1]!.params.get('Attributes.entry.1.key'), null);
    } finally {
      await driver.close();
      server.close();
    }
  });
}

/** Runs `check` for each SNS driver against one ephemeral boltstack. */
async function againstBoltstack(check: (factory: DriverFactory, target: Target) => Promise<void>): Promise<void> {
  const boltstack = await startBoltstack();
  try {
    for (const factory of [snsSdk, snsRaw] as DriverFactory[]) await check(factory, targetFor(boltstack));
  } finally {
    await boltstack.stop();
  }
}

test('boltstack: publishing to a topic that does not exist returns NotFound, not thrown', async (t) => {
  await againstBoltstack(async (factory, target) => {
    const driver = await factory.create(target);
    try {
      // With an existing topic's ARN setup creates nothing; publishing meets the refusal.
      await driver.setup(workload({ topicArn: 'arn:aws:sns:us-east-1:000000000000:missing' }));
      for (const op of ['publish', 'publish-batch']) {
        const r = await driver.run(op, 0, undefined);
        t.false(r.ok, `${factory.kind} ${op}`);
        // The SDK names the modelled exception; the raw driver reads the wire code.
        t.is(r.error, factory.kind === 'sdk' ? 'NotFoundException' : 'NotFound', `${factory.kind} ${op}`);
      }
    } finally {
      await driver.close();
    }
  });
});

test('boltstack serves signed SNS calls: setup creates the topic, publish and publish-batch succeed', async (t) => {
  await againstBoltstack(async (factory, target) => {
    const driver = await factory.create(target);
    try {
      await driver.setup(workload({ topic: `fan-${factory.kind}` }));
      t.deepEqual(await driver.run('publish', 0, undefined), { ok: true, bytes: 200 }, factory.kind);
      const batch = await driver.run('publish-batch', 0, undefined);
      t.true(batch.ok, `${factory.kind} ${JSON.stringify(batch)}`);
    } finally {
      await driver.close();
    }
  });
});
