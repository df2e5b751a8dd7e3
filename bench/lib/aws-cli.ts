/**
 * Runs the AWS CLI (v1, `aws` on PATH) against an endpoint with the bench credentials, as a
 * user would: `aws --endpoint-url URL s3 ...`. Throws with the CLI's stderr on a non-zero exit.
 */
import { execFile } from 'node:child_process';
import { CREDENTIALS, REGION } from './presign.js';

export function awsCli(endpoint: string, args: string[], timeoutMs = 120_000): Promise<string> {
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: REGION,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };
  return new Promise((resolve, reject) => {
    execFile('aws', ['--endpoint-url', endpoint, ...args], { env, timeout: timeoutMs, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`aws ${args.join(' ')} failed: ${stderr || err.message}`));
      else resolve(stdout);
    });
  });
}
