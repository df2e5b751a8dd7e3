/** Protocol lookup for the gateway: one stateless Protocol object per wire protocol. */
import type { ProtocolName } from '../model/types.js';
import { jsonProtocol } from './json/index.js';
import { queryProtocol } from './query/index.js';
import { restXmlProtocol } from './rest-xml/index.js';
import type { Protocol } from './types.js';

const PROTOCOLS: Readonly<Record<ProtocolName, Protocol>> = {
  'rest-xml': restXmlProtocol,
  json: jsonProtocol,
  query: queryProtocol,
};

export function getProtocol(name: ProtocolName): Protocol {
  return PROTOCOLS[name];
}

export { compileRestRouter, matchRestOperation, type RestMatch, type RestRouter } from './rest-xml/router.js';
export { queryAction, queryParams } from './query/decode.js';
export { parseXml, XmlParseError } from '../util/xml-parse.js';
