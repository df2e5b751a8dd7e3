/**
 * One page of a bucket listing (ListObjects v1/v2): keys in UTF-8 byte order after a marker,
 * rolled up into common prefixes at the delimiter. A rolled-up prefix is skipped in one seek
 * rather than key by key, so a listing of a few prefixes over millions of keys stays cheap.
 */
import { compareUtf8 } from '../../util/utf8-order.js';
import { afterPrefix } from './keys.js';
import type { ObjectRecord } from './records.js';
import type { S3Store } from './store.js';

export interface ListPageRequest {
  prefix: string;
  delimiter?: string;
  /** List strictly after this key or common prefix. */
  after?: string;
  maxKeys: number;
}

export interface ListPage {
  contents: [string, ObjectRecord][];
  commonPrefixes: string[];
  truncated: boolean;
  /** The last key or common prefix on the page: the next page's marker. */
  last?: string;
}

export async function listPage(store: S3Store, bucket: string, req: ListPageRequest): Promise<ListPage> {
  const page: ListPage = { contents: [], commonPrefixes: [], truncated: false };
  const { prefix, delimiter, after, maxKeys } = req;
  let from: { gt?: string; gte?: string } = after !== undefined && compareUtf8(after, prefix) >= 0 ? { gt: after } : { gte: prefix };
  let count = 0;
  for (;;) {
    let seekTo: string | undefined;
    for await (const [key, record] of store.iterateObjects(bucket, from, prefix)) {
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
      page.contents.push([key, record]);
      page.last = key;
      count++;
    }
    if (seekTo === undefined) return page;
    from = { gte: seekTo };
  }
}
