/**
 * A signed query-protocol POST, as boto3 before 2023, the AWS CLI v1 and other SDKs send SQS,
 * SNS and STS calls: a form-encoded body (Action=...&Version=...), SigV4-signed by AWS's own
 * signer (@smithy/signature-v4) with the service in the credential scope. The JS SDK v3 speaks
 * only json to SQS, so the query protocol is tested through this. Usable for SNS and STS too.
 */
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { NodeSha256 } from './node-sha256.js';

export interface QueryReply { status: number; headers: Record<string, string>; body: string }

export interface QueryPostOptions {
  service: 'sqs' | 'sns' | 'sts';
  /** Form parameters in order; Version is added when absent. */
  params: Record<string, string>;
  /** Request path (a queue URL's path for SQS calls sent to the queue). */
  path?: string;
  region?: string;
  accessKeyId?: string;
}

const VERSIONS = { sqs: '2012-11-05', sns: '2010-03-31', sts: '2011-06-15' };

/** Form encoding as the SDKs do it: RFC 3986 unreserved characters stay, everything else is %XX. */
const formEncode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export async function queryPost(endpoint: string, o: QueryPostOptions): Promise<QueryReply> {
  const url = new URL(endpoint);
  const params = { ...o.params, Version: o.params.Version ?? VERSIONS[o.service] };
  const body = Object.entries(params).map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&');
  const signer = new SignatureV4({
    credentials: { accessKeyId: o.accessKeyId ?? 'test', secretAccessKey: 'test' },
    region: o.region ?? 'us-east-1', service: o.service, sha256: NodeSha256,
  });
  const request = new HttpRequest({
    method: 'POST', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: o.path ?? '/',
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body,
  });
  const signed = await signer.sign(request);
  const res = await fetch(`${url.origin}${o.path ?? '/'}`, { method: 'POST', headers: signed.headers, body });
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => { headers[k] = v; });
  return { status: res.status, headers, body: await res.text() };
}

/** XML text unescaped: the five entities and character references (&#13;, &#x1b;), &amp; last. */
const unescapeXml = (text: string): string => text
  .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
  .replace(/&#([0-9]+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of the first <name> element of an XML answer (unescaped), or undefined. */
export function xmlValue(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return m ? unescapeXml(m[1]!) : undefined;
}

/** The texts of every <name> element of an XML answer. */
export function xmlValues(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => unescapeXml(m[1]!));
}

/** One element of a successful query answer; throws with the answer when the call failed. */
export async function queryValue(endpoint: string, service: QueryPostOptions['service'], params: Record<string, string>, element: string): Promise<string> {
  const answer = await queryPost(endpoint, { service, params });
  const v = xmlValue(answer.body, element);
  if (answer.status !== 200 || v === undefined) throw new Error(`${params.Action}: ${answer.status} ${answer.body}`);
  return v;
}
