/**
 * Reads the fields AssumeRoleWithSAML answers from a base64 SAML 2.0 Response: the assertion's
 * Issuer, Subject/NameID (and its Format), SubjectConfirmationData's Recipient, and the
 * attributes AWS reads (Role, RoleSessionName, SourceIdentity). The signature is not verified:
 * boltstack has no IAM SAML providers whose metadata would hold the signing certificate.
 * Element names are matched without their namespace prefix (saml:, saml2:, samlp: or none); the
 * Response and its Assertion must be in SAML 2.0's protocol and assertion namespaces, however
 * prefixed: a document of the same shape in another namespace is no SAML Response (hostile pass
 * 20; AWS's answer for one was not captured, so it gets the answer for any non-SAML document).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html
 */
import type { XmlElement } from '../../pool/types.js';
import { parseXml } from '../../util/xml-parse.js';

export interface SamlResponse {
  issuer?: string;
  nameId?: string;
  nameIdFormat?: string;
  recipient?: string;
  notOnOrAfter?: string;
  /** Attribute name → its AttributeValue texts, trimmed. */
  attributes: Map<string, string[]>;
}

/**
 * Checked on the text with its whitespace (MIME line breaks) taken out: one expression holding
 * both `\s` in its repeated class and a trailing `\s*` backtracked quadratically, ~20 s of
 * blocked event loop for 100,000 spaces ending in "!" (hostile pass 20).
 */
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const WHITESPACE = /\s+/g;
/** A SAML response is a few KB; AWS's SAMLAssertion member allows 100,000 characters. */
const MAX_BYTES = 100_000;

const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';

const localName = (e: XmlElement): string => e.name.slice(e.name.indexOf(':') + 1);

/** The namespace of `e`'s name, declared on it or on `outer` (its ancestors, nearest first). */
function namespaceOf(e: XmlElement, outer: readonly XmlElement[]): string | undefined {
  const colon = e.name.indexOf(':');
  const declaration = colon < 0 ? 'xmlns' : `xmlns:${e.name.slice(0, colon)}`;
  for (const scope of [e, ...outer]) {
    const uri = scope.attributes[declaration];
    if (uri !== undefined) return uri;
  }
  return undefined;
}
const child = (e: XmlElement | undefined, name: string): XmlElement | undefined => e?.children.find((c) => localName(c) === name);
const children = (e: XmlElement | undefined, name: string): XmlElement[] => e?.children.filter((c) => localName(c) === name) ?? [];
const text = (e: XmlElement | undefined): string | undefined => (e === undefined ? undefined : e.text.trim());

/** The parsed response, or undefined when the text is not base64 of a SAML Response with an Assertion. */
export function readSamlResponse(encoded: string): SamlResponse | undefined {
  const compact = encoded.replace(WHITESPACE, '');
  if (!BASE64.test(compact)) return undefined;
  const bytes = Buffer.from(compact, 'base64');
  let root: XmlElement;
  try {
    root = parseXml(bytes, { maxBytes: MAX_BYTES });
  } catch {
    return undefined;
  }
  const assertion = child(root, 'Assertion');
  if (localName(root) !== 'Response' || assertion === undefined) return undefined;
  if (namespaceOf(root, []) !== PROTOCOL_NS || namespaceOf(assertion, [root]) !== ASSERTION_NS) return undefined;
  const subject = child(assertion, 'Subject');
  const nameId = child(subject, 'NameID');
  const confirmation = child(child(subject, 'SubjectConfirmation'), 'SubjectConfirmationData');
  const attributes = new Map<string, string[]>();
  for (const statement of children(assertion, 'AttributeStatement')) {
    for (const attribute of children(statement, 'Attribute')) {
      const name = attribute.attributes.Name;
      if (name !== undefined) attributes.set(name, children(attribute, 'AttributeValue').map((v) => v.text.trim()));
    }
  }
  return {
    ...optional('issuer', text(child(assertion, 'Issuer')) ?? text(child(root, 'Issuer'))),
    ...optional('nameId', text(nameId)),
    ...optional('nameIdFormat', nameId?.attributes.Format),
    ...optional('recipient', confirmation?.attributes.Recipient),
    ...optional('notOnOrAfter', confirmation?.attributes.NotOnOrAfter),
    attributes,
  };
}

const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
