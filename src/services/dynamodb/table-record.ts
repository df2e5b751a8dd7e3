/**
 * What boltstack stores for a table (JSON in the MetaStore, see keys.ts). It holds the table's
 * definition and settings in DynamoDB's own terms; DescribeTable's shape is derived from it
 * (describe-table-shape.ts). `id` is fresh for every incarnation of a name, so a table deleted
 * and created again never sees the old items while they are still being removed.
 */
export type ScalarType = 'S' | 'N' | 'B';
export type BillingMode = 'PROVISIONED' | 'PAY_PER_REQUEST';
export type ProjectionType = 'ALL' | 'KEYS_ONLY' | 'INCLUDE';

export interface KeyAttribute { name: string; type: ScalarType }

export interface Throughput {
  read: number;
  write: number;
  /** Epoch ms of the last increase / decrease, as DescribeTable reports them. */
  lastIncrease?: number;
  lastDecrease?: number;
  decreasesToday: number;
}

export interface IndexRecord {
  name: string;
  /** Fresh per incarnation of the index name (its entries' key prefix). */
  id: string;
  global: boolean;
  hash: KeyAttribute;
  range?: KeyAttribute;
  projection: { type: ProjectionType; nonKeyAttributes?: string[] };
  /** GSIs only: PROVISIONED tables give each GSI its own throughput. */
  throughput?: Throughput;
  onDemand?: { maxRead?: number; maxWrite?: number };
  /** GSIs only: the highest units a decrease or a switch to on-demand left behind (warm-throughput.ts). */
  warmThroughput?: { read: number; write: number };
  /** GSIs only: CREATING while a backfill runs (UpdateTable), then ACTIVE. */
  status: 'CREATING' | 'ACTIVE';
}

export interface StreamSettings {
  enabled: boolean;
  viewType?: string;
  /** The label of the latest stream (an ISO timestamp, as AWS makes it). */
  label?: string;
}

export interface TableRecord {
  account: string;
  region: string;
  name: string;
  id: string;
  created: number;
  attributeDefinitions: KeyAttribute[];
  hash: KeyAttribute;
  range?: KeyAttribute;
  indexes: IndexRecord[];
  billingMode: BillingMode;
  /** Epoch ms of the last switch to PAY_PER_REQUEST. */
  payPerRequestSince?: number;
  /** Epoch ms of the switches to PAY_PER_REQUEST in the last 24 hours (on-demand-switch-limit.ts). */
  payPerRequestSwitches?: number[];
  throughput: Throughput;
  onDemand?: { maxRead?: number; maxWrite?: number };
  stream?: StreamSettings;
  sse?: { enabled: boolean; type?: string; kmsKeyId?: string };
  tableClass?: string;
  /** Epoch ms of the last UpdateTable that changed the table class (TableClassSummary.LastUpdateDateTime). */
  tableClassSince?: number;
  deletionProtection: boolean;
  tags: { Key: string; Value: string }[];
  /** UpdateTimeToLive: the attribute, whether enabled (expiry itself is another module's job). */
  ttl?: { attributeName: string; enabled: boolean };
  pointInTimeRecovery?: { enabled: boolean; recoveryPeriodInDays?: number; since?: number };
  /** The highest units a decrease or a switch to on-demand left behind (warm-throughput.ts). */
  warmThroughput?: { read: number; write: number };
  resourcePolicy?: string;
  /**
   * CREATING while an import fills the table (imports/run-import.ts); absent once it is ACTIVE.
   * TableStore keeps such a record apart from the others (table-store.ts `creating`).
   */
  status?: 'CREATING';
}

export const tableArn = (t: Pick<TableRecord, 'region' | 'account' | 'name'>): string =>
  `arn:aws:dynamodb:${t.region}:${t.account}:table/${t.name}`;

export const indexArn = (t: TableRecord, index: IndexRecord): string => `${tableArn(t)}/index/${index.name}`;

export const findIndex = (t: TableRecord, name: string): IndexRecord | undefined => t.indexes.find((i) => i.name === name);
