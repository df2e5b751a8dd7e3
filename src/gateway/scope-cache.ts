/**
 * Credential scopes of Authorization headers, parsed once per credential rather than once per
 * request. A client signs every request with the same credential (key/date/region/service);
 * only the signed headers and the signature change. Parsing it made four strings and an object
 * per request, which were garbage in the SendMessage allocation profile.
 *
 * A hit gives exactly what `scopeFromAuthorization` would: the header has the SigV4 prefix, the
 * remembered credential text starts right after its first `Credential=`, and it runs up to that
 * header's first comma (or its end). The text holds no comma, so that comma ends it in both.
 * The cache keeps a few recent credentials, replaced in turn, so a client with a new key or on a
 * new day cannot grow it. The scopes are shared between requests, and nothing writes to them.
 */
import { scopeFromAuthorization, type CredentialScope } from '../protocols/shared/sigv4-scope.js';

const AUTH_PREFIX = 'AWS4-HMAC-SHA256 ';
const CREDENTIAL = 'Credential=';
/** Credentials kept: enough for a process serving a few clients, services and regions at once. */
const SIZE = 8;
const COMMA = 44;

export class ScopeCache {
  readonly #texts: string[] = [];
  readonly #scopes: CredentialScope[] = [];
  #next = 0;

  /** As `scopeFromAuthorization(header)`, from the cache when the credential was seen before. */
  fromAuthorization(header: string | undefined): CredentialScope | undefined {
    if (header === undefined || !header.startsWith(AUTH_PREFIX)) return undefined;
    const at = header.indexOf(CREDENTIAL);
    if (at < 0) return undefined;
    const start = at + CREDENTIAL.length;
    const texts = this.#texts;
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i]!;
      const end = start + text.length;
      if ((end === header.length || header.charCodeAt(end) === COMMA) && header.startsWith(text, start)) return this.#scopes[i];
    }
    const scope = scopeFromAuthorization(header);
    if (scope !== undefined) {
      const comma = header.indexOf(',', start);
      this.#texts[this.#next] = header.slice(start, comma < 0 ? undefined : comma);
      this.#scopes[this.#next] = scope;
      this.#next = (this.#next + 1) % SIZE;
    }
    return scope;
  }
}
