/**
 * How STS reads a DurationSeconds written in odd ways, against a raw capture of native AWS
 * (signed GetSessionToken query requests, us-east-1, 2026-09-12): radkawar/stackd
 * testdata/aws/sts/query_inputs.json, one row per `observations` entry (value, code, status).
 * The capture keeps codes, not messages.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const INPUTS = 'radkawar/stackd testdata/aws/sts/query_inputs.json';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

const sessionToken = (value: string) => queryPost(server.endpoint, { service: 'sts', params: { Action: 'GetSessionToken', DurationSeconds: value } });

for (const value of ['900', '0900', '+900']) {
  test(`GetSessionToken takes DurationSeconds ${JSON.stringify(value)} [${INPUTS} value ${JSON.stringify(value)} (2026-09-12)]`, async (t) => {
    const answer = await sessionToken(value);
    t.is(answer.status, 200, answer.body);
    const expiration = Date.parse(xmlValue(answer.body, 'Expiration') ?? '');
    t.true(Math.abs(expiration - Date.now() - 900_000) < 60_000, answer.body);
  });
}

test(`GetSessionToken refuses DurationSeconds "0" as below the minimum: ValidationError [${INPUTS} value "0" (2026-09-12)]`, async (t) => {
  const answer = await sessionToken('0');
  t.is(answer.status, 400, answer.body);
  t.is(xmlValue(answer.body, 'Code'), 'ValidationError');
});

const MALFORMED = [' 900 ', '\t900\n', '900.0', '9e2', '2147483648'];

for (const value of MALFORMED) {
  test(`GetSessionToken refuses DurationSeconds ${JSON.stringify(value)} with a 400 before reading it [${INPUTS} value ${JSON.stringify(value)} (2026-09-12)]`, async (t) => {
    const answer = await sessionToken(value);
    t.is(answer.status, 400, answer.body);
    t.is(xmlValue(answer.body, 'Type'), 'Sender');
  });

  // The capture keeps the code, not a message: the message is the query decoder's (src/protocols/query/decode.ts).
  test(`GetSessionToken answers MalformedInput for DurationSeconds ${JSON.stringify(value)} [${INPUTS} value ${JSON.stringify(value)} (2026-09-12)]`, async (t) => {
    const answer = await sessionToken(value);
    t.is(xmlValue(answer.body, 'Code'), 'MalformedInput');
  });
}
