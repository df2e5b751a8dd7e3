/**
 * The one error type every service throws and every protocol renders.
 *
 * Errors are data (shared/STYLE.md habit 3): a stable AWS code, the message AWS uses, the HTTP
 * status, whether the fault is the sender's, and, for query-protocol services, the legacy code
 * AWS renders there (SQS: AWS.SimpleQueueService.NonExistentQueue). Extra fields (S3's
 * <BucketName>, <Key>, <Condition>...) are rendered as elements/properties next to Code/Message.
 */
export interface AwsErrorInit {
  code: string;
  message: string;
  status: number;
  /** 'Sender' (client fault, the default for 4xx) or 'Receiver' (server fault). */
  fault?: 'Sender' | 'Receiver';
  /** Legacy code for the query protocol / x-amzn-query-error header, when it differs. */
  queryCode?: string;
  /**
   * The message the query protocol renders, when AWS words it differently there (SQS's
   * NonExistentQueue keeps its "for this wsdl version" wording over query, not over json).
   */
  queryMessage?: string;
  /** Extra fields rendered beside Code and Message, in this order. */
  fields?: Record<string, string | number | undefined>;
  /** Extra response headers AWS sends with this error (e.g. x-amz-bucket-region). */
  headers?: Record<string, string>;
}

export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fault: 'Sender' | 'Receiver';
  readonly queryCode: string | undefined;
  readonly queryMessage: string | undefined;
  readonly fields: Record<string, string | number | undefined>;
  readonly headers: Record<string, string>;

  constructor(init: AwsErrorInit) {
    super(init.message);
    this.name = 'AwsError';
    this.code = init.code;
    this.status = init.status;
    this.fault = init.fault ?? (init.status >= 500 ? 'Receiver' : 'Sender');
    this.queryCode = init.queryCode;
    this.queryMessage = init.queryMessage;
    this.fields = init.fields ?? {};
    this.headers = init.headers ?? {};
  }
}

export function isAwsError(value: unknown): value is AwsError {
  return value instanceof AwsError;
}
