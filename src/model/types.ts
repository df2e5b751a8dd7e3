/**
 * The shape of the generated operation catalogue (src/model/generated/*).
 *
 * It is the AWS service-model JSON layout (the one aws-sdk v2 shipped as apis/*.min.json),
 * generated from the schemas the current @aws-sdk/client-* packages ship (codegen/schema-to-raw.ts)
 * and pruned to what the protocols need. Shapes keep the min.json convention: a member with no `type`
 * and no `shape` is a string; `shape` refers to an entry of `ServiceModel.shapes`.
 */

export type ProtocolName = 'rest-xml' | 'json' | 'query';
export type ServiceName = 's3' | 'dynamodb' | 'dynamodbstreams' | 'sqs' | 'sns' | 'sts';

export type ShapeType =
  | 'structure' | 'list' | 'map'
  | 'string' | 'blob' | 'boolean' | 'timestamp'
  | 'integer' | 'long' | 'float' | 'double' | 'bigdecimal';

export type MemberLocation = 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';

export interface Shape {
  /** Absent means string (min.json convention). */
  type?: ShapeType;
  /** Reference to a named shape in ServiceModel.shapes; the reference's own traits override. */
  shape?: string;
  members?: Record<string, Shape>;
  required?: string[];
  member?: Shape;
  key?: Shape;
  value?: Shape;
  location?: MemberLocation;
  locationName?: string;
  queryName?: string;
  flattened?: boolean;
  xmlAttribute?: boolean;
  xmlNamespace?: { prefix?: string; uri: string };
  timestampFormat?: 'iso8601' | 'rfc822' | 'unixTimestamp';
  /** Structure member name that is the HTTP payload (rest protocols). */
  payload?: string;
  streaming?: boolean;
  jsonvalue?: boolean;
  idempotencyToken?: boolean;
  hostLabel?: boolean;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  /** Error shapes: error code and HTTP status as modelled. */
  exception?: boolean;
  fault?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  resultWrapper?: string;
}

export interface OperationModel {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: Shape;
  output?: Shape & { resultWrapper?: string };
  errors?: Shape[];
  /** True when the operation has a streaming blob input (PutObject, UploadPart). */
  streamingInput?: boolean;
  /** True when the operation has a streaming blob output (GetObject). */
  streamingOutput?: boolean;
}

export interface ServiceModel {
  service: ServiceName;
  /** AWS serviceId, e.g. "S3", "DynamoDB". */
  serviceId: string;
  apiVersion: string;
  protocol: ProtocolName;
  /** The protocols AWS accepts for this service, e.g. SQS: ["json", "query"]. */
  protocols: ProtocolName[];
  jsonVersion?: string;
  targetPrefix?: string;
  xmlNamespace?: string;
  signingName: string;
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}
