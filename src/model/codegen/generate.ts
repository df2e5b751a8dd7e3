/**
 * Produces every generated file in memory: path (relative to the project root) → content.
 * Pure apart from reading the aws-sdk models, so the freshness test can call it without writing.
 */
import type { ServiceName } from '../types.js';
import { emitIndex } from './emit-index.js';
import { emitModel, header } from './emit-model.js';
import { emitTypes } from './emit-types.js';
import { applyPatches } from './patches.js';
import { pruneModel } from './prune.js';
import { awsSdkVersion, MODEL_FILES, readRawModel } from './raw-model.js';

export const GENERATED_DIR = 'src/model/generated';

export function generateAll(): Map<string, string> {
  const version = awsSdkVersion();
  const files = new Map<string, string>();
  const models = [];
  for (const service of Object.keys(MODEL_FILES) as ServiceName[]) {
    const source = `apis/${MODEL_FILES[service]}.min.json`;
    const model = pruneModel(service, applyPatches(service, readRawModel(service)));
    models.push(model);
    files.set(`${GENERATED_DIR}/${service}.ts`, emitModel(model, source, version));
    files.set(`${GENERATED_DIR}/${service}-types.ts`, emitTypes(model, header(source, version)));
  }
  files.set(`${GENERATED_DIR}/index.ts`, emitIndex(models, version));
  return files;
}
