/**
 * The errors S3 answers a POST Object with that no other operation has. Codes, messages and
 * fields as S3 sends them on the wire (which differ from the error-code table's: it lists
 * RequestIsNotMultiPartContent, UserKeyMustBeSpecified and InvalidPolicyDocument for what S3
 * answers as PreconditionFailed, InvalidArgument and AccessDenied). Sources, all recorded against
 * S3: localstack/localstack tests/aws/services/s3/test_s3.py TestS3PresignedPost and its
 * test_s3.snapshot.json (validated 2026-02-21); the issue captures named beside each factory.
 */
import { AwsError } from '../../../errors/aws-error.js';

const e = (code: string, status: number, message: string, fields?: Record<string, string | number | undefined>): AwsError =>
  new AwsError({ code, status, message, ...(fields ? { fields } : {}) });

const POLICY = 'Invalid according to Policy: ';

/** A condition as S3 prints it: JSON with a space after each comma, e.g. ["eq", "$key", "a"]. */
export function conditionText(parts: readonly unknown[]): string {
  return `[${parts.map((p) => JSON.stringify(p)).join(', ')}]`;
}

export const postErrors = {
  /** Not multipart/form-data (test_s3.py::test_post_object_wrong_content_type; an AWS error document quoted in synq-go's aws_err.xml). */
  notMultipart: () => e('PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold',
    { Condition: 'Bucket POST must be of the enclosure-type multipart/form-data' }),
  /** A Content-Type with no boundary, or a body that is no form (AWS re:Post QUeXkR-SeeSaCFrB_koqLpKA, 2017). */
  malformed: () => e('MalformedPOSTRequest', 400, 'The body of your POST request is not well-formed multipart/form-data.'),
  /**
   * A required field missing, or sent after the file (nukulb/s3-angular-file-upload#1, 2014;
   * grafana/k6#1382, 2020; test_s3.py::test_post_request_missing_signature/_missing_fields).
   * Two spaces after the first period, as S3 writes it.
   */
  missingField: (name: string) => e('InvalidArgument', 400,
    `Bucket POST must contain a field named '${name}'.  If it is specified, please check the order of the fields.`,
    { ArgumentName: name, ArgumentValue: '' }),
  /** No part named file (rowanwins/vue-dropzone#303, 2018; boto/boto3#934, 2016). */
  noFile: () => e('InvalidArgument', 400, 'POST requires exactly one file upload per request.', { ArgumentName: 'file', ArgumentValue: '0' }),
  /**
   * A form signed for us-east-1 sent to a bucket of another region: S3's raw answer quoted in
   * CulturalMe/meteor-slingshot#150 (2015), with the bucket's region, as the header and URL forms
   * carry it (s3Errors.wrongSigningRegion), also in x-amz-bucket-region.
   */
  wrongRegion: (credential: string, signed: string, bucketRegion: string) => new AwsError({
    code: 'InvalidArgument', status: 400, message: `the region '${signed}' is wrong; expecting '${bucketRegion}'`,
    fields: { ArgumentName: 'X-Amz-Credential', ArgumentValue: credential, Region: bucketRegion }, headers: { 'x-amz-bucket-region': bucketRegion },
  }),
  /** No policy: an anonymous upload, which a bucket that is not public refuses (test_s3.py::test_post_request_missing_fields). */
  anonymous: () => e('AccessDenied', 403, 'Access Denied'),
  /**
   * The signature cannot be the policy's (test_s3.py::test_post_request_malformed_policy;
   * Fausto95/aws-s3#65, 2019, for the order): the policy as sent is the string to sign, and its
   * bytes are written as two lower-case hex digits each, space-separated.
   */
  signatureDoesNotMatch: (accessKeyId: string, policy: string, signature: string) => e('SignatureDoesNotMatch', 403,
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    { AWSAccessKeyId: accessKeyId, StringToSign: policy, SignatureProvided: signature, StringToSignBytes: hexBytes(policy) }),
  /** X-Amz-Date that is no ISO 8601 basic date-time (michaeldyrynda/s3upload#1, 2017; "formated" sic). */
  badDate: (value: string) => e('InvalidArgument', 400, 'X-Amz-Date must be formated via ISO8601 Long format', { ArgumentName: 'X-Amz-Date', ArgumentValue: value }),
  /**
   * X-Amz-Algorithm other than AWS4-HMAC-SHA256: S3's answer quoted in a public smoke test
   * (scripts/smoke.sh of a "DocFlow" stack, a form whose algorithm carried a stray CR, 2026); the
   * argument named as versity/versitygw s3err/invalid-argument.go InvalidArgOnlyAws4HmacSha256 names it.
   */
  badAlgorithm: (value: string) => e('InvalidArgument', 400, 'Only AWS4-HMAC-SHA256 is supported', { ArgumentName: 'X-Amz-Algorithm', ArgumentValue: value }),
  /**
   * An X-Amz-Credential S3 cannot read, in the header path's words (AuthorizationHeaderMalformed
   * there, krobertson/deb-s3#157) but as the form's InvalidArgument on X-Amz-Credential, as its
   * region and empty-key answers are; the wrong service as an S3 conformance suite records it
   * (tests/post_object.rs test_post_object_sigv4_credential_service_must_be_s3), the rest in
   * versity/versitygw s3err/post-object.go's wording.
   */
  badCredential: (detail: string, credential: string) => e('InvalidArgument', 400, detail, { ArgumentName: 'X-Amz-Credential', ArgumentValue: credential }),
  /** An empty access key in X-Amz-Credential (outline/outline#7060, 2024). */
  emptyAccessKey: (credential: string) => e('InvalidArgument', 400, 'a non-empty Access Key (AKID) must be provided in the credential.',
    { ArgumentName: 'X-Amz-Credential', ArgumentValue: credential }),
  /** A policy S3 cannot read: `detail` after "Invalid Policy: " (dwilkie/carrierwave_direct#2, tpyo/amazon-s3-php-class#53, toniopelo/modbox#10). */
  invalidPolicy: (detail: string) => e('InvalidPolicyDocument', 400, `Invalid Policy: ${detail}`),
  /** test_s3.py::test_post_object_expires. */
  policyExpired: () => e('AccessDenied', 403, `${POLICY}Policy expired.`),
  /** test_s3.py::test_post_object_policy_conditions_validation_eq / _starts_with; boto/boto3#4514 (simple conditions printed as eq). */
  conditionFailed: (parts: readonly unknown[]) => e('AccessDenied', 403, `${POLICY}Policy Condition failed: ${conditionText(parts)}`),
  /** moxiecode/moxie#165 (2016), martinklepsch/s3-beam#42 (2017): the fields no condition names, comma-separated. */
  extraFields: (names: readonly string[]) => e('AccessDenied', 403, `${POLICY}Extra input fields: ${names.join(', ')}`),
  /** test_s3.py::test_post_object_policy_validation_size: bounds inclusive, these fields. */
  tooLarge: (size: number, max: number) => e('EntityTooLarge', 400, 'Your proposed upload exceeds the maximum allowed size', { ProposedSize: size, MaxSizeAllowed: max }),
  tooSmall: (size: number, min: number) => e('EntityTooSmall', 400, 'Your proposed upload is smaller than the minimum allowed size', { ProposedSize: size, MinSizeAllowed: min }),
  /** The fields before the file past 20 KiB (waynehoover/s3_direct_upload#45, 2013; "preceeding ... was" sic). */
  preDataTooLarge: () => e('MaxPostPreDataLengthExceeded', 400, 'Your POST request fields preceeding the upload file was too large.',
    { MaxPostPreDataLengthBytes: MAX_PRE_DATA }),
};

/** "The form data and boundaries (excluding the contents of the file) cannot exceed 20KB." (RESTObjectPOST; 20480 as S3 names it). */
export const MAX_PRE_DATA = 20480;

function hexBytes(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const out: string[] = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]!.toString(16).padStart(2, '0');
  return out.join(' ');
}
