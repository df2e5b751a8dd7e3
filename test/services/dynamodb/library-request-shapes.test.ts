/**
 * Requests as the popular modeling libraries build them (ElectroDB 3.9.3, DynamoDB Toolbox
 * 2.10.6, Dynamoose 4.2.0), captured from the SDK's wire body while each library drove boltstack,
 * replayed here with `@aws-sdk/client-dynamodb` (no library is a dependency). One row per shape,
 * named after the library and feature it came from, with the source of AWS's answer beside it.
 * Rows that found a defect say so; the others pin shapes that work, so they keep working.
 */
import test, { type ExecutionContext } from 'ava';
import {
  BatchWriteItemCommand, CreateTableCommand, DescribeTableCommand, DescribeTimeToLiveCommand, GetItemCommand, PutItemCommand, QueryCommand, ScanCommand,
  TransactGetItemsCommand, TransactWriteItemsCommand, UpdateItemCommand, UpdateTimeToLiveCommand,
  type AttributeValue, type CreateTableCommandInput, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startBoltstack } from '../../helpers/server.js';
import type { Boltstack } from '../../../src/index.js';
import { ddbClient, ddbErrorOf, uniqueTable } from './helpers.js';

type Item = Record<string, AttributeValue>;
const S = (s: string): AttributeValue => ({ S: s });
const N = (n: number): AttributeValue => ({ N: String(n) });

/** A table for one row: its definition (no name) and the items put before the request. */
interface Fixture { definition: Omit<CreateTableCommandInput, 'TableName'>; seed: Item[] }

interface Row {
  library: string;
  feature: string;
  /** Where AWS's answer comes from. */
  source: string;
  fixture: Fixture;
  /** Sends the captured request (the table's name put in) and answers what the row checks. */
  send: (ddb: DynamoDBClient, table: string) => Promise<unknown>;
  expected: unknown;
}

const API_QUERY = 'AWS API Reference, Query/Scan "Select" (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html): '
  + '"If any of the requested attributes are not projected into the local secondary index, DynamoDB fetches each of these attributes from the parent table"; getmoto/moto#8916';
const ALTERNATOR_RV = 'scylladb/scylladb test/alternator/test_returnvalues.py test_update_item_returnvalues_nested (run against AWS): '
  + 'setting a list element past its end is not returned by UPDATED_NEW';
const UPDATE_DOC = 'AWS Developer Guide, Expressions.UpdateExpressions (SET if_not_exists/list_append/arithmetic, ADD, DELETE on a set)';

// DynamoDB Toolbox: a table with an LSI projecting one attribute (INCLUDE [count]).
const toolboxLsi: Fixture = {
  definition: {
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }, { AttributeName: 'lsk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'lsk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['count'] } }],
  },
  // lsk runs opposite to sk: l18 (sk 2) ... l10 (sk 10), l9 (sk 11).
  seed: [
    { pk: S('k'), sk: N(1), lsk: S('a'), count: N(1), other: N(2), total: N(2), l2: { L: [N(9)] } },
    ...Array.from({ length: 10 }, (_, i): Item => ({ pk: S('k'), sk: N(i + 2), lsk: S(`l${18 - i}`), count: N(i + 2), name: S(`n${i + 2}`) })),
  ],
};

// ElectroDB: single-table design, an entity with composite keys and two GSIs.
const electroEmployee = (employee: string, office: string, extra: Item = {}): Item => ({
  employee: S(employee), firstName: S('F'), lastName: S('L'), office: S(office), title: S('engineer'), team: S('development'),
  salary: N(1000), dateHired: S('2020-02-11'), tags: { SS: ['a', 'b'] }, skills: { L: [S('js')] },
  address: { M: { city: S('P'), zip: S('97201'), geo: { M: { lat: N(1), lng: N(2) } } } }, logins: N(0),
  pk: S(`$taskapp#employee_${employee}`), sk: S('$employee_1'),
  gsi1pk: S(`$taskapp#office_${office}`), gsi1sk: S(`$workplaces#employee_1#team_development#title_engineer#employee_${employee}`),
  __edb_e__: S('employee'), __edb_v__: S('1'), ...extra,
});
const electroTable: Fixture = {
  definition: {
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{ IndexName: 'gsi1pk-gsi1sk-index', KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  },
  seed: [
    electroEmployee('e000', 'portland'),
    electroEmployee('e001', 'gw'),
    electroEmployee('e003', 'gw', { manager: S('boss') }),
    electroEmployee('e005', 'gw', { skills: { L: [] } }),
    electroEmployee('e007', 'gw', { salary: N(200000) }),
  ],
};

// Dynamoose: a composite-key table (created by the row itself).
const dynamooseEmpty: Fixture = { definition: {}, seed: [] };
const dynamooseCats: Fixture = {
  definition: {
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'owner', AttributeType: 'S' }, { AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }, { AttributeName: 'id', KeyType: 'RANGE' }],
  },
  seed: [{ owner: S('ann'), id: S('tx1'), name: S('T'), lives: N(9), hits: { NS: ['1', '100'] } }],
};

