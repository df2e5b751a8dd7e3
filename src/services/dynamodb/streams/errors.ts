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

/** Iterators live 15 minutes (GetShardIterator). The wording is the one Kinesis-backed services use. */
export const expiredIterator = (createdAt: number, now: number): AwsError =>
  sender('ExpiredIteratorException', `Iterator expired. The iterator was created at time ${new Date(createdAt).toUTCString()} while right now it is ${new Date(now).toUTCString()} which is further in the future than the tolerated delay of 900000 milliseconds.`);

export const trimmedDataAccess = (): AwsError =>
  sender('TrimmedDataAccessException', 'The data you are trying to access has been trimmed');

export const invalidIterator = (): AwsError => sender('ValidationException', 'Invalid ShardIterator');
