/** What the Streams store holds: one descriptor per stream, one record per item change. */
import type { Item } from '../values/index.js';

export type { Item };

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

export interface KeySchemaElement { AttributeName: string; KeyType: 'HASH' | 'RANGE' }

/** One stream of one table (a table that disables and re-enables its stream gets a new one). */
export interface StreamDescriptor {
  arn: string;
  label: string;
  account: string;
  region: string;
  tableName: string;
  /** ddb-core's table id: records live under it, so a re-created table never sees old records. */
  tableId: string;
  viewType: StreamViewType;
  keySchema: KeySchemaElement[];
  /** ms since epoch (the service clock). */
  createdAt: number;
  /** The one shard of this stream (boltstack does not split shards). */
  shardId: string;
  startingSequence: string;
  /** Records below this sequence number were trimmed (24 h retention). */
  trimmedBefore?: string;
}

/** Stored beside the descriptor when the stream is disabled or its table deleted. */
export interface StreamClosing {
  disabledAt: number;
  /** The shard is closed there. */
  endingSequence: string;
}

/** A descriptor with its closing, as the operations read it. */
export type StreamState = StreamDescriptor & { status: 'ENABLED' | 'DISABLED'; endingSequence?: string; disabledAt?: number };

/** What a write path needs to emit records for a table whose stream is on. */
export interface StreamTarget {
  tableId: string;
  label: string;
  region: string;
  viewType: StreamViewType;
  /** Key attribute names, hash first. */
  keyNames: string[];
}

/** A stream record as GetRecords returns it (binary values stored base64, see attribute-json.ts). */
export interface StreamRecord {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion: string;
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: {
    ApproximateCreationDateTime: number;
    Keys: Item;
    NewImage?: Item;
    OldImage?: Item;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: StreamViewType;
  };
  userIdentity?: { PrincipalId: string; Type: string };
}
