// Direct access to the embedded IAM endpoint with the AWS SDK, as the seeded root user (the `root` profile
// of the credentials file the seed wrote), to check what the console did without going through it.
import { IAMClient } from '@aws-sdk/client-iam';
import { fromIni } from '@aws-sdk/credential-provider-ini';
import { stack } from './stack.ts';

export function rootIamClient(where: { iamUrl: string; credentialsFile: string } = stack): IAMClient {
  return new IAMClient({
    endpoint: where.iamUrl,
    region: 'us-east-1',
    credentials: fromIni({ profile: 'root', filepath: where.credentialsFile }),
  });
}

export function iamClientFor(key: { accessKeyId: string; secretAccessKey: string }): IAMClient {
  return new IAMClient({ endpoint: stack.iamUrl, region: 'us-east-1', credentials: key });
}
