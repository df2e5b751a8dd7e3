/**
 * JSON text without the whitespace between its tokens, every string and number kept as written
 * (a parse and re-serialization would round big numbers, which a filter policy compares exactly).
 * SNS answers a FilterPolicy so: native AWS, radkawar/stackd testdata/aws/sns/metrics.json
 * subscribe-attributes `{"kind": ["keep"]}`, read-subscription-attributes `{"kind":["keep"]}`
 * (2026-09-14).
 */
export function withoutJsonWhitespace(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += json[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      out += c;
    }
  }
  return out;
}
