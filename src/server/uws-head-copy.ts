/**
 * Copies request headers out of uWS into a plain object (uWS frees the request when its handler
 * returns), through one callback per server: a closure per request (and the context holding its
 * headers and byte count) was per-request garbage in the SendMessage profile. `req.forEach` calls
 * `add` synchronously, so the fields belong to one request at a time.
 *
 * uWS hands every name over as a new string. Storing it as a key costs a look-up in V8's string
 * table (a large hash table: `headers[name]` to find a repeated header, then the store), which was
 * most of the copy (about 5% of a GetItem's server CPU, `perf`). A client sends the same header
 * names in the same order on every request, so the names of the last request that had no repeated
 * header are kept, as keys V8 already holds: a name equal to the one kept at its position (a plain
 * comparison of a dozen characters) is stored under the kept key, and needs no look-up for a
 * repeat either while every name before it matched too: the kept names are distinct. From the
 * first name that differs on, the rest of the head takes the look-up as before, and its names are
 * kept for the next request.
 */

/** What HeadCopy holds between requests (never written: a request always brings its own). */
const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>;

export class HeadCopy {
  #headers: Record<string, string> = NO_HEADERS;
  /** Bytes of the head so far, for the maxHeaderBytes check. */
  #bytes = 0;
  /** Names added so far in this head. */
  #count = 0;
  /** Every name so far was the kept one at its position. */
  #matching = true;
  /** The names of an earlier head without repeats, in order (keys of an object: held by V8). */
  #names: readonly string[] = [];

  /** Starts copying a head into `headers`; `bytes` counts what precedes the headers. */
  begin(headers: Record<string, string>, bytes: number): void {
    this.#headers = headers;
    this.#bytes = bytes;
    this.#count = 0;
    this.#matching = true;
  }

  /** Ends the head (after `req.forEach(add)`): its byte count. */
  end(): number {
    const headers = this.#headers;
    this.#headers = NO_HEADERS;
    if (!this.#matching || this.#count !== this.#names.length) {
      // A head unlike the kept one: its names become the kept ones (distinct, as keys are), unless
      // a name repeated: the positions would then be off by the repeat, and never match.
      const names = Object.keys(headers);
      if (names.length === this.#count) this.#names = names;
    }
    return this.#bytes;
  }

  readonly add = (name: string, value: string): void => {
    this.#bytes += name.length + value.length + 4;
    const headers = this.#headers;
    const at = this.#count++;
    if (this.#matching) {
      const kept = this.#names[at];
      if (kept === name) {
        headers[kept] = value;
        return;
      }
      this.#matching = false;
    }
    const previous = headers[name];
    if (previous === undefined) headers[name] = value;
    // A Content-Length sent twice with one value is that length (RFC 9110 §8.6 lets a recipient
    // take it); Go's presigned PUTs send it so (rclone --s3-use-presigned-request before 1.59).
    else if (!(previous === value && name === 'content-length')) headers[name] = `${previous}, ${value}`;
  };
}
