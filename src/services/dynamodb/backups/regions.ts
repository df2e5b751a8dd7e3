/**
 * The regions a backup ARN may name (commercial partition). AWS refuses an ARN naming any other
 * ("not-a-region", "us-test-1", "us-west-99", "us-east-0", "us-east1", "eu-isoe-west-1": "Invalid
 * Request: BackupArn is not valid", radkawar/stackd testdata/aws/dynamodb/backup_arn_grammar.json
 * seq 12-17 and backup_arn_case.json seq 15, 2026-09-18).
 */
const REGIONS: ReadonlySet<string> = new Set([
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1',
  'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
  'ap-southeast-6', 'ap-southeast-7', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1',
  'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1',
  'mx-central-1', 'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
]);

export const isKnownRegion = (region: string): boolean => REGIONS.has(region);
