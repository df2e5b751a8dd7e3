/**
 * Reads an AWS service model as aws-sdk v2 ships it (apis/<uid>.min.json). The min.json format
 * inlines most shapes and keeps only shared ones (named S1c, Sd9, ...) in `shapes`; a member with
 * neither `type` nor `shape` is a string. We keep that convention in the generated tables.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ServiceName } from '../types.js';

/** A raw shape: the same keys as model/types.ts Shape plus client-only traits we prune. */
export interface RawShape { [key: string]: unknown }

export interface RawOperation {
  http?: { method?: string; requestUri?: string; responseCode?: number };
  input?: RawShape;
  output?: RawShape;
  errors?: RawShape[];
  [key: string]: unknown;
}

export interface RawModel {
  metadata: {
    apiVersion: string;
    endpointPrefix: string;
    protocol: string;
    protocols?: string[];
    serviceId: string;
    signingName?: string;
    targetPrefix?: string;
    jsonVersion?: string;
    xmlNamespace?: string;
    [key: string]: unknown;
  };
  operations: Record<string, RawOperation>;
  shapes: Record<string, RawShape>;
}

/** The model file of each service we emulate. */
export const MODEL_FILES: Record<ServiceName, string> = {
  s3: 's3-2006-03-01',
  dynamodb: 'dynamodb-2012-08-10',
  sqs: 'sqs-2012-11-05',
  sns: 'sns-2010-03-31',
  sts: 'sts-2011-06-15',
};

const require = createRequire(import.meta.url);

export function readRawModel(service: ServiceName): RawModel {
  const file = require.resolve(`aws-sdk/apis/${MODEL_FILES[service]}.min.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as RawModel;
}

/** The aws-sdk version, written into every generated header so an upgrade shows up as a diff. */
export function awsSdkVersion(): string {
  const pkg = JSON.parse(readFileSync(require.resolve('aws-sdk/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
