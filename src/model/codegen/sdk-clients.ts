/**
 * Where each service's model comes from: the schemas that the current `@aws-sdk/client-*`
 * packages ship (dist-cjs exports every schema as `<Shape>$`, operations included), plus the
 * protocol settings the client is configured with. The packages are pinned to exact versions in
 * package.json, so `npm run gen:model` and test/unit/model-fresh.test.ts see the same model.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ProtocolName, ServiceName } from '../types.js';

export const CLIENT_PACKAGES: Record<ServiceName, { pkg: string; client: string }> = {
  s3: { pkg: '@aws-sdk/client-s3', client: 'S3Client' },
  dynamodb: { pkg: '@aws-sdk/client-dynamodb', client: 'DynamoDBClient' },
  dynamodbstreams: { pkg: '@aws-sdk/client-dynamodb-streams', client: 'DynamoDBStreamsClient' },
  sqs: { pkg: '@aws-sdk/client-sqs', client: 'SQSClient' },
  sns: { pkg: '@aws-sdk/client-sns', client: 'SNSClient' },
  sts: { pkg: '@aws-sdk/client-sts', client: 'STSClient' },
};

const require = createRequire(import.meta.url);

/** A schema as the SDK ships it: nested arrays, numbers for simple types, thunks for references. */
export type SchemaRef = unknown;

export interface ClientModel {
  pkg: string;
  version: string;
  /** Every exported `<Name>$` schema, keyed by name without the `$`. */
  schemas: Record<string, SchemaRef>;
  serviceId: string;
  apiVersion: string;
  protocol: ProtocolName;
  jsonVersion?: string;
  /** X-Amz-Target prefix (json) — the SDK's serviceTarget. */
  serviceTarget: string;
  xmlNamespace?: string;
  signingName: string;
}

const PROTOCOLS: Record<string, { protocol: ProtocolName; jsonVersion?: string }> = {
  S3RestXmlProtocol: { protocol: 'rest-xml' },
  AwsRestXmlProtocol: { protocol: 'rest-xml' },
  AwsJson1_0Protocol: { protocol: 'json', jsonVersion: '1.0' },
  AwsJson1_1Protocol: { protocol: 'json', jsonVersion: '1.1' },
  AwsQueryProtocol: { protocol: 'query' },
};

interface ClientConfig {
  serviceId: string;
  apiVersion: string;
  defaultSigningName: string;
  protocol: { constructor: { name: string } };
  protocolSettings?: { serviceTarget?: string; xmlNamespace?: string };
}

export function readClientModel(service: ServiceName): ClientModel {
  const { pkg, client } = CLIENT_PACKAGES[service];
  const mod = require(pkg) as Record<string, unknown>;
  const Client = mod[client] as new (config: object) => { config: ClientConfig; destroy(): void };
  // The client warns once per process about Node 20; the generator only reads its settings.
  const quiet = process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const instance = new Client({ region: 'us-east-1' });
  if (quiet === undefined) delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  else process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = quiet;
  const config = instance.config;
  instance.destroy();
  const protocol = PROTOCOLS[config.protocol.constructor.name];
  if (protocol === undefined) throw new Error(`${pkg}: unknown protocol ${config.protocol.constructor.name}`);
  const schemas: Record<string, SchemaRef> = {};
  for (const [name, value] of Object.entries(mod)) {
    if (name.endsWith('$') && Array.isArray(value)) schemas[name.slice(0, -1)] = value;
  }
  const version = (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
  const out: ClientModel = {
    pkg, version, schemas, serviceId: config.serviceId, apiVersion: config.apiVersion, ...protocol,
    serviceTarget: config.protocolSettings?.serviceTarget ?? '', signingName: config.defaultSigningName,
  };
  if (config.protocolSettings?.xmlNamespace !== undefined) out.xmlNamespace = config.protocolSettings.xmlNamespace;
  return out;
}
