/**
 * The regions a backup ARN may name (commercial partition). AWS refuses an ARN naming any other
 * ("not-a-region", "us-test-1", "us-west-99", "us-east-0", "us-east1", "eu-isoe-west-1": "Invalid
 * Request: BackupArn is not valid", radkawar/stackd testdata/aws/dynamodb/backup_arn_grammar.json
 * seq 12-17 and backup_arn_case.json seq 15, 2026-09-18).
 */
import { COMMERCIAL_REGIONS } from '../../../util/aws-regions.js';

const REGIONS: ReadonlySet<string> = new Set(COMMERCIAL_REGIONS);

export const isKnownRegion = (region: string): boolean => REGIONS.has(region);
