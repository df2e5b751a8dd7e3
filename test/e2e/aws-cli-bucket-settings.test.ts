/**
 * The bucket settings S3 has had on every bucket since 2023, as the AWS CLI drives them
 * (`aws s3api`): Object Ownership, Block Public Access and default encryption. The CLI is an
 * optional extra (test/helpers/aws-cli.ts): skipped with one line where `aws` is missing,
 * required in CI. What each answer should be: docs/s3.md, "Block Public Access and default
 * encryption" and the Object Ownership entry before it, and the sources in
 * test/services/s3/bucket-settings-27b.test.ts and object-ownership-27.test.ts.
 */
import { cliSession, cliTestFor } from '../helpers/aws-cli.js';

const cliTest = cliTestFor('aws-cli-bucket-settings.test');

cliTest('aws s3api: ownership controls, public access block and default encryption, set, read back and deleted', async (t) => {
  t.timeout(120_000);
  const cli = await cliSession();
  try {
    // A bucket created with an ACL header (what rclone, barman and Terraform send) has ACLs on.
    await cli.ok('s3api', 'create-bucket', '--bucket', 'cli-settings', '--acl', 'private');
    const owned = await cli.json<{ OwnershipControls: { Rules: { ObjectOwnership: string }[] } }>('s3api', 'get-bucket-ownership-controls', '--bucket', 'cli-settings');
    t.deepEqual(owned.OwnershipControls.Rules, [{ ObjectOwnership: 'BucketOwnerPreferred' }]);
    await cli.ok('s3api', 'put-bucket-ownership-controls', '--bucket', 'cli-settings', '--ownership-controls', 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]');
    const enforced = await cli.json<{ OwnershipControls: { Rules: { ObjectOwnership: string }[] } }>('s3api', 'get-bucket-ownership-controls', '--bucket', 'cli-settings');
    t.deepEqual(enforced.OwnershipControls.Rules, [{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    await cli.ok('s3api', 'delete-bucket-ownership-controls', '--bucket', 'cli-settings');
    const gone = await cli.aws(['s3api', 'get-bucket-ownership-controls', '--bucket', 'cli-settings']);
    t.not(gone.code, 0);
    t.regex(gone.stderr, /OwnershipControlsNotFoundError/);

    // Block Public Access: all four on for a new bucket; a put replaces the whole configuration.
    const blocked = await cli.json<{ PublicAccessBlockConfiguration: Record<string, boolean> }>('s3api', 'get-public-access-block', '--bucket', 'cli-settings');
    t.deepEqual(blocked.PublicAccessBlockConfiguration, { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    await cli.ok('s3api', 'put-public-access-block', '--bucket', 'cli-settings', '--public-access-block-configuration', 'BlockPublicAcls=true,IgnorePublicAcls=false,BlockPublicPolicy=true,RestrictPublicBuckets=false');
    const changed = await cli.json<{ PublicAccessBlockConfiguration: Record<string, boolean> }>('s3api', 'get-public-access-block', '--bucket', 'cli-settings');
    t.deepEqual(changed.PublicAccessBlockConfiguration, { BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: false });
    await cli.ok('s3api', 'delete-public-access-block', '--bucket', 'cli-settings');
    const noBlock = await cli.aws(['s3api', 'get-public-access-block', '--bucket', 'cli-settings']);
    t.not(noBlock.code, 0);
    t.regex(noBlock.stderr, /NoSuchPublicAccessBlockConfiguration/);

    // Default encryption: SSE-S3 on every bucket; what is put is read back.
    const sse = await cli.json<{ ServerSideEncryptionConfiguration: { Rules: { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: string }; BucketKeyEnabled: boolean }[] } }>('s3api', 'get-bucket-encryption', '--bucket', 'cli-settings');
    t.deepEqual(sse.ServerSideEncryptionConfiguration.Rules, [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }]);
    await cli.ok('s3api', 'put-bucket-encryption', '--bucket', 'cli-settings', '--server-side-encryption-configuration', '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"},"BucketKeyEnabled":true}]}');
    const keyed = await cli.json<{ ServerSideEncryptionConfiguration: { Rules: { BucketKeyEnabled: boolean }[] } }>('s3api', 'get-bucket-encryption', '--bucket', 'cli-settings');
    t.is(keyed.ServerSideEncryptionConfiguration.Rules[0]?.BucketKeyEnabled, true);
    const kms = await cli.aws(['s3api', 'put-bucket-encryption', '--bucket', 'cli-settings', '--server-side-encryption-configuration', '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"}}]}']);
    t.not(kms.code, 0, 'SSE-KMS is not emulated: NotImplemented, never a silent success');
    t.regex(kms.stderr, /NotImplemented/);
  } finally {
    await cli.close();
  }
});
