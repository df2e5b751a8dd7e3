/**
 * A POST form's fields as S3 reads them: names case-insensitive ("The post parameters are case
 * insensitive", sigv4-post-example), several fields of one name as one value joined by commas
 * (HTTPPOSTForms: "the values must be separated by commas"), and `${filename}` in any value
 * replaced by the file's name less its path ("recognized by all form fields", sigv4-HTTPPOSTForms).
 * A file part with no filename parameter leaves `${filename}` as it is: S3 stored the key
 * `file-as-field-${filename}` literally (test_s3.py::test_post_object_with_file_as_string,
 * validated 2026-02-21), where an empty filename makes it empty (waynehoover/s3_direct_upload#155).
 */
import type { FormField } from './form-reader.js';

const FILENAME = '${filename}';

export class Fields {
  readonly #values = new Map<string, string>();
  /** Each name as first sent, in form order: the names an error reports. */
  readonly #names: string[] = [];

  constructor(fields: readonly FormField[], filename: string | undefined) {
    for (const { name, value } of fields) {
      const lower = name.toLowerCase();
      const expanded = filename === undefined ? value : value.split(FILENAME).join(filename);
      const seen = this.#values.get(lower);
      if (seen === undefined) this.#names.push(name);
      this.#values.set(lower, seen === undefined ? expanded : `${seen},${expanded}`);
    }
  }

  /** The value of a field by its lower-case name. */
  value(lowerName: string): string | undefined {
    return this.#values.get(lowerName);
  }

  has(lowerName: string): boolean {
    return this.#values.has(lowerName);
  }

  names(): readonly string[] {
    return this.#names;
  }

  /** [lower-case name, value] of every field. */
  entries(): IterableIterator<[string, string]> {
    return this.#values.entries();
  }
}
