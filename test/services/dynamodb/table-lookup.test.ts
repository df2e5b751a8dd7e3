/**
 * table-lookup.ts resolves a TableName member: a plain valid name takes a fast path (no ARN
 * match, no Constraints). Every name, valid or not, plain or an ARN, must resolve or be refused
 * exactly as the general path (the ARN form, then Coral's constraints) does.
 */
import test from 'ava';
import type { RequestContext } from '../../../src/services/types.js';
import { Constraints } from '../../../src/services/dynamodb/constraints.js';
import { resolveTableName } from '../../../src/services/dynamodb/table-lookup.js';
import { checkTableName } from '../../../src/services/dynamodb/table-constraints.js';

const ctx = { accountId: '000000000000', region: 'us-east-1' } as unknown as RequestContext;
const ARN = /^arn:aws[a-z-]*:dynamodb:([^:]*):(\d{12}):table\/([a-zA-Z0-9_.-]{3,255})$/;

/** The general path, spelled out: the ARN form, else the constraints, else the caller's scope. */
function general(name: string | undefined, minLength: number): unknown {
  const arn = name !== undefined ? ARN.exec(name) : null;
  if (arn) return { region: arn[1], account: arn[2], name: arn[3] };
  const c = new Constraints();
  checkTableName(c, 'tableName', name, minLength);
  try {
    c.check();
  } catch (err) {
    return `refused: ${(err as Error).message}`;
  }
  return { account: ctx.accountId, region: ctx.region, name };
}

function actual(name: string | undefined, minLength: number): unknown {
  try {
    return resolveTableName(ctx, name, minLength);
  } catch (err) {
    return `refused: ${(err as Error).message}`;
  }
}

test('a table name resolves, or is refused, as the general path does', (t) => {
  const names = [undefined, '', 'a', 'ab', 'abc', 'bench-kv', 'A_b.c-9', 'x'.repeat(255), 'x'.repeat(256), 'has space', 'ü-name', 'colon:name', 'a\nb',
    'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders', 'arn:aws:dynamodb:eu-west-1:123456789012:table/ab', 'arn:aws-cn:dynamodb::123456789012:table/T_1', 'arn:aws:dynamodb:x:1:table/Orders'];
  for (const minLength of [1, 3]) {
    for (const name of names) t.deepEqual(actual(name, minLength), general(name, minLength), `${JSON.stringify(name)} (min ${minLength})`);
  }
});
