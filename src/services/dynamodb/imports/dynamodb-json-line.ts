/**
 * One line of a DYNAMODB_JSON import: `{"Item":{...}}`, an attribute-value map as the wire
 * writes it (binary as base64), which is what an export's data files hold (exports/export-files.ts).
 * A line that is no JSON, has no Item member, or holds a value PutItem would refuse throws.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataImport.Format.html
 */
import { type Item, parseItemJson, validateItem } from '../values/index.js';

export function dynamoDbJsonItem(line: string): Item {
  const parsed = parseItemJson(line) as unknown;
  const item = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as { Item?: unknown }).Item : undefined;
  if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new Error('The line has no Item member');
  return validateItem(item as Record<string, unknown>);
}
