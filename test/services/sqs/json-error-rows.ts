/**
 * Rows of SQS error answers over json, each compared whole: the status, the code SDKs show (the
 * query protocol's code, sent in x-amzn-query-error), the json `__type` and the exact message.
 * Used by the files that pin recorded AWS answers (aws-error-answers, aws-answers-2025,
 * aws-answers-moto).
 */
import type { TestFn } from 'ava';
import type { SqsJsonAnswer } from '../../helpers/sqs.js';

export interface JsonErrorRow<F> {
  /** What the user did. */
  name: string;
  /** Where AWS's answer was recorded. */
  source: string;
  operation: string;
  input: (f: F) => Record<string, unknown>;
  status: number;
  /** The code SDKs show: the query protocol's code, sent in x-amzn-query-error over json. */
  code: string;
  /** The json `__type` shape name, where it differs from `code`. */
  type?: string;
  /** The exact message; '' where the source recorded none. */
  message: string;
}

export function registerJsonErrorRows<F>(
  test: TestFn, rows: JsonErrorRow<F>[], call: (operation: string, input: unknown) => Promise<SqsJsonAnswer>, fixtures: () => F,
): void {
  for (const row of rows) {
    test(`${row.operation}: ${row.name} [${row.source}]`, async (t) => {
      const answer = await call(row.operation, row.input(fixtures()));
      t.is(answer.status, row.status, JSON.stringify(answer.body).slice(0, 300));
      t.is(answer.queryError, `${row.code};Sender`);
      t.is(answer.body.__type, `com.amazonaws.sqs#${row.type ?? row.code}`);
      if (row.message !== '') t.is(answer.body.message, row.message);
    });
  }
}
