/** What the ImportTable tests share: the imported tables' key schema and waiting for an import to end. */
import { DescribeImportCommand, type DynamoDBClient, type ImportTableDescription } from '@aws-sdk/client-dynamodb';

/** A table keyed by a string `pk`, on demand: what every imported table of these tests is. */
export const KEYED = {
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }],
  BillingMode: 'PAY_PER_REQUEST' as const,
};

/** The import's description once it is no longer IN_PROGRESS, polled every 20 ms `tries` times. */
export async function settled(client: DynamoDBClient, ImportArn: string, tries = 1500): Promise<ImportTableDescription> {
  for (let i = 0; i < tries; i++) {
    const d = (await client.send(new DescribeImportCommand({ ImportArn }))).ImportTableDescription!;
    if (d.ImportStatus !== 'IN_PROGRESS') return d;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the import never settled');
}

/** Whether the import is still IN_PROGRESS (a row's answers were given while it ran). */
export const importRunning = async (client: DynamoDBClient, ImportArn: string): Promise<boolean> =>
  (await client.send(new DescribeImportCommand({ ImportArn }))).ImportTableDescription!.ImportStatus === 'IN_PROGRESS';
