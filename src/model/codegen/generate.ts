/**
 * Produces every generated file in memory: path (relative to the project root) → content.
 * Pure apart from reading the SDK clients' schemas, so the freshness test can call it without writing.
 */
import type { ServiceName } from '../types.js';
import { emitIndex } from './emit-index.js';
import { emitModel, header } from './emit-model.js';
import { emitTypes } from './emit-types.js';
import { pruneModel } from './prune.js';
import { schemaToRaw } from './schema-to-raw.js';
import { CLIENT_PACKAGES, readClientModel } from './sdk-clients.js';

export const GENERATED_DIR = 'src/model/generated';

export function generateAll(): Map<string, string> {
  const files = new Map<string, string>();
  const models = [];
  const sources: string[] = [];
  for (const service of Object.keys(CLIENT_PACKAGES) as ServiceName[]) {
    const client = readClientModel(service);
    const source = `${client.pkg}@${client.version}`;
    const model = pruneModel(service, schemaToRaw(service, client));
    models.push(model);
    sources.push(source);
    files.set(`${GENERATED_DIR}/${service}.ts`, emitModel(model, source));
    files.set(`${GENERATED_DIR}/${service}-types.ts`, emitTypes(model, header(source)));
  }
  files.set(`${GENERATED_DIR}/index.ts`, emitIndex(models, sources.join(', ')));
  return files;
}
