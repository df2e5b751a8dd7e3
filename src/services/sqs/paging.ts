/** NextToken paging over a sorted list of names: the token is the last name returned, base64. */
import { sqsErrors } from './errors.js';

export function page(names: string[], maxResults: number | undefined, token: string | undefined): { items: string[]; next?: string } {
  if (maxResults !== undefined && (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000)) {
    throw sqsErrors.invalidValue(maxResults, 'MaxResults', 'MaxResults must be an integer between 1 and 1000.');
  }
  let start = 0;
  if (token !== undefined) {
    const after = Buffer.from(token, 'base64url').toString('utf8');
    if (after === '' || !after.startsWith('n:')) throw sqsErrors.invalidParameterValue('Invalid NextToken value.');
    const last = after.slice(2);
    start = names.findIndex((n) => n > last);
    if (start < 0) start = names.length;
  }
  const limit = maxResults ?? 1000;
  const items = names.slice(start, start + limit);
  const more = maxResults !== undefined && start + limit < names.length;
  return more ? { items, next: Buffer.from(`n:${items[items.length - 1]!}`, 'utf8').toString('base64url') } : { items };
}
