/**
 * Every operation of the json and query services, fed seeded random members (test/helpers/
 * model-inputs.ts: awkward values of the right type, and now and then a member of the wrong
 * type), against the real server. AWS answers each with a result or a 4xx error of its own shape;
 * so must boltstack: never a 500, a hang or a dropped connection. 501 is allowed only as the
 * NotImplemented answer naming what is not implemented (strict mode). The first run of this
 * (2026-12-06, about 7,000 requests) found TransactWriteItems without TransactItems answering
 * 500 InternalFailure.
 */
import test from 'ava';
import { loadModel } from '../../src/model/generated/index.js';
import type { ServiceModel, ServiceName } from '../../src/model/types.js';
import { ModelInputs, seededRandom } from '../helpers/model-inputs.js';
import { startBoltstack, tempDir } from '../helpers/server.js';

const AUTH = (service: string): string =>
  `AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`;

interface Answer { status: number; text: string }

async function sendJson(endpoint: string, model: ServiceModel, operation: string, input: unknown): Promise<Answer> {
  const res = await fetch(endpoint, {
    method: 'POST', signal: AbortSignal.timeout(10_000),
    headers: {
      'x-amz-target': `${model.targetPrefix}.${operation}`, 'content-type': `application/x-amz-json-${model.jsonVersion}`,
      authorization: AUTH(model.signingName),
    },
    body: JSON.stringify(input),
  });
  return { status: res.status, text: await res.text() };
}

async function sendQuery(endpoint: string, model: ServiceModel, operation: string, params: [string, string][]): Promise<Answer> {
  const res = await fetch(endpoint, {
    method: 'POST', signal: AbortSignal.timeout(10_000),
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: AUTH(model.signingName) },
    body: new URLSearchParams([['Action', operation], ['Version', model.apiVersion], ...params]).toString(),
  });
  return { status: res.status, text: await res.text() };
}

/** What is wrong with an answer, or undefined when it is an answer AWS could give. */
function problem(protocol: 'json' | 'query', answer: Answer): string | undefined {
  if (answer.status >= 500 && !(answer.status === 501 && answer.text.includes('NotImplemented'))) return `status ${answer.status}`;
  if (answer.status < 400) return undefined;
  if (protocol === 'json') {
    try {
      const body = JSON.parse(answer.text) as Record<string, unknown>;
      return typeof body.__type === 'string' ? undefined : 'json error without __type';
    } catch {
      return 'json error body that is not JSON';
    }
  }
  return /<Error>[\s\S]*<Code>[^<]+<\/Code>[\s\S]*<\/Error>/.test(answer.text) ? undefined : 'query error without <Error><Code>';
}

/** Rounds over every operation; about 1,500 requests in all, 5–10 s per case on this machine. */
const CASES: { service: ServiceName; protocol: 'json' | 'query'; seed: number; rounds: number }[] = [
  { service: 'dynamodb', protocol: 'json', seed: 1, rounds: 12 },
  { service: 'dynamodbstreams', protocol: 'json', seed: 2, rounds: 30 },
  { service: 'sqs', protocol: 'json', seed: 3, rounds: 10 },
  { service: 'sqs', protocol: 'query', seed: 4, rounds: 10 },
  { service: 'sns', protocol: 'query', seed: 5, rounds: 6 },
  { service: 'sts', protocol: 'query', seed: 6, rounds: 20 },
];

for (const { service, protocol, seed, rounds } of CASES) {
  test(`${service} over ${protocol}: random members never get a 5xx, a hang or a malformed error`, async (t) => {
    const dir = await tempDir();
    const server = await startBoltstack({ port: 0, dataDir: dir.dir });
    t.teardown(async () => { await server.stop(); await dir.remove(); });
    const model = await loadModel(service);
    const inputs = new ModelInputs(model, seededRandom(seed));
    // Resources under the names the generator uses, so some requests get past the lookups.
    const dynamodb = await loadModel('dynamodb');
    await sendJson(server.endpoint, dynamodb, 'CreateTable', {
      TableName: 't', BillingMode: 'PAY_PER_REQUEST', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    });
    await sendJson(server.endpoint, await loadModel('sqs'), 'CreateQueue', { QueueName: 'q' });
    await sendQuery(server.endpoint, await loadModel('sns'), 'CreateTopic', [['Name', 't']]);

    const found = new Map<string, string>();
    let sent = 0;
    for (let round = 0; round < rounds; round++) {
      for (const operation of Object.keys(model.operations)) {
        const input = inputs.input(operation) as Record<string, unknown>;
        // A long poll is an answer that waits, not a hang: keep it short.
        if (operation === 'ReceiveMessage' && typeof input === 'object' && input !== null) input.WaitTimeSeconds = 0;
        const answer = protocol === 'json'
          ? await sendJson(server.endpoint, model, operation, input)
          : await sendQuery(server.endpoint, model, operation, inputs.queryParams(operation, input));
        sent++;
        const wrong = problem(protocol, answer);
        const key = `${operation}: ${wrong}`;
        if (wrong !== undefined && !found.has(key)) found.set(key, `${JSON.stringify(input).slice(0, 300)} -> ${answer.text.slice(0, 300)}`);
      }
    }
    t.log(`${sent} requests`);
    t.deepEqual([...found].map(([key, example]) => `${key}\n  ${example}`), []);
  });
}
