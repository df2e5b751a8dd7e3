/** Escaping for the HTML report: text and attributes, and JSON embedded in a <script> element. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * JSON that can sit inside <script type="application/json">: escaping every "<" rules out
 * "</script>" and "<!--" (HTML spec, "restrictions for contents of script elements"), and U+2028/9
 * are escaped for the older parsers that treat them as line ends. JSON.parse undoes all of it.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Inline JavaScript from a file: "</script" inside it would end the element early. */
export function scriptText(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1');
}
