/**
 * Parses a raw query string (or form body) into decoded name → values. `+` is a space
 * (application/x-www-form-urlencoded); malformed percent escapes are kept as written rather than
 * failing the whole request, as S3 does for keys it can still route.
 */
export type ParsedQuery = Map<string, string[]>;

export function decodeComponent(text: string, plusIsSpace: boolean): string {
  const s = plusIsSpace && text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!s.includes('%')) return s;
  try { return decodeURIComponent(s); } catch { return s; }
}

export function parseQuery(raw: string): ParsedQuery {
  const out: ParsedQuery = new Map();
  if (raw === '') return out;
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeComponent(eq < 0 ? pair : pair.slice(0, eq), true);
    const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1), true);
    const list = out.get(name);
    if (list === undefined) out.set(name, [value]);
    else list.push(value);
  }
  return out;
}

/**
 * The first value of one parameter, decoded, without parsing the rest (the gateway needs only a
 * query request's Action to route it; the protocol parses the whole form later). Names are
 * compared decoded, as parseQuery would decode them.
 */
export function firstParam(raw: string, name: string): string | undefined {
  let at = 0;
  while (at < raw.length) {
    let end = raw.indexOf('&', at);
    if (end < 0) end = raw.length;
    const eq = raw.indexOf('=', at);
    const nameEnd = eq < 0 || eq > end ? end : eq;
    if (nameEnd > at) {
      const rawName = raw.slice(at, nameEnd);
      if (rawName === name || ((rawName.includes('%') || rawName.includes('+')) && decodeComponent(rawName, true) === name)) {
        return nameEnd === end ? '' : decodeComponent(raw.slice(nameEnd + 1, end), true);
      }
    }
    at = end + 1;
  }
  return undefined;
}