// Dynamoose: a schema with `index: { type: 'local', project: ['title'] }` on `stamp`.
const dynamooseLsi: Fixture = {
  definition: {
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }, { AttributeName: 'stamp', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    LocalSecondaryIndexes: [{ IndexName: 'stampLsi', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'stamp', KeyType: 'RANGE' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['title'] } }],
  },
  seed: [0, 1, 2].map((i): Item => ({ pk: S('a'), sk: N(i), stamp: S(`2024-0${9 - i}`), title: S(`T${i}`), body: S(`B${i}`), score: N(i * 10) })),
};

// A composite-key table with nothing in it (an update's item does not exist).
const emptyComposite: Fixture = {
  definition: {
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  },
  seed: [],
};
const ALTERNATOR_NON_EXISTENT = 'scylladb/scylladb test/alternator/test_item.py test_update_item_non_existent and test_update_item_delete, '
  + 'test_returnvalues.py test_update_item_returnvalues_all_new (run against AWS): an update that only removes creates no item and answers no Attributes';

const rows: Row[] = [
  // ---- Defects found (each failed before its fix) ----
  {
    library: 'DynamoDB Toolbox', feature: 'Table QueryCommand .entities(E).query({ index: LSI, range: { beginsWith } }).options({ attributes, limit }) naming an attribute the LSI does not project',
    source: API_QUERY, fixture: toolboxLsi,
    send: async (ddb, TableName) => {
      const out = await ddb.send(new QueryCommand({
        TableName, IndexName: 'lsi', Limit: 2, ProjectionExpression: '#p_1, #p_2, #_et', KeyConditionExpression: '(#c0_1 = :c0_1) AND (begins_with(#c0_2, :c0_2))',
        ExpressionAttributeNames: { '#p_1': 'name', '#p_2': 'sk', '#_et': '_et', '#c0_1': 'pk', '#c0_2': 'lsk' }, ExpressionAttributeValues: { ':c0_1': S('k'), ':c0_2': S('l1') },
      }));
      return [out.Items, out.LastEvaluatedKey];
    },
    expected: [[{ name: S('n10'), sk: N(10) }, { name: S('n9'), sk: N(9) }], { pk: S('k'), sk: N(9), lsk: S('l11') }],
  },
  {
    library: 'DynamoDB Toolbox', feature: 'Table ScanCommand .entities(E).options({ index: LSI, attributes, limit }) naming an attribute the LSI does not project',
    source: API_QUERY, fixture: toolboxLsi,
    send: async (ddb, TableName) => (await ddb.send(new ScanCommand({
      TableName, IndexName: 'lsi', Limit: 2, ProjectionExpression: '#p_1, #p_2, #_et', ExpressionAttributeNames: { '#p_1': 'name', '#p_2': 'sk', '#_et': '_et' },
    }))).Items,
    // LSI order: lsk "a" (sk 1, no name) before "l10".
    expected: [{ sk: N(1) }, { name: S('n10'), sk: N(10) }],
  },
  {
    library: 'Dynamoose', feature: "Model.query('pk').eq(v).where('stamp').beginsWith(p).using(LSI).attributes([...]) naming an attribute the LSI does not project",
    source: API_QUERY, fixture: dynamooseLsi,
    send: async (ddb, TableName) => (await ddb.send(new QueryCommand({
      TableName, IndexName: 'stampLsi', ProjectionExpression: '#a1, #a2, #a3', KeyConditionExpression: '#qha = :qhv AND begins_with (#qra, :qrv)',
      ExpressionAttributeNames: { '#qha': 'pk', '#qra': 'stamp', '#a1': 'sk', '#a2': 'body', '#a3': 'title' }, ExpressionAttributeValues: { ':qhv': S('a'), ':qrv': S('2024') },
    }))).Items,
    expected: [2, 1, 0].map((i) => ({ sk: N(i), body: S(`B${i}`), title: S(`T${i}`) })),
  },
  {
    library: 'DynamoDB Toolbox', feature: 'UpdateItemCommand item({ l2: { 20: 1 }, count: $add(1) }) with returnValues UPDATED_NEW (a list index past the end appends)',
    source: ALTERNATOR_RV, fixture: toolboxLsi,
    send: async (ddb, TableName) => {
      const out = await ddb.send(new UpdateItemCommand({
        TableName, Key: { pk: S('k'), sk: N(1) }, ReturnValues: 'UPDATED_NEW', UpdateExpression: 'SET #s_1[20] = :s_1 ADD #a_1 :a_1',
        ExpressionAttributeNames: { '#a_1': 'count', '#s_1': 'l2' }, ExpressionAttributeValues: { ':a_1': N(1), ':s_1': N(1) },
      }));
      return out.Attributes;
    },
    expected: { count: N(2) },
  },
  {
    library: 'Dynamoose', feature: "Model.update(key, { $REMOVE: ['nickname'] }) on a missing item (schema without timestamps; Dynamoose asks ALL_NEW)",
    source: ALTERNATOR_NON_EXISTENT, fixture: emptyComposite,
    send: async (ddb, TableName) => {
      const out = await ddb.send(new UpdateItemCommand({ TableName, Key: { pk: S('x'), sk: S('1') }, ReturnValues: 'ALL_NEW', UpdateExpression: 'REMOVE #a0', ExpressionAttributeNames: { '#a0': 'nickname' } }));
      const stored = await ddb.send(new GetItemCommand({ TableName, Key: { pk: S('x'), sk: S('1') }, ConsistentRead: true }));
      return [out.Attributes, stored.Item];
    },
    expected: [undefined, undefined],
  },
  {
    library: 'DynamoDB Toolbox', feature: 'UpdateItemCommand item({ nickname: $remove(), tags: $delete(new Set(["a"])) }) on a missing item, returnValues ALL_NEW (timestamps and entity attribute off)',
    source: ALTERNATOR_NON_EXISTENT, fixture: emptyComposite,
    send: async (ddb, TableName) => {
      const out = await ddb.send(new UpdateItemCommand({
        TableName, Key: { pk: S('y'), sk: S('1') }, ReturnValues: 'ALL_NEW', UpdateExpression: 'REMOVE #r_1 DELETE #d_1 :d_1',
        ExpressionAttributeNames: { '#r_1': 'nickname', '#d_1': 'tags' }, ExpressionAttributeValues: { ':d_1': { SS: ['a'] } },
      }));
      const stored = await ddb.send(new GetItemCommand({ TableName, Key: { pk: S('y'), sk: S('1') }, ConsistentRead: true }));
      return [out.Attributes, stored.Item];
    },
    expected: [undefined, undefined],
  },
  {
    library: 'DynamoDB Toolbox', feature: 'executeTransactWrite(E.build(UpdateTransaction).item({ nickname: $remove() }), E.build(PutTransaction)...) with the updated item missing',
    // The transactional Update is the same write as UpdateItem (API_TransactWriteItems: "Update -
    // Initiates an UpdateItem operation"), so it follows the UpdateItem captures.
    source: ALTERNATOR_NON_EXISTENT, fixture: emptyComposite,
    send: async (ddb, TableName) => {
      await ddb.send(new TransactWriteItemsCommand({ TransactItems: [
        { Update: { TableName, Key: { pk: S('z'), sk: S('1') }, UpdateExpression: 'REMOVE #r_1', ExpressionAttributeNames: { '#r_1': 'nickname' } } },
        { Put: { TableName, Item: { pk: S('z'), sk: S('2'), nickname: S('n') } } },
      ] }));
      return (await ddb.send(new ScanCommand({ TableName }))).Items;
    },
    expected: [{ pk: S('z'), sk: S('2'), nickname: S('n') }],
  },
  // ---- Shapes that already work ----
  {
    library: 'DynamoDB Toolbox', feature: 'UpdateItemCommand item({ total: $sum($get(count), $get(other)) }) with returnValues ALL_NEW',
    source: UPDATE_DOC, fixture: toolboxLsi,
    send: async (ddb, TableName) => (await ddb.send(new UpdateItemCommand({
      TableName, Key: { pk: S('k'), sk: N(1) }, ReturnValues: 'ALL_NEW', UpdateExpression: 'SET #s_1 = #s_2 + #s_3',
      ExpressionAttributeNames: { '#s_1': 'total', '#s_2': 'count', '#s_3': 'other' },
    }))).Attributes?.total,
    expected: N(3),
  },
  {
    library: 'DynamoDB Toolbox', feature: 'QueryCommand on an LSI, attributes all projected (read from the index alone)',
    source: API_QUERY, fixture: toolboxLsi,
    send: async (ddb, TableName) => (await ddb.send(new QueryCommand({
      TableName, IndexName: 'lsi', ProjectionExpression: '#p_1, #p_2, #p_3', KeyConditionExpression: '(#c0_1 = :c0_1) AND (#c0_2 < :c0_2)',
      ExpressionAttributeNames: { '#p_1': 'sk', '#p_2': 'lsk', '#p_3': 'count', '#c0_1': 'pk', '#c0_2': 'lsk' }, ExpressionAttributeValues: { ':c0_1': S('k'), ':c0_2': S('l12') },
    }))).Items,
    expected: [{ sk: N(1), lsk: S('a'), count: N(1) }, { sk: N(10), lsk: S('l10'), count: N(10) }, { sk: N(9), lsk: S('l11'), count: N(9) }],
  },
  {
    library: 'ElectroDB', feature: 'patch().data(({ address, salary, logins, skills, tags }, { set, add, subtract, append, del, ifNotExists }) => ...) go({ response: "all_new" })',
    source: UPDATE_DOC, fixture: electroTable,
    send: async (ddb, TableName) => {
      const out = await ddb.send(new UpdateItemCommand({
        TableName, Key: { pk: S('$taskapp#employee_e000'), sk: S('$employee_1') }, ReturnValues: 'ALL_NEW',
        UpdateExpression: 'SET #address.#city = :city_u0, #logins = (if_not_exists(#logins, :logins_default_value_u0) - :logins_u0), #skills = list_append(if_not_exists(#skills, :skills_default_value_u0), :skills_u0), #address.#zip = if_not_exists(#address.#zip, :zip_u0), #address.#geo.#lat = :lat_u0, #updatedAt = :updatedAt_u0, #employee = :employee_u0, #__edb_e__ = :__edb_e___u0, #__edb_v__ = :__edb_v___u0 ADD #salary :salary_u0 DELETE #tags :tags_u0',
        ConditionExpression: 'attribute_exists(#pk) AND attribute_exists(#sk)',
        ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#address': 'address', '#city': 'city', '#salary': 'salary', '#logins': 'logins', '#skills': 'skills', '#tags': 'tags', '#zip': 'zip', '#geo': 'geo', '#lat': 'lat', '#updatedAt': 'updatedAt', '#employee': 'employee', '#__edb_e__': '__edb_e__', '#__edb_v__': '__edb_v__' },
        ExpressionAttributeValues: { ':city_u0': S('Seattle'), ':salary_u0': N(5), ':logins_u0': N(1), ':logins_default_value_u0': N(0), ':skills_u0': { L: [S('go')] }, ':skills_default_value_u0': { L: [] }, ':tags_u0': { SS: ['a'] }, ':zip_u0': S('00000'), ':lat_u0': N(47), ':updatedAt_u0': S('2026-12-07T15:44:50.005Z'), ':employee_u0': S('e000'), ':__edb_e___u0': S('employee'), ':__edb_v___u0': S('1') },
      }));
      const a = out.Attributes!;
      return [a.address, a.logins, a.skills, a.salary, a.tags];
    },
    expected: [{ M: { city: S('Seattle'), zip: S('97201'), geo: { M: { lat: N(47), lng: N(2) } } } }, N(-1), { L: [S('js'), S('go')] }, N(1005), { SS: ['b'] }],
  },
  {
    library: 'ElectroDB', feature: 'query.coworkers({ office }).where(size/contains/notExists/between/begins on a nested path) on a GSI, sort key begins_with',
    source: 'AWS Developer Guide, Expressions.OperatorsAndFunctions (size, contains, attribute_not_exists, BETWEEN, begins_with; keywords are case-insensitive)', fixture: electroTable,
    send: async (ddb, TableName) => (await ddb.send(new QueryCommand({
      TableName, IndexName: 'gsi1pk-gsi1sk-index',
      FilterExpression: 'size(#skills) >= :skills0 AND contains(#tags, :tags0) AND attribute_not_exists(#manager) AND (#salary between :salary0 and :salary1) AND begins_with(#address.#zip, :zip0)',
      KeyConditionExpression: '#pk = :pk and begins_with(#sk1, :sk1)',
      ExpressionAttributeNames: { '#skills': 'skills', '#tags': 'tags', '#manager': 'manager', '#salary': 'salary', '#address': 'address', '#zip': 'zip', '#pk': 'gsi1pk', '#sk1': 'gsi1sk' },
      ExpressionAttributeValues: { ':skills0': N(1), ':tags0': S('a'), ':salary0': N(0), ':salary1': N(100000), ':zip0': S('972'), ':pk': S('$taskapp#office_gw'), ':sk1': S('$workplaces#employee_1#team_') },
    }))).Items!.map((i) => i.employee),
    expected: [S('e001')],
  },
  {
    library: 'ElectroDB', feature: 'service.transaction.write([create().commit({ response: "all_old" }), patch().commit()]) cancelled',
    source: 'radkawar/stackd testdata/aws/dynamodb/data.json seq 60-61 (2026-09-17): reasons in order, the old item on ALL_OLD', fixture: electroTable,
    send: async (ddb, TableName) => {
      const err = await ddbErrorOf(ddb.send(new TransactWriteItemsCommand({
        ClientRequestToken: 'd6321873-e117-4d04-bd2e-605e1ba714f6',
        TransactItems: [
          { Put: { TableName, Item: electroEmployee('e001', 'gw'), ConditionExpression: 'attribute_not_exists(#pk) AND attribute_not_exists(#sk)', ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
          { Update: {
            TableName, Key: { pk: S('$taskapp#employee_e006'), sk: S('$employee_1') },
            UpdateExpression: 'SET #updatedAt = :updatedAt_u0, #employee = :employee_u0, #__edb_e__ = :__edb_e___u0, #__edb_v__ = :__edb_v___u0 ADD #logins :logins_u0',
            ConditionExpression: 'attribute_exists(#pk) AND attribute_exists(#sk)',
            ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#logins': 'logins', '#updatedAt': 'updatedAt', '#employee': 'employee', '#__edb_e__': '__edb_e__', '#__edb_v__': '__edb_v__' },
            ExpressionAttributeValues: { ':logins_u0': N(1), ':updatedAt_u0': S('2026-12-07T15:44:50.109Z'), ':employee_u0': S('e006'), ':__edb_e___u0': S('employee'), ':__edb_v___u0': S('1') },
          } },
        ],
      })));
      const reasons = (err as unknown as { CancellationReasons: Array<{ Code: string; Item?: Item }> }).CancellationReasons;
      return [err.name, reasons.map((r) => [r.Code, r.Item?.employee])];
    },
    expected: ['TransactionCanceledException', [['ConditionalCheckFailed', S('e001')], ['ConditionalCheckFailed', undefined]]],
  },
  {
    library: 'ElectroDB', feature: 'query.coworkers({ office }).go({ limit: 2 }) then go({ cursor }): the GSI page key carries the table and index keys',
    // An index's page key is its keys plus the table's (moto's aws_verified test_query_lsi_pagination
    // pins {pk, sk, lsi_sk}); GSI pages resume from it (test_query_gsi_pagination_with_string_gsi_range, aws_verified).
    source: 'getmoto/moto tests/test_dynamodb/test_dynamodb_query.py test_query_lsi_pagination and test_query_gsi_pagination_* (aws_verified)', fixture: electroTable,
    send: async (ddb, TableName) => {
      const input = { TableName, IndexName: 'gsi1pk-gsi1sk-index', Limit: 2, KeyConditionExpression: '#pk = :pk and begins_with(#sk1, :sk1)',
        ExpressionAttributeNames: { '#pk': 'gsi1pk', '#sk1': 'gsi1sk' }, ExpressionAttributeValues: { ':pk': S('$taskapp#office_gw'), ':sk1': S('$workplaces#employee_1#team_') } };
      const first = await ddb.send(new QueryCommand(input));
      const second = await ddb.send(new QueryCommand({ ...input, ExclusiveStartKey: first.LastEvaluatedKey }));
      return [first.LastEvaluatedKey, [...first.Items!, ...second.Items!].map((i) => i.employee), second.LastEvaluatedKey];
    },
    expected: [
      { pk: S('$taskapp#employee_e003'), sk: S('$employee_1'), gsi1pk: S('$taskapp#office_gw'), gsi1sk: S('$workplaces#employee_1#team_development#title_engineer#employee_e003') },
      [S('e001'), S('e003'), S('e005'), S('e007')],
      { pk: S('$taskapp#employee_e007'), sk: S('$employee_1'), gsi1pk: S('$taskapp#office_gw'), gsi1sk: S('$workplaces#employee_1#team_development#title_engineer#employee_e007') },
    ],
  },
  {
    library: 'DynamoDB Toolbox', feature: 'Table QueryCommand .query({ partition }).options({ select: "COUNT" })',
    source: 'AWS API Reference, Query Select COUNT (Count and ScannedCount, no Items)', fixture: toolboxLsi,
    send: async (ddb, TableName) => {
      const out = await ddb.send(new QueryCommand({ TableName, Select: 'COUNT', KeyConditionExpression: '#c0_1 = :c0_1', ExpressionAttributeNames: { '#c0_1': 'pk' }, ExpressionAttributeValues: { ':c0_1': S('k') } }));
      return [out.Count, out.ScannedCount, out.Items];
    },
    expected: [11, 11, undefined],
  },
  {
    library: 'Dynamoose', feature: 'dynamoose.transaction([Model.transaction.get(...), ...]) with a missing item (Dynamoose itself then fails to unmarshall {}, as it would on AWS)',
    source: 'radkawar/stackd testdata/aws/dynamodb/data.json seq 61 and 65 (2026-09-17): a missing item answers {}', fixture: dynamooseCats,
    send: async (ddb, TableName) => (await ddb.send(new TransactGetItemsCommand({
      TransactItems: [{ Get: { Key: { owner: S('ann'), id: S('tx1') }, TableName } }, { Get: { Key: { owner: S('no'), id: S('no') }, TableName } }],
    }))).Responses,
    expected: [{ Item: { owner: S('ann'), id: S('tx1'), name: S('T'), lives: N(9), hits: { NS: ['1', '100'] } } }, {}],
  },
  {
    library: 'Dynamoose', feature: 'Model.update(key, { $ADD: { hits: [5, 6] }, $DELETE: { hits: [100] } }) (ADD and DELETE on one set)',
    // The text after "Invalid UpdateExpression: " as an AWS Lambda log quotes it; the envelope
    // before it is pinned elsewhere (aws-captures-stackd-audit-data.test.ts seq 13).
    source: 'scylladb/scylladb test/alternator/test_update_expression.py (overlapping paths refused, run against AWS); the message as quoted from AWS in a public Lambda handler comment ("Invalid UpdateExpression: Two document paths overlap ...")',
    fixture: dynamooseCats,
    send: async (ddb, TableName) => {
      const err = await ddbErrorOf(ddb.send(new UpdateItemCommand({
        Key: { owner: S('ann'), id: S('tx1') }, ReturnValues: 'ALL_NEW', TableName, UpdateExpression: 'DELETE #a2 :v2 ADD #a1 :v1 SET #a0 = :v0',
        ExpressionAttributeNames: { '#a0': 'modified', '#a1': 'hits', '#a2': 'hits' }, ExpressionAttributeValues: { ':v0': S('2026-12-07T15:42:07.994Z'), ':v1': { NS: ['5', '6'] }, ':v2': { NS: ['100'] } },
      })));
      return [err.name, err.message.slice(err.message.indexOf('Invalid UpdateExpression'))];
    },
    expected: ['ValidationException', 'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [hits], path two: [hits]'],
  },
  {
    library: 'Dynamoose', feature: 'new Table(name, [Model], { create, throughput: {read,write}, tags, tableClass: "infrequentAccess", streamOptions, expires }).initialize(): CreateTable then UpdateTimeToLive',
    source: 'AWS API Reference, CreateTable and UpdateTimeToLive (TableClassSummary, StreamSpecification, per-GSI ProvisionedThroughput)', fixture: dynamooseEmpty,
    send: async (ddb, TableName) => {
      await ddb.send(new CreateTableCommand({
        TableName,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }, { AttributeName: 'cat', AttributeType: 'S' }, { AttributeName: 'stamp', AttributeType: 'S' }, { AttributeName: 'score', AttributeType: 'N' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        LocalSecondaryIndexes: [{ IndexName: 'stampLsi', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'stamp', KeyType: 'RANGE' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['title'] } }],
        GlobalSecondaryIndexes: [
          { IndexName: 'catIdx', KeySchema: [{ AttributeName: 'cat', KeyType: 'HASH' }, { AttributeName: 'score', KeyType: 'RANGE' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['title'] }, ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } },
          { IndexName: 'catKeys', KeySchema: [{ AttributeName: 'cat', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } },
        ],
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        Tags: [{ Key: 'team', Value: 'a' }, { Key: 'env', Value: 'dev' }], TableClass: 'STANDARD_INFREQUENT_ACCESS',
      }));
      const before = (await ddb.send(new DescribeTimeToLiveCommand({ TableName }))).TimeToLiveDescription;
      await ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' } }));
      const after = (await ddb.send(new DescribeTimeToLiveCommand({ TableName }))).TimeToLiveDescription;
      const d = (await ddb.send(new DescribeTableCommand({ TableName }))).Table!;
      return [before, after, d.TableClassSummary?.TableClass, d.StreamSpecification, d.GlobalSecondaryIndexes?.map((g) => [g.IndexName, g.IndexStatus, g.ProvisionedThroughput?.ReadCapacityUnits])];
    },
    expected: [{ TimeToLiveStatus: 'DISABLED' }, { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' }, 'STANDARD_INFREQUENT_ACCESS',
      { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' }, [['catIdx', 'ACTIVE', 2], ['catKeys', 'ACTIVE', 1]]],
  },
  {
    library: 'DynamoDB Toolbox', feature: 'executeBatchWrite({ capacity: "INDEXES", metrics: "SIZE" }, T1 command, T2 command): ItemCollectionMetrics only for the table with an LSI',
    source: 'AWS API Reference, BatchWriteItem ItemCollectionMetrics ("only if the table has one or more local secondary indexes", as for PutItem)', fixture: toolboxLsi,
    send: async (ddb, TableName) => {
      const other = `${TableName}-nolsi`;
      await ddb.send(new CreateTableCommand({ TableName: other, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }] }));
      const out = await ddb.send(new BatchWriteItemCommand({
        ReturnConsumedCapacity: 'INDEXES', ReturnItemCollectionMetrics: 'SIZE',
        RequestItems: {
          [TableName]: [{ PutRequest: { Item: { pk: S('k'), sk: N(50), lsk: S('z'), _et: S('E1') } } }],
          [other]: [{ PutRequest: { Item: { pk: S('b'), sk: N(1), _et: S('E2') } } }],
        },
      }));
      return [Object.keys(out.ItemCollectionMetrics ?? {}), out.ItemCollectionMetrics?.[TableName]?.[0]?.ItemCollectionKey];
    },
    expected: [[/* the LSI table only */ 'TABLE'], { pk: S('k') }],
  },
];

let server: Boltstack;
let ddb: DynamoDBClient;
test.before(async () => { server = await startBoltstack(); ddb = ddbClient(server.endpoint); });
test.after.always(async () => { await server?.stop(); });

async function prepare(fixture: Fixture): Promise<string> {
  const TableName = uniqueTable('shape');
  if (fixture.definition.KeySchema === undefined) return TableName;
  await ddb.send(new CreateTableCommand({ TableName, ...fixture.definition } as CreateTableCommandInput));
  for (const Item of fixture.seed) await ddb.send(new PutItemCommand({ TableName, Item }));
  return TableName;
}

/** The expected answer with the row's table name put where the row wrote TABLE. */
const withTable = (value: unknown, table: string): unknown => JSON.parse(JSON.stringify(value ?? null).replaceAll('"TABLE"', JSON.stringify(table)));

for (const row of rows) {
  test(`${row.library}: ${row.feature}`, async (t: ExecutionContext) => {
    const table = await prepare(row.fixture);
    const got = await row.send(ddb, table);
    t.deepEqual(JSON.parse(JSON.stringify(got ?? null)), withTable(row.expected, table), `source: ${row.source}`);
  });
}
