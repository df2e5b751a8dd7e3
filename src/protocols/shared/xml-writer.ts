/**
 * A minimal XML string builder for responses. Escapes text and attribute values; element names
 * come from the model and are trusted.
 */

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\n': '&#10;',
};

/**
 * Escapes for element text and attribute values. CR/LF are written as character references
 * so they survive the XML parser's line-ending normalisation, as AWS does in S3 keys.
 */
export function escapeXml(value: string): string {
  return /[&<>"'\r\n]/.test(value) ? value.replace(/[&<>"'\r\n]/g, (c) => TEXT_ESCAPES[c]!) : value;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export class XmlWriter {
  #out: string[] = [];

  open(name: string, attributes?: Record<string, string | undefined>): this {
    this.#out.push(`<${name}${attrs(attributes)}>`);
    return this;
  }

  close(name: string): this {
    this.#out.push(`</${name}>`);
    return this;
  }

  /** `<name>text</name>`, or `<name/>` for undefined text. */
  leaf(name: string, text: string | undefined, attributes?: Record<string, string | undefined>): this {
    this.#out.push(text === undefined
      ? `<${name}${attrs(attributes)}/>`
      : `<${name}${attrs(attributes)}>${escapeXml(text)}</${name}>`);
    return this;
  }

  text(text: string): this {
    this.#out.push(escapeXml(text));
    return this;
  }

  toString(): string {
    return this.#out.join('');
  }
}

function attrs(attributes: Record<string, string | undefined> | undefined): string {
  if (attributes === undefined) return '';
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) out += ` ${name}="${escapeXml(value)}"`;
  }
  return out;
}
