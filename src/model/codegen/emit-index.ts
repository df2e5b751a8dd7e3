/**
 * The generated index: `loadModel` imports a service's tables on first use (DESIGN.md §6a: no
 * model is in memory until its service is called), and a tiny eager table of protocol metadata
 * lets the gateway pick a service from the request head without loading any model.
 */
import type { ServiceModel } from '../types.js';
import { header } from './emit-model.js';

export function emitIndex(models: ServiceModel[], sources: string): string {
  let out = header(sources);
  out += "import type { ProtocolName, ServiceModel, ServiceName } from '../types.js';\n\n";
  out += '/** What the gateway needs to route a request before the model is loaded. */\n';
  out += 'export interface ServiceProtocolInfo {\n';
  out += '  serviceId: string;\n  apiVersion: string;\n  signingName: string;\n';
  out += '  protocol: ProtocolName;\n  protocols: ProtocolName[];\n';
  out += '  targetPrefix?: string;\n  jsonVersion?: string;\n  xmlNamespace?: string;\n}\n\n';
  out += 'export const SERVICE_PROTOCOLS: Readonly<Record<ServiceName, ServiceProtocolInfo>> = {\n';
  for (const m of models) {
    const info: Record<string, unknown> = {
      serviceId: m.serviceId, apiVersion: m.apiVersion, signingName: m.signingName,
      protocol: m.protocol, protocols: m.protocols,
    };
    if (m.targetPrefix !== undefined) info.targetPrefix = m.targetPrefix;
    if (m.jsonVersion !== undefined) info.jsonVersion = m.jsonVersion;
    if (m.xmlNamespace !== undefined) info.xmlNamespace = m.xmlNamespace;
    out += `  ${m.service}: ${JSON.stringify(info)},\n`;
  }
  out += '};\n\n';
  // Memoised: the gateway asks for the model on every request, and an import() of a module that
  // is already loaded still goes through the ESM loader (~4% of a 4 KiB GetObject in --cpu-prof).
  out += 'const loaded: Partial<Record<ServiceName, Promise<ServiceModel>>> = {};\n\n';
  out += '/** Loads a service model on first use; later calls get the same promise (no loader round trip). */\n';
  out += 'export function loadModel(service: ServiceName): Promise<ServiceModel> {\n';
  out += '  return (loaded[service] ??= importModel(service));\n';
  out += '}\n\n';
  out += 'async function importModel(service: ServiceName): Promise<ServiceModel> {\n';
  out += '  switch (service) {\n';
  for (const m of models) {
    out += `    case '${m.service}': return (await import('./${m.service}.js')).default;\n`;
  }
  out += '  }\n}\n';
  return out;
}
