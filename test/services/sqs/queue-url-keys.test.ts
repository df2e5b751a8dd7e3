/**
 * QueueUrl → store key, remembered (queue-url-keys.ts): a remembered answer must be the one
 * parsing gives, for the request's region, past the table's bound, and never for a non-queue URL.
 */
import test from 'ava';
import { queueKey } from '../../../src/services/sqs/keys.js';
import { QueueUrlKeys } from '../../../src/services/sqs/queue-url-keys.js';

test('the same URL names the queue in each request region when its host names none', (t) => {
  const keys = new QueueUrlKeys();
  const url = 'http://localhost:4566/000000000000/orders';
  for (let round = 0; round < 2; round++) {
    t.is(keys.keyOf(url, 'us-east-1'), queueKey('000000000000', 'us-east-1', 'orders'));
    t.is(keys.keyOf(url, 'eu-west-1'), queueKey('000000000000', 'eu-west-1', 'orders'));
  }
});

test('a region in the host wins over the request region, remembered or not', (t) => {
  const keys = new QueueUrlKeys();
  const url = 'https://sqs.eu-central-1.amazonaws.com/111111111111/jobs';
  for (let round = 0; round < 2; round++) t.is(keys.keyOf(url, 'us-east-1'), queueKey('111111111111', 'eu-central-1', 'jobs'));
});

test('non-queue URLs answer undefined every time', (t) => {
  const keys = new QueueUrlKeys();
  for (let round = 0; round < 2; round++) {
    t.is(keys.keyOf('http://localhost:4566/not-an-account/x', 'us-east-1'), undefined);
    t.is(keys.keyOf('http://localhost:4566/', 'us-east-1'), undefined);
  }
});

test('past the bound, answers stay right', (t) => {
  const keys = new QueueUrlKeys();
  for (let i = 0; i < 3000; i++) {
    const name = `q${i % 1500}`;
    t.is(keys.keyOf(`http://h/000000000000/${name}`, 'us-east-1'), queueKey('000000000000', 'us-east-1', name));
  }
});
