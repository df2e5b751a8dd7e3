/**
 * Query-protocol bodies as the Go SDKs (v1 and v2) write them, for the Go request-shape tests.
 */

/** Go's encoding of one value (net/url QueryEscape): a space is "+", only A-Za-z0-9 -_.~ stay. */
export const goEscape = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');

/** A form body as Go's query serializer writes it: keys sorted, values escaped as above. */
export const goForm = (params: Record<string, string>): string => Object.keys(params).sort().map((k) => `${k}=${goEscape(params[k]!)}`).join('&');
