/**
 * Reads of the Streams namespace: descriptors by table or ARN, and record ranges of one stream.
 * Writes come in the item and table batches (record.ts, descriptor-ops.ts) and from retention.
 */
import type { MetaStore } from '../../../storage/meta-store.js';
import { parseWithBinary } from './attribute-json.js';
import { STREAMS_NS, allDescriptors, closingKey, descriptorKey, descriptorPrefix, prefixEnd, recordPrefix } from './keys.js';
import { parseStreamArn } from './names.js';
import type { StreamClosing, StreamDescriptor, StreamRecord, StreamState } from './types.js';

export interface RecordRange {
  /** Sequence number to start at (inclusive) or after (exclusive). */
  from?: { sequence: string; inclusive: boolean };
  limit: number;
  /** Stop once the records read add up to this many bytes (GetRecords' 1 MB page). */
  maxBytes?: number;
}

export class StreamStore {
  readonly meta: MetaStore;

  constructor(meta: MetaStore) {
    this.meta = meta;
  }

  async byArn(arn: string): Promise<StreamState | undefined> {
    const parts = parseStreamArn(arn);
    if (!parts) return undefined;
    const raw = await this.meta.get(STREAMS_NS, descriptorKey(parts.account, parts.region, parts.table, parts.label));
    return raw === undefined ? undefined : this.#withClosing(JSON.parse(raw) as StreamDescriptor);
  }

  /** Streams of an account and region (of one table when given), in ListStreams order. */
  async *list(account: string, region: string, table?: string): AsyncIterable<StreamDescriptor> {
    const prefix = descriptorPrefix(account, region, table);
    for await (const [, value] of this.meta.iterate(STREAMS_NS, { gte: prefix, lt: prefixEnd(prefix) })) yield JSON.parse(value) as StreamDescriptor;
  }

  async *everyStream(): AsyncIterable<StreamState> {
    const all: StreamDescriptor[] = [];
    for await (const [, value] of this.meta.iterate(STREAMS_NS, allDescriptors)) all.push(JSON.parse(value) as StreamDescriptor);
    for (const d of all) yield this.#withClosing(d);
  }

  async #withClosing(d: StreamDescriptor): Promise<StreamState> {
    const raw = await this.meta.get(STREAMS_NS, closingKey(d.account, d.region, d.tableName, d.label));
    if (raw === undefined) return { ...d, status: 'ENABLED' };
    const closing = JSON.parse(raw) as StreamClosing;
    return { ...d, status: 'DISABLED', endingSequence: closing.endingSequence, disabledAt: closing.disabledAt };
  }

  async records(d: StreamDescriptor, range: RecordRange): Promise<StreamRecord[]> {
    const prefix = recordPrefix(d.tableId, d.label);
    const lower = range.from === undefined ? { gte: prefix } : range.from.inclusive ? { gte: prefix + range.from.sequence } : { gt: prefix + range.from.sequence };
    const out: StreamRecord[] = [];
    let bytes = 0;
    for await (const [, value] of this.meta.iterate(STREAMS_NS, { ...lower, lt: prefixEnd(prefix), limit: range.limit })) {
      if (range.maxBytes !== undefined && out.length > 0 && bytes + value.length > range.maxBytes) break;
      bytes += value.length;
      out.push(parseWithBinary<StreamRecord>(value));
    }
    return out;
  }

  /** The sequence number of the newest record, if any. */
  async lastSequence(d: StreamDescriptor): Promise<string | undefined> {
    const prefix = recordPrefix(d.tableId, d.label);
    for await (const [key] of this.meta.iterate(STREAMS_NS, { gte: prefix, lt: prefixEnd(prefix), reverse: true, limit: 1 })) return key.slice(prefix.length);
    return undefined;
  }
}
