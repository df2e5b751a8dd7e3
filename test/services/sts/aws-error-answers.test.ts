/**
 * STS's answers to invalid input, row by row against what AWS answered: localstack's
 * tests/aws/services/sts/test_sts.snapshot.json (recorded against AWS on the date given) and
 * issue threads quoting AWS. Over the query protocol, each row compares the status, the error's
 * Code and Type and the exact message.
 */
import test from 'ava';
import { startBoltstack } from '../../helpers/server.js';
import { queryPost, xmlValue } from '../../helpers/query-client.js';
import type { Boltstack } from '../../../src/index.js';

const SNAP = 'localstack tests/aws/services/sts/test_sts.snapshot.json';
const ROLE = 'arn:aws:iam::111122223333:role/test-role';

let server: Boltstack;
test.before(async () => { server = await startBoltstack(); });
test.after.always(async () => { await server?.stop(); });

interface Row { name: string; source: string; params: Record<string, string>; code: string; message: string }

const assume = (params: Record<string, string>): Record<string, string> => ({ Action: 'AssumeRole', RoleArn: ROLE, RoleSessionName: 'session', ...params });
const VALIDATION = 'ValidationError';

const ROWS: Row[] = [
  { name: 'AssumeRole with a RoleArn that is no ARN', source: `${SNAP} test_sts_invalid_parameters "malformed-arn" (2025-07-21)`,
    params: assume({ RoleArn: 'nothing-valid-in-here' }), code: VALIDATION, message: 'nothing-valid-in-here is invalid' },
  { name: 'AssumeRole with a RoleArn without partition', source: `${SNAP} test_sts_invalid_parameters "no-partition" (2025-07-21)`,
    params: assume({ RoleArn: 'arn::b:::something/test-role' }), code: VALIDATION, message: 'arn::b:::something/test-role is invalid' },
  { name: 'AssumeRole with a RoleArn without service', source: `${SNAP} test_sts_invalid_parameters "no-service" (2025-07-21)`,
    params: assume({ RoleArn: 'arn:a::::something/test-role' }), code: VALIDATION, message: 'arn:a::::something/test-role is invalid' },
  { name: 'AssumeRole with a RoleArn of too few colons', source: `${SNAP} test_sts_invalid_parameters "not-enough-colons" (2025-07-21)`,
    params: assume({ RoleArn: 'arn:a:::something/test-role' }), code: VALIDATION, message: 'arn:a:::something/test-role is invalid' },
  { name: 'AssumeRole with a RoleArn without resource', source: `${SNAP} test_sts_invalid_parameters "no-resource" (2025-07-21)`,
    params: assume({ RoleArn: 'arn:a:a::aaaaaaaaaa:' }), code: VALIDATION, message: 'arn:a:a::aaaaaaaaaa: is invalid' },
  { name: 'AssumeRole with a colon in RoleSessionName', source: `${SNAP} test_sts_invalid_parameters "invalid-session-name" (2025-07-21)`,
    params: assume({ RoleSessionName: 'Session1:2' }), code: VALIDATION,
    message: "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*" },
  { name: 'AssumeRole with a 65-character RoleSessionName', source: `${SNAP} test_assume_role_session_name_too_long (2026-02-09)`,
    params: assume({ RoleSessionName: 's'.repeat(65) }), code: VALIDATION,
    message: `1 validation error detected: Value '${'s'.repeat(65)}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64` },
  { name: 'AssumeRole for longer than the role allows', source: 'prowler-cloud/prowler#923 (2021-11) and kreuzwerker/awsu#27 (2018), quoting AWS',
    params: assume({ DurationSeconds: '43201' }), code: VALIDATION, message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' },
  { name: 'AssumeRole with a transitive tag key not among the tags', source: `${SNAP} test_assume_role_tag_validation "invalid-transitive-tag-keys" (2025-04-10)`,
    params: assume({ 'Tags.member.1.Key': 'SessionTag1', 'Tags.member.1.Value': 'SessionValue1', 'TransitiveTagKeys.member.1': 'non-existent' }),
    code: 'InvalidParameterValue', message: 'The specified transitive tag key must be included in the requested tags.' },
  { name: 'AssumeRole with two tag keys differing in case', source: `${SNAP} test_assume_role_tag_validation "duplicate-tag-keys-different-casing" (2025-04-10)`,
    params: assume({ 'Tags.member.1.Key': 'SessionTag1', 'Tags.member.1.Value': 'SessionValue1', 'Tags.member.2.Key': 'sessiontag1', 'Tags.member.2.Value': 'SessionValue2' }),
    code: 'InvalidParameterValue', message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.' },
  { name: 'GetSessionToken for 600 seconds', source: 'goldstack/goldstack#425 (2025-01-30), quoting AWS',
    params: { Action: 'GetSessionToken', DurationSeconds: '600' }, code: VALIDATION,
    message: "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900" },
];

for (const row of ROWS) {
  test(`${row.name} [${row.source}]`, async (t) => {
    const answer = await queryPost(server.endpoint, { service: 'sts', params: row.params });
    t.is(answer.status, 400, answer.body);
    t.is(xmlValue(answer.body, 'Type'), 'Sender');
    t.is(xmlValue(answer.body, 'Code'), row.code);
    t.is(xmlValue(answer.body, 'Message'), row.message);
  });
}
