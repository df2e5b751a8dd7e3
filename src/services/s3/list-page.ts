/**
 * One page of a bucket listing (ListObjects v1/v2): keys in UTF-8 byte order after a marker,
 * rolled up into common prefixes at the delimiter. A rolled-up prefix is skipped in one seek
 * rather than key by key, so a listing of a few prefixes over millions of keys stays cheap.
 */
import { compareUtf8 } from '../../util/utf8-order.js';
import { afterPrefix } from './keys.js';
import type { ObjectSummary } from './listing-index.js';
import type { S3Store } from './store.js';

export interface ListPageRequest {
  prefix: string;
  delimiter?: string;
  /** List strictly after this key or common prefix. */
  after?: string;
  maxKeys: number;
}

export interface ListPage {
  contents: [string, ObjectSummary][];
  commonPrefixes: string[];
  truncated: boolean;
  /** The last key or common prefix on the page: the next page's marker. */
  last?: string;
}

/** Read after a seek past a common prefix: the next prefix is often only a few keys on. */
const AFTER_SEEK = 16;

export async function listPage(store: S3Store, bucket: string, req: ListPageRequest): Promise<ListPage> {
  const page: ListPage = { contents: [], commonPrefixes: [], truncated: false };
  const { prefix, delimiter, after, maxKeys } = req;
  // max-keys=0 asks for nothing: S3 answers an empty page that is not truncated (a truncated
  // page without a next token would loop a paginator).
  if (maxKeys === 0) return page;
  let from: { gt?: string; gte?: string } = after !== undefined && compareUtf8(after, prefix) >= 0 ? { gt: after } : { gte: prefix };
  let count = 0;
  // One more than the page holds, to know whether it is truncated.
  let batch = maxKeys + 1;
  for (;;) {
    const want = Math.min(maxKeys - count + 1, batch);
    const entries = await store.scanObjects(bucket, from, prefix, want);
    let seekTo: string | undefined;
    for (const [key, summary] of entries) {
      const at = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      if (at >= 0) {
        const common = key.slice(0, at + delimiter!.length);
        seekTo = afterPrefix(common);
        if (after !== undefined && compareUtf8(common, after) <= 0) break;
        if (count === maxKeys) { page.truncated = true; return page; }
        page.commonPrefixes.push(common);
        page.last = common;
        count++;
        break;
      }
      if (count === maxKeys) { page.truncated = true; return page; }
      page.contents.push([key, summary]);
      page.last = key;
      count++;
    }
    if (seekTo !== undefined) {
      from = { gte: seekTo };
      batch = AFTER_SEEK;
    } else if (entries.length < want) {
      return page;
    } else {
      // A full batch of plain keys: continue after the last one, reading more at a time.
      from = { gt: entries[entries.length - 1]![0] };
      batch *= 4;
    }
  }
}
