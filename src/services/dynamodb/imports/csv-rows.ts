/**
 * CSV import rows. The header is InputFormatOptions.Csv.HeaderList, or else each object's first
 * line; the delimiter is Csv.Delimiter (a comma by default). An attribute the table defines (its
 * key, an index key: AttributeDefinitions) takes its defined type, B read as strict padded base64; every other
 * column is a string, and an empty field leaves its attribute out (developer guide, "DynamoDB
 * data import from Amazon S3: format and quotas", CSV). Fields may be quoted ("a,b"), a quote
 * inside doubled (""); a quoted field holding a line break is not read (lines are split first).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataImport.Format.html
 */
import type { AttributeDefinition } from '../../../model/generated/dynamodb-types.js';
import { type AttributeValue, type Item, validateItem } from '../values/index.js';
import { setOwn } from '../../../util/own-member.js';
import { bytes } from './dynamodb-json-line.js';

/** The fields of one line; an unclosed quote or text after a closing quote throws. */
export function csvFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) throw new Error('A quoted field is not closed');
        value += line.slice(i, close);
        if (line[close + 1] === '"') { value += '"'; i = close + 2; continue; }
        i = close + 1;
        break;
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== delimiter) throw new Error('Text after a quoted field');
      i++;
    } else {
      const end = line.indexOf(delimiter, i);
      if (end < 0) { fields.push(line.slice(i)); return fields; }
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
}

function typed(type: string | undefined, text: string): AttributeValue {
  if (type === 'N') return { N: text };
  if (type === 'B') return { B: bytes(text) };
  return { S: text };
}

/** One row as an item, validated as PutItem validates values. */
export function csvItem(header: readonly string[], fields: readonly string[], definitions: readonly AttributeDefinition[]): Item {
  if (fields.length > header.length) throw new Error(`The row has ${fields.length} fields, the header ${header.length}`);
  const item: Item = {};
  fields.forEach((text, i) => {
    if (text === '') return;
    const name = header[i]!;
    setOwn(item, name, typed(definitions.find((d) => d.AttributeName === name)?.AttributeType, text));
  });
  return validateItem(item as Record<string, unknown>);
}
