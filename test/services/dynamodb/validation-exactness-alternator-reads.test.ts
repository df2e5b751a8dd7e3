/**
 * Scan and Query (KeyConditions) refusals as ScyllaDB Alternator's test_scan.py and test_query.py
 * assert them, row by row (see exactness-rows.ts and validation-exactness-alternator.test.ts for
 * how its `match=` regexes become rows). Where a test matches only the error code but its
 * comment quotes AWS's answer, the row searches for the quoted words. Its `filled_test_table`
 * and `test_table` (hash `p`, range `c`) are the range fixture here (hash `a`, range `b`).
 * Then Select's exact answers from moto's aws_verified tests (tests/test_dynamodb/
 * test_dynamodb_select.py): Query in the envelope, Scan bare; the range fixture's KEYS_ONLY
 * index4 (on `c`) stands for its test_gsi.
 */
import test from 'ava';
import { registerRows, type Fixtures, type Row } from './exactness-rows.js';

const SC = 'scylladb/scylladb test/alternator/test_scan.py';
const QU = 'scylladb/scylladb test/alternator/test_query.py';
type V = Record<string, unknown>;
const scan = (extra: V) => (f: Fixtures) => ({ TableName: f.range, ...extra });
const eq = (value: string): V => ({ AttributeValueList: [{ S: value }], ComparisonOperator: 'EQ' });
const query = (KeyConditions: V) => (f: Fixtures) => ({ TableName: f.range, KeyConditions });
const MOTO = 'getmoto/moto tests/test_dynamodb/test_dynamodb_select.py (aws_verified)';
const described = (select: string): string => (select === 'COUNT' ? 'only the Count' : select);
/** moto's _read: a Query on the table (key `a`) or on index4 (key `c`), or a Scan; `legacy` uses KeyConditions (AttributesToGet cannot mix with expressions). */
const read = (op: 'Query' | 'Scan', onIndex: boolean, extra: V, legacy = false) => (f: Fixtures) => {
  const key = onIndex ? 'c' : 'a';
  const base = { TableName: f.range, ...(onIndex && { IndexName: 'index4' }), ...extra };
  if (op === 'Scan') return base;
  return legacy ? { ...base, KeyConditions: { [key]: eq('value') } }
    : { ...base, KeyConditionExpression: `${key} = :key`, ExpressionAttributeValues: { ':key': { S: 'value' } } };
};
const prefix = (op: string): string => (op === 'Query' ? '1 validation error detected: ' : '');
const selectRows: Row[] = [];
for (const op of ['Query', 'Scan'] as const) {
  for (const select of ['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'COUNT']) {
    const onIndex = select === 'ALL_PROJECTED_ATTRIBUTES';
    selectRows.push({ source: `${MOTO} test_projection_expression_rejected_for_non_specific_select (${op}, ${select})`, op,
      body: read(op, onIndex, { Select: select, ProjectionExpression: onIndex ? 'c' : 'a' }),
      message: `${prefix(op)}Cannot specify the ProjectionExpression when choosing to get ${described(select)}` });
    selectRows.push({ source: `${MOTO} test_attributes_to_get_rejected_for_non_specific_select (${op}, ${select})`, op,
      body: read(op, onIndex, { Select: select, AttributesToGet: [onIndex ? 'c' : 'a'] }, true),
      message: `${prefix(op)}Cannot specify the AttributesToGet when choosing to get ${described(select)}` });
  }
  selectRows.push({ source: `${MOTO} test_all_projected_attributes_rejected_for_table (${op})`, op, body: read(op, false, { Select: 'ALL_PROJECTED_ATTRIBUTES' }),
    message: `${prefix(op)}ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName` });
  selectRows.push({ source: `${MOTO} test_specific_attributes_requires_attribute_selection (${op})`, op, body: read(op, false, { Select: 'SPECIFIC_ATTRIBUTES' }),
    message: `${prefix(op)}Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES` });
  selectRows.push({ source: `${MOTO} test_select_values_are_case_sensitive (${op})`, op, body: read(op, false, { Select: 'count' }),
    message: "1 validation error detected: Value 'count' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]" });
  selectRows.push({ source: `${MOTO} test_all_attributes_rejected_for_keys_only_gsi (${op})`, op, body: read(op, true, { Select: 'ALL_ATTRIBUTES' }),
    message: 'One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index index4 because its projection type is not ALL' });
}

const rows: Row[] = [
  // test_scan_select: with AttributesToGet or ProjectionExpression only SPECIFIC_ATTRIBUTES is allowed.
  { source: `${SC} test_scan_select (ALL_ATTRIBUTES with AttributesToGet)`, op: 'Scan', body: scan({ Select: 'ALL_ATTRIBUTES', AttributesToGet: ['x'] }), message: /AttributesToGet/ },
  { source: `${SC} test_scan_select (COUNT with AttributesToGet)`, op: 'Scan', body: scan({ Select: 'COUNT', AttributesToGet: ['x'] }), message: /AttributesToGet/ },
  { source: `${SC} test_scan_select (ALL_ATTRIBUTES with ProjectionExpression)`, op: 'Scan', body: scan({ Select: 'ALL_ATTRIBUTES', ProjectionExpression: 'x' }),
    message: /ProjectionExpression/ },
  { source: `${SC} test_scan_select (COUNT with ProjectionExpression)`, op: 'Scan', body: scan({ Select: 'COUNT', ProjectionExpression: 'x' }), message: /ProjectionExpression/ },
  // test_scan_parallel_with_exclusive_start_key: AWS's words as nyh quoted them running it
  // against real DynamoDB (scylladb/scylladb#9270, 2021).
  { source: `${SC} test_scan_parallel_with_exclusive_start_key (scylladb/scylladb#9270)`, op: 'Scan',
    body: scan({ TotalSegments: 1_000_000, Segment: 0, ExclusiveStartKey: { a: { S: '0' }, b: { S: '0' } } }),
    message: 'The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: 1000000 Segment: 0' },
  // test_scan_parallel_incorrect.
  { source: `${SC} test_scan_parallel_incorrect (TotalSegments 1000001)`, op: 'Scan', body: scan({ TotalSegments: 1_000_001, Segment: 0 }), message: /Segment/ },
  { source: `${SC} test_scan_parallel_incorrect (Segment 7 of 5)`, op: 'Scan', body: scan({ TotalSegments: 5, Segment: 7 }), message: /Segment/ },
  { source: `${SC} test_scan_parallel_incorrect (Segment 9 of 5)`, op: 'Scan', body: scan({ TotalSegments: 5, Segment: 9 }), message: /Segment/ },

  // test_query_which_key: its comments quote AWS's answers.
  { source: `${QU} test_query_which_key (the sort key alone; comment quotes "Query condition missed key schema element: p")`, op: 'Query',
    body: query({ b: eq('c') }), message: /Query condition missed key schema element: a/ },
  { source: `${QU} test_query_which_key (hash key and a non-key; comment quotes "... missed key schema element: c")`, op: 'Query',
    body: query({ a: eq('p'), z: eq('c') }), message: /Query condition missed key schema element: b/ },
  { source: `${QU} test_query_which_key (three conditions; comment quotes "Conditions can be of length 1 or 2 only")`, op: 'Query',
    body: query({ a: eq('p'), b: eq('c'), z: eq('c') }), message: /Conditions can be of length 1 or 2 only/ },
  ...selectRows,
];

registerRows(test, rows);
