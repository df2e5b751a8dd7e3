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
