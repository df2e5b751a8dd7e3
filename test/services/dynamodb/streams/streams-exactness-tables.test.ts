/**
 * The table side of Streams (CreateTable / UpdateTable StreamSpecification, LatestStreamArn,
 * LatestStreamLabel), row by row against what real AWS answered:
 *   ACK  aws-controllers-k8s ack-api-quirks dynamodb captures (verified against AWS 2026-10-08/09):
 *        DDB-TABLE-029, -035, -050, -180, -362, -378, -382, -433
 *   ALT  ScyllaDB's test/alternator/test_streams.py (runs against AWS)
 */
import anyTest, { type ExecutionContext, type TestFn } from 'ava';
import { INVALID, startHarness, type Answer, type Harness } from './streams-harness.js';
import { uniqueTable } from '../helpers.js';

const test = anyTest as TestFn<{ h: Harness }>;
const ALT = 'scylladb/scylladb test/alternator/test_streams.py';
const ACK = 'ack-api-quirks dynamodb';
const NULL_ENABLED = "1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to satisfy constraint: Member must not be null";
const LABEL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/; // ACK DDB-TABLE-362: "2026-10-09T04:48:48.824", the enable time

test.before(async (t) => { t.context.h = await startHarness(); });
test.after.always(async (t) => { await t.context.h?.stop(); });

function refused(t: ExecutionContext, r: Answer, message: string | RegExp): void {
  t.is(r.status, 400, JSON.stringify(r.body));
  t.is(String(r.body.__type).split('#').pop(), 'ValidationException', JSON.stringify(r.body));
  if (typeof message === 'string') t.is(r.body.message, message);
  else t.regex(String(r.body.message), message);
}

const createWith = (h: Harness, StreamSpecification: unknown, extra: Record<string, unknown> = {}): Promise<Answer> => h.ddb('CreateTable', {
  TableName: uniqueTable('sx'), BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'p', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }], StreamSpecification, ...extra,
});

test(`CreateTable StreamSpecification refusals: ${ACK} DDB-TABLE-035`, async (t) => {
  const { h } = t.context;
  refused(t, await createWith(h, { StreamEnabled: false, StreamViewType: 'NEW_IMAGE' }), `${INVALID}Table is being created with a stream disabled, UpdateViewType should not be specified`);
  refused(t, await createWith(h, { StreamEnabled: true }), `${INVALID}Table is being created with a stream enabled, UpdateViewType is required`);
  refused(t, await createWith(h, { StreamViewType: 'NEW_IMAGE' }), NULL_ENABLED);
  refused(t, await createWith(h, {}), NULL_ENABLED);
});

test(`CreateTable lower-case StreamViewType: ${ACK} DDB-TABLE-035 (the enum in AWS's order)`, async (t) => {
  refused(t, await createWith(t.context.h, { StreamEnabled: true, StreamViewType: 'new_image' }),
    "1 validation error detected: Value 'new_image' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]");
});

test(`UpdateTable unknown StreamViewType: ${ALT} test_create_streams_wrong_type; the enum as ${ACK} DDB-TABLE-035 words it`, async (t) => {
  const { h } = t.context;
  const { name } = await h.table();
  refused(t, await h.ddb('UpdateTable', { TableName: name, StreamSpecification: { StreamEnabled: true, StreamViewType: 'Fisk' } }),
    "1 validation error detected: Value 'Fisk' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]");
});

test(`no StreamSpecification and no LatestStreamArn on a table never streamed: ${ACK} DDB-TABLE-029`, async (t) => {
  const { h } = t.context;
  const { name, create } = await h.table();
  for (const d of [create.body.TableDescription, (await h.ddb('DescribeTable', { TableName: name })).body.Table]) {
    t.false('StreamSpecification' in d);
    t.false('LatestStreamArn' in d);
    t.false('LatestStreamLabel' in d);
  }
});

