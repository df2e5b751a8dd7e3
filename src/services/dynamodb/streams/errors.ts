/** DynamoDB Streams errors, one factory each, with the messages the service sends. */
import { AwsError } from '../../../errors/aws-error.js';

const sender = (code: string, message: string): AwsError => new AwsError({ code, status: 400, message });

export const streamValidation = (message: string): AwsError => sender('ValidationException', message);

export const streamNotFound = (arn: string): AwsError =>
  sender('ResourceNotFoundException', `Requested resource not found: Stream: ${arn} not found`);

export const shardNotFound = (shardId: string, arn: string): AwsError =>
  sender('ResourceNotFoundException', `Requested resource not found: Shard: ${shardId} in Stream: ${arn} not found`);

export const tableNotFound = (table: string): AwsError =>
  sender('ResourceNotFoundException', `Requested resource not found: Table: ${table} not found`);

/**
 * Iterators live 15 minutes (GetShardIterator). The words of a real DynamoDB Streams answer
 * (spring-attic/spring-integration-aws PR #59, 2017: "Shard iterator has expired (Service:
 * AmazonDynamoDBStreams; Status Code: 400; Error Code: ExpiredIteratorException ...)"), not
 * Kinesis's "Iterator expired. The iterator was created at time ...".
 */
export const expiredIterator = (): AwsError => sender('ExpiredIteratorException', 'Shard iterator has expired');

/** As a real answer quoted it (ironSource/node-dynamodb-stream issue #13, 2019). */
export const trimmedDataAccess = (): AwsError =>
  sender('TrimmedDataAccessException', 'The data you are trying to access has been trimmed');

export const invalidIterator = (): AwsError => sender('ValidationException', 'Invalid ShardIterator');
