/**
 * The regions of AWS's commercial partition (`aws`), for the checks that refuse a name that is no
 * region: S3's LocationConstraint (with the China and GovCloud regions its enum also lists) and a
 * DynamoDB backup ARN ("us-west-99", "us-east1": "Invalid Request: BackupArn is not valid",
 * radkawar/stackd testdata/aws/dynamodb/backup_arn_grammar.json seq 12-17, 2026-09-18). One list,
 * so the two cannot drift apart.
 */
export const COMMERCIAL_REGIONS: readonly string[] = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1',
  'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
  'ap-southeast-6', 'ap-southeast-7', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1',
  'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1',
  'mx-central-1', 'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
];

/** The China (`aws-cn`) and GovCloud (`aws-us-gov`) regions. */
export const OTHER_PARTITION_REGIONS: readonly string[] = ['cn-north-1', 'cn-northwest-1', 'us-gov-east-1', 'us-gov-west-1'];

const ALL_REGIONS: ReadonlySet<string> = new Set([...COMMERCIAL_REGIONS, ...OTHER_PARTITION_REGIONS]);

/** True for the name of an AWS region of any partition this file lists. */
export const isAwsRegion = (name: string): boolean => ALL_REGIONS.has(name);