test(`LatestStreamArn / LatestStreamLabel / StreamSpecification in CreateTable, DescribeTable, UpdateTable and ListStreams: ${ALT} test_latest_stream_arn / _label / test_stream_specification`, async (t) => {
  const { h } = t.context;
  const { name, create } = await h.table('KEYS_ONLY');
  const c = create.body.TableDescription;
  t.regex(c.LatestStreamLabel, LABEL);
  t.is(c.LatestStreamArn, `${c.TableArn}/stream/${c.LatestStreamLabel}`);
  t.deepEqual(c.StreamSpecification, { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
  const listed = (await h.streams('ListStreams', { TableName: name })).body.Streams;
  t.deepEqual(listed, [{ StreamArn: c.LatestStreamArn, TableName: name, StreamLabel: c.LatestStreamLabel }]);
  const described = (await h.ddb('DescribeTable', { TableName: name })).body.Table;
  const updated = (await h.ddb('UpdateTable', { TableName: name, BillingMode: 'PAY_PER_REQUEST' })).body.TableDescription;
  for (const d of [described, updated]) {
    t.like(d, { LatestStreamArn: c.LatestStreamArn, LatestStreamLabel: c.LatestStreamLabel });
    t.deepEqual(d.StreamSpecification, { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
  }
});

test(`UpdateTable enable / re-send / change / disable / disable again / re-enable: ${ACK} DDB-TABLE-050, -180, -362; ${ALT} test_streams_change_type, _enable_on_enabled, _disable_on_disabled`, async (t) => {
  const { h } = t.context;
  const { name } = await h.table();
  const upd = (StreamSpecification: unknown): Promise<Answer> => h.ddb('UpdateTable', { TableName: name, StreamSpecification });
  const enabled = await upd({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
  t.is(enabled.status, 200);
  const first = enabled.body.TableDescription;
  t.regex(first.LatestStreamLabel, LABEL);
  // DDB-TABLE-180: the answer is UPDATING and already carries the new spec and ARN.
  t.like(first, { TableStatus: 'UPDATING', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } });
  refused(t, await upd({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' }), `Table already has an enabled stream: TableName: ${name}`);
  refused(t, await upd({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' }), `Table already has an enabled stream: TableName: ${name}`);
  refused(t, await upd({ StreamEnabled: true }), `${INVALID}If stream is being enabled then UpdateViewType is required`);
  refused(t, await upd({ StreamEnabled: false, StreamViewType: 'KEYS_ONLY' }), `${INVALID}If stream is being disabled, then UpdateViewType must not be specified`);
  const disabled = await upd({ StreamEnabled: false });
  t.is(disabled.status, 200);
  // DDB-TABLE-180: the disable answer has no StreamSpecification and keeps LatestStreamArn.
  t.false('StreamSpecification' in disabled.body.TableDescription);
  t.is(disabled.body.TableDescription.LatestStreamArn, first.LatestStreamArn);
  const off = (await h.ddb('DescribeTable', { TableName: name })).body.Table;
  t.false('StreamSpecification' in off); // absent, as never enabled
  t.like(off, { LatestStreamArn: first.LatestStreamArn, LatestStreamLabel: first.LatestStreamLabel }); // they linger
  refused(t, await upd({ StreamEnabled: false }), `Table has no stream to disable: TableName: ${name}`);
  await new Promise((resolve) => setTimeout(resolve, 2)); // a later label
  const again = await upd({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  t.is(again.status, 200);
  const second = again.body.TableDescription;
  t.not(second.LatestStreamArn, first.LatestStreamArn); // the answer already carries the new ARN
  t.deepEqual(second.StreamSpecification, { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  t.is((await h.streams('DescribeStream', { StreamArn: first.LatestStreamArn })).body.StreamDescription.StreamStatus, 'DISABLED');
  const arns = (await h.streams('ListStreams', { TableName: name })).body.Streams.map((s: any) => s.StreamArn);
  t.deepEqual(arns.sort(), [first.LatestStreamArn, second.LatestStreamArn].sort());
});

test(`a deleted table's streams stay listed and described as DISABLED; a re-created table gets a new ARN: ${ACK} DDB-TABLE-378`, async (t) => {
  const { h } = t.context;
  const { name, arn } = await h.table('KEYS_ONLY');
  t.is((await h.ddb('DeleteTable', { TableName: name })).status, 200);
  const d = await h.streams('DescribeStream', { StreamArn: arn });
  t.is(d.status, 200);
  t.is(d.body.StreamDescription.StreamStatus, 'DISABLED');
  await new Promise((resolve) => setTimeout(resolve, 2));
  const again = await h.ddb('CreateTable', {
    TableName: name, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'p', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }], StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
  });
  t.not(again.body.TableDescription.LatestStreamArn, arn);
  const listed = (await h.streams('ListStreams', { TableName: name })).body.Streams.map((s: any) => s.StreamArn);
  t.true(listed.includes(arn));
  t.true(listed.includes(again.body.TableDescription.LatestStreamArn));
});

test(`StreamSpecification with ProvisionedThroughput, DeletionProtectionEnabled or OnDemandThroughput in one UpdateTable: ${ACK} DDB-TABLE-382 / DDB-TABLE-433`, async (t) => {
  const { h } = t.context;
  const name = uniqueTable('sx');
  await h.ddb('CreateTable', {
    TableName: name, ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 10 },
    AttributeDefinitions: [{ AttributeName: 'p', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }],
  });
  const spec = { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' };
  // ACK quotes the message without saying whether the "One or more parameter values were invalid: " prefix comes first.
  refused(t, await h.ddb('UpdateTable', { TableName: name, ProvisionedThroughput: { ReadCapacityUnits: 11, WriteCapacityUnits: 11 }, StreamSpecification: spec }),
    /^(One or more parameter values were invalid: )?You cannot modify stream status while updating table IOPS$/);
  refused(t, await h.ddb('UpdateTable', { TableName: name, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 11, WriteCapacityUnits: 11 }, StreamSpecification: spec }),
    /^(One or more parameter values were invalid: )?You cannot modify stream status while updating table IOPS$/);
  refused(t, await h.ddb('UpdateTable', { TableName: name, DeletionProtectionEnabled: true, StreamSpecification: spec }),
    `${INVALID}DeletionProtection modification must be the only operation in the request`);
  refused(t, await h.ddb('UpdateTable', { TableName: name, OnDemandThroughput: { MaxReadRequestUnits: 10 }, StreamSpecification: spec }),
    /^(One or more parameter values were invalid: )?OnDemandThroughput can only be combined with BillingMode in an UpdateTable request$/);
  // Nothing was applied by the refusals; BillingMode=PAY_PER_REQUEST + StreamSpecification is accepted, both applied.
  t.false('LatestStreamArn' in (await h.ddb('DescribeTable', { TableName: name })).body.Table);
  const both = await h.ddb('UpdateTable', { TableName: name, BillingMode: 'PAY_PER_REQUEST', StreamSpecification: spec });
  t.is(both.status, 200, JSON.stringify(both.body));
  const d = (await h.ddb('DescribeTable', { TableName: name })).body.Table;
  t.is(d.BillingModeSummary.BillingMode, 'PAY_PER_REQUEST');
  t.deepEqual(d.StreamSpecification, spec);
});
