/**
 * The raw model the generator works on, in the service-model JSON layout (as aws-sdk v2's
 * apis/<uid>.min.json had it): most shapes inline, shared ones by name in `shapes`; a member with
 * neither `type` nor `shape` is a string. schema-to-raw.ts builds it from the SDK's schemas.
 */

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
