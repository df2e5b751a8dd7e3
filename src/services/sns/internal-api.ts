import type { BodyFinisher } from '../sqs/internal-api.js';

/**
 * What SNS offers boltstack's own endpoints in process (never over the wire): the signing
 * certificate served at SigningCertURL and the deliveries captured under the `virtual` gate;
 * and SQS the signatures of envelopes it stored unsigned (BodyFinisher).
 */
export interface SnsInternalApi extends BodyFinisher {
  /** The PEM of the certificate named `file` (SimpleNotificationService-<id>.pem), if it is ours. */
  certificate(file: string): Promise<string | undefined>;
  /** Deliveries captured under `virtual`, oldest first. */
  captured(): Promise<unknown[]>;
}
