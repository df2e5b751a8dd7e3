/**
 * What S3 answers a stored POST upload (RESTObjectPOST, HTTPPOSTForms):
 * - success_action_redirect (or the deprecated redirect) that is an absolute http(s) URL: 303 to
 *   it with bucket, key and etag appended to its query, form-encoded (`/` as %2F, the ETag's
 *   quotes as %22), any query it has kept as it is (layervault/layervault_ruby_client#8, 2014;
 *   stackoverflow q/18390253); a URL S3 cannot use is ignored ("acts as if the field is not
 *   present"; a relative one answered 204 in test_s3.py::test_post_object_with_redirect);
 * - success_action_status 200 or 201, else 204 ("If the value is not set or if it is set to a
 *   value that is not valid, Amazon S3 returns an empty document with a 204 status code");
 * - 201 carries a PostResponse document: Location, Bucket, Key, ETag, with no namespace and the
 *   key percent-encoded in Location, `/` too (jamhall/s3rver#504 and ceph/ceph#20330 quoting S3);
 * - every answer carries ETag and Location (boto/boto3#2851, a 204's wire trace, 2021).
 * The document is written here, not by the protocol's serializer, because that one always
 * declares S3's namespace, which S3 leaves off this document.
 */
import type { PostObjectOutput } from './operation.js';
import type { Fields } from './fields.js';

export interface Stored { bucket: string; key: string; etag: string; host: string }

export function postAnswer(fields: Fields, stored: Stored): PostObjectOutput {
  const location = `http://${stored.host}/${stored.bucket}/${encodeURIComponent(stored.key)}`;
  const redirect = redirectUrl(fields.value('success_action_redirect') ?? fields.value('redirect'));
  if (redirect !== undefined) {
    const query = new URLSearchParams({ bucket: stored.bucket, key: stored.key, etag: stored.etag }).toString();
    return { Status: 303, ETag: stored.etag, Location: withQuery(redirect, query) };
  }
  const status = fields.value('success_action_status');
  if (status === '201') {
    const body = '<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse>' +
      `<Location>${escapeXml(location)}</Location><Bucket>${escapeXml(stored.bucket)}</Bucket>` +
      `<Key>${escapeXml(stored.key)}</Key><ETag>${escapeXml(stored.etag)}</ETag></PostResponse>`;
    return { Status: 201, ETag: stored.etag, Location: location, ContentType: 'application/xml', Body: Buffer.from(body, 'utf8') };
  }
  return { Status: status === '200' ? 200 : 204, ETag: stored.etag, Location: location };
}

/**
 * The URL as parsed, never as sent: its serialization has no CR, LF or other control character
 * and no byte past ASCII, so a form cannot add a header to the answer (a raw CR LF in the value
 * did, and node:http refused such a header with a 500 after the object was stored).
 */
function redirectUrl(value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The upload's query added to the URL's own, before any fragment (which a query cannot follow). */
function withQuery(url: URL, query: string): string {
  const base = url.href.slice(0, url.href.length - url.hash.length);
  const separator = url.search !== '' ? '&' : base.endsWith('?') ? '' : '?';
  return `${base}${separator}${query}${url.hash}`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
