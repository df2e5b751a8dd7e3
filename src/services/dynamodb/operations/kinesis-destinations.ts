/**
 * Describe/Enable/Disable/UpdateKinesisStreamingDestination, answered as AWS answers them for
 * streams that do not exist (kinesis-destination-state.ts): an Enable is accepted and fails a
 * moment later, a destination never becomes ACTIVE, so Disable and Update are always refused.
 *
 * Source: native AWS, radkawar/stackd testdata/aws/dynamodb/kinesis_destination.json
 * (us-east-1, 2026-09-19); sequence numbers beside each rule.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_EnableKinesisStreamingDestination.html
 */
import type {
  DescribeKinesisStreamingDestinationInput, DescribeKinesisStreamingDestinationOutput, DisableKinesisStreamingDestinationInput,
  DisableKinesisStreamingDestinationOutput, EnableKinesisStreamingDestinationInput, EnableKinesisStreamingDestinationOutput, KinesisDataStreamDestination,
  UpdateKinesisStreamingDestinationInput, UpdateKinesisStreamingDestinationOutput,
} from '../../../model/generated/dynamodb-types.js';
import { Constraints } from '../constraints.js';
import type { DdbHandler } from '../context.js';
import { ddbErrors } from '../errors.js';
import { type DestinationRecord, failureOf, isEnabling, readDestinations, writeDestinations } from '../kinesis-destination-state.js';
import { checkTableName } from '../table-constraints.js';
import { isResolvableName, requireNamedTable } from '../table-lookup.js';

const PRECISIONS = ['MILLISECOND', 'MICROSECOND'];
/** The prefix of every state refusal, whatever the operation (seq 15, 16, 18, 53). */
const STATE = 'Table is not in a valid state to enable Kinesis Streaming Destination: ';

/** TableName, then StreamArn: seq 21, 'not-an-arn' fails the length, the only constraint AWS checks on it. */
function checkMembers(c: Constraints, table: string | undefined, arn: string | undefined): void {
  if (!isResolvableName(table, 3)) checkTableName(c, 'tableName', table);
  if (c.notNull('streamArn', arn)) c.length('streamArn', arn, 37, 1024);
}

function shown(d: DestinationRecord, now: number): KinesisDataStreamDestination {
  const precision = d.precision !== undefined ? { ApproximateCreationDateTimePrecision: d.precision } : {};
  return isEnabling(d, now)
    ? { ...precision, DestinationStatus: 'ENABLING', StreamArn: d.streamArn }
    : { ...precision, DestinationStatus: 'ENABLE_FAILED', DestinationStatusDescription: d.failure, StreamArn: d.streamArn };
}

/** seq 14: a table that never had one answers an empty list; seq 389: TableName may be the table's ARN. */
export const describeKinesisStreamingDestination: DdbHandler<DescribeKinesisStreamingDestinationInput, DescribeKinesisStreamingDestinationOutput> = async (deps, ctx, input) => {
  const table = requireNamedTable(deps, ctx, input.TableName);
  const now = deps.now();
  return { KinesisDataStreamDestinations: (await readDestinations(deps.meta, table)).map((d) => shown(d, now)), TableName: table.name };
};

/**
 * Refused while any destination of the table is ENABLING (seq 18, 22, 27, 52); accepted again once
 * it failed (seq 20, 64). Input is checked first (seq 21, 23), then the table (seq 11).
 */
export const enableKinesisStreamingDestination: DdbHandler<EnableKinesisStreamingDestinationInput, EnableKinesisStreamingDestinationOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  checkMembers(c, input.TableName, input.StreamArn);
  const precision = input.EnableKinesisStreamingConfiguration?.ApproximateCreationDateTimePrecision;
  c.oneOf('enableKinesisStreamingConfiguration.approximateCreationDateTimePrecision', precision, PRECISIONS);
  c.check();
  const found = requireNamedTable(deps, ctx, input.TableName);
  return deps.tables.locks.run(`kinesis\0${found.id}`, async () => {
    const table = requireNamedTable(deps, ctx, input.TableName);
    const now = deps.now();
    const destinations = await readDestinations(deps.meta, table);
    if (destinations.some((d) => isEnabling(d, now))) {
      throw ddbErrors.validation(`${STATE}EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.`);
    }
    const record: DestinationRecord = { streamArn: input.StreamArn, enabledAt: now, ...failureOf(input.StreamArn, table.account, table.region), ...(precision !== undefined ? { precision } : {}) };
    await writeDestinations(deps.meta, table, [record, ...destinations.filter((d) => d.streamArn !== input.StreamArn)]);
    // seq 17: the configuration is echoed, {} when none was given; seq 392: TableName is the name even when an ARN was sent.
    return { DestinationStatus: 'ENABLING', EnableKinesisStreamingConfiguration: precision !== undefined ? { ApproximateCreationDateTimePrecision: precision } : {}, StreamArn: input.StreamArn, TableName: table.name };
  });
};

/** Only an ACTIVE destination can be disabled, and none ever is here (seq 15, 29, 40, 390). */
export const disableKinesisStreamingDestination: DdbHandler<DisableKinesisStreamingDestinationInput, DisableKinesisStreamingDestinationOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  checkMembers(c, input.TableName, input.StreamArn);
  c.check();
  requireNamedTable(deps, ctx, input.TableName);
  throw ddbErrors.validation(`${STATE}KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.`);
};

/**
 * A stream never enabled on the table (seq 16, 391), then one that is not ACTIVE (seq 53, 104);
 * an empty configuration is refused after the enum check (seq 100-102).
 */
export const updateKinesisStreamingDestination: DdbHandler<UpdateKinesisStreamingDestinationInput, UpdateKinesisStreamingDestinationOutput> = async (deps, ctx, input) => {
  const c = new Constraints();
  checkMembers(c, input.TableName, input.StreamArn);
  const precision = input.UpdateKinesisStreamingConfiguration?.ApproximateCreationDateTimePrecision;
  c.oneOf('updateKinesisStreamingConfiguration.approximateCreationDateTimePrecision', precision, PRECISIONS);
  c.check();
  const table = requireNamedTable(deps, ctx, input.TableName);
  if (precision === undefined) {
    throw ddbErrors.validation('Streaming destination cannot be updated with given parameters: UpdateKinesisStreamingConfiguration cannot be null or contain only null values');
  }
  const destinations = await readDestinations(deps.meta, table);
  if (!destinations.some((d) => d.streamArn === input.StreamArn)) {
    throw ddbErrors.validation(`${STATE}No streaming destination with streamArn: ${input.StreamArn} found for table with tableName: ${table.name}`);
  }
  throw ddbErrors.validation(`${STATE}Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state. TableName: ${table.name}, kdsArn: ${input.StreamArn}`);
};
