/**
 * Pure XML parse (bytes → XmlElement tree) on top of sax, for request bodies (S3 XML payloads,
 * through the rest-xml protocol) and for XML documents carried inside a value (STS's SAML
 * assertion): a utility below both, so services need not import the protocol layer (DESIGN.md
 * §1). It runs inline or as a worker-pool task (pool/types.ts XmlParseTask), so it touches no state.
 * Limits protect the process: nesting deeper than 100 levels or more than `maxBytes` input is
 * refused (AWS's own schemas nest a handful of levels; CompleteMultipartUpload with 10,000 parts
 * is ~1.5 MB). Text is the concatenation of the element's own text and CDATA nodes.
 */
import { createRequire } from 'node:module';
import type * as Sax from 'sax';
import type { XmlElement } from '../pool/types.js';

export const XML_MAX_DEPTH = 100;
export const XML_MAX_BYTES = 64 * 1024 * 1024;

export class XmlParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlParseError';
  }
}

/**
 * sax is required on the first parse, not at start: loading it costs about 6 MB of RSS (its
 * entity tables and the CJS loader), and most requests carry no XML (DESIGN.md §6a).
 */
let saxModule: typeof Sax | undefined;
const loadSax = (): typeof Sax => (saxModule ??= createRequire(import.meta.url)('sax') as typeof Sax);

export interface ParseXmlOptions { maxDepth?: number; maxBytes?: number }

export function parseXml(bytes: Uint8Array, options: ParseXmlOptions = {}): XmlElement {
  const maxDepth = options.maxDepth ?? XML_MAX_DEPTH;
  const maxBytes = options.maxBytes ?? XML_MAX_BYTES;
  if (bytes.byteLength > maxBytes) throw new XmlParseError(`XML body of ${bytes.byteLength} bytes exceeds ${maxBytes}`);
  const parser = loadSax().parser(true, { trim: false, normalize: false, xmlns: false, position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: string | undefined;

  parser.onopentag = (tag) => {
    if (stack.length >= maxDepth) {
      failure = `XML nesting exceeds ${maxDepth} levels`;
      throw new XmlParseError(failure); // stops sax at once; caught below
    }
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes)) {
      attributes[name] = typeof value === 'string' ? value : value.value;
    }
    const element: XmlElement = { name: tag.name, attributes, text: '', children: [] };
    const parent = stack[stack.length - 1];
    if (parent !== undefined) parent.children.push(element);
    else if (root === undefined) root = element;
    else { failure = 'more than one root element'; throw new XmlParseError(failure); }
    stack.push(element);
  };
  parser.onclosetag = () => { stack.pop(); };
  parser.ontext = (text) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += text;
    // Text outside the root is only legal as whitespace; sax strict mode reports the rest.
  };
  parser.oncdata = (text) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += text;
  };
  parser.onerror = (err) => {
    failure ??= err.message.split('\n')[0];
    throw new XmlParseError(failure ?? 'malformed XML');
  };

  try {
    parser.write(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).close();
  } catch (err) {
    if (err instanceof XmlParseError) throw new XmlParseError(failure ?? err.message);
    // TextDecoder rejects invalid UTF-8; sax may throw plain Errors from its own checks.
    throw new XmlParseError(err instanceof Error ? err.message.split('\n')[0]! : 'malformed XML');
  }
  if (root === undefined) throw new XmlParseError('no root element');
  if (stack.length > 0) throw new XmlParseError('unclosed element');
  return root;
}
