// The AWS CLI v2 as the client: botocore's own signing, parsing and (for policy documents) URL-decoding.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { sessionKeys } from './helpers/fixtures.ts';

const run = promisify(execFile);
const AWS = '/usr/bin/aws';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function aws(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: t.dataDir,
    AWS_SHARED_CREDENTIALS_FILE: t.server.credentialsFile,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_PROFILE: 'root',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  try {
    const { stdout, stderr } = await run(AWS, ['--endpoint-url', t.url, '--output', 'json', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('AWS CLI v2 against iam-local', () => {
  it('sts get-caller-identity with the shared credentials file', async () => {
    const r = await aws('sts', 'get-caller-identity');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ UserId: t.accountId, Account: t.accountId, Arn: `arn:aws:iam::${t.accountId}:root` });
  }, 60_000);

  it('iam create-user then list-users', async () => {
    const created = await aws('iam', 'create-user', '--user-name', 'cli-user', '--path', '/cli/', '--tags', 'Key=team,Value=blue');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout).User).toMatchObject({ UserName: 'cli-user', Path: '/cli/', Arn: `arn:aws:iam::${t.accountId}:user/cli/cli-user` });
    const listed = await aws('iam', 'list-users');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).Users.map((u: { UserName: string }) => u.UserName)).toContain('cli-user');
  }, 60_000);

  it('policy documents round-trip (the CLI URL-decodes what the endpoint encodes)', async () => {
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }] };
    const created = await aws('iam', 'create-policy', '--policy-name', 'cli-policy', '--policy-document', JSON.stringify(document));
    expect(created.code).toBe(0);
    const arn = JSON.parse(created.stdout).Policy.Arn as string;
    const version = await aws('iam', 'get-policy-version', '--policy-arn', arn, '--version-id', 'v1');
    expect(version.code).toBe(0);
    expect(JSON.parse(version.stdout).PolicyVersion.Document).toEqual(document);
  }, 60_000);

  it('credential report: botocore reads the CSV out of the CDATA section', async () => {
    expect((await aws('iam', 'generate-credential-report')).code).toBe(0);
    const got = await aws('iam', 'get-credential-report');
    expect(got.code).toBe(0);
    const report = JSON.parse(got.stdout) as { Content: string; ReportFormat: string };
    expect(report.ReportFormat).toBe('text/csv');
    // The CLI prints blobs base64-encoded.
    const lines = Buffer.from(report.Content, 'base64').toString('utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^user,arn,user_creation_time,password_enabled,/);
    expect(lines[1]).toMatch(new RegExp(`^<root_account>,arn:aws:iam::${t.accountId}:root,`));
    expect(lines.some((line) => line.startsWith(`cli-user,arn:aws:iam::${t.accountId}:user/cli/cli-user,`))).toBe(true);
  }, 60_000);

  it('errors come back as the CLI prints AWS errors', async () => {
    const r = await aws('iam', 'get-user', '--user-name', 'nobody-here');
    expect(r.code).toBe(254);
    expect(r.stderr).toContain('An error occurred (NoSuchEntity) when calling the GetUser operation: The user with name nobody-here cannot be found.');
  }, 60_000);

  it('a wrong secret is rejected with SignatureDoesNotMatch', async () => {
    const run2 = await (async () => {
      try {
        await run(AWS, ['--endpoint-url', t.url, 'sts', 'get-caller-identity'], {
          env: { PATH: '/usr/bin:/bin', HOME: t.dataDir, AWS_ACCESS_KEY_ID: t.rootKeys.accessKeyId, AWS_SECRET_ACCESS_KEY: 'w'.repeat(40), AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
          timeout: 60_000,
        });
        return '';
      } catch (error) {
        return (error as { stderr: string }).stderr;
      }
    })();
    expect(run2).toContain('(SignatureDoesNotMatch)');
  }, 60_000);

  it('temporary credentials from GetSessionToken work through botocore (session token signed)', async () => {
    const temp = sessionKeys((await t.sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }))).Credentials);
    const { stdout } = await run(AWS, ['--endpoint-url', t.url, '--output', 'json', 'sts', 'get-caller-identity'], {
      env: {
        PATH: '/usr/bin:/bin',
        HOME: t.dataDir,
        AWS_ACCESS_KEY_ID: temp.accessKeyId,
        AWS_SECRET_ACCESS_KEY: temp.secretAccessKey,
        AWS_SESSION_TOKEN: temp.sessionToken ?? '',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
      timeout: 60_000,
    });
    expect(JSON.parse(stdout).Arn).toBe(`arn:aws:iam::${t.accountId}:root`);
  }, 60_000);
});
