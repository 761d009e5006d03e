// Deployment credentials in the browser, for SST, the Serverless Framework, the Amplify CLI and Up: the wizard shows
// the tool's published policy, creates exactly the user, policy and key the tool's guide describes, and the profile
// it prints parses as INI and, loaded by the AWS SDK's shared-config loader from temp files, signs a call to the
// endpoint. A role for another account (Amplify's cross-account set-up) is assumed through its profile only with the
// external ID and an MFA code.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AttachUserPolicyCommand, CreateAccessKeyCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand,
  GetPolicyVersionCommand, GetRoleCommand, ListAccessKeysCommand, ListAttachedUserPoliciesCommand, ListUserPoliciesCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-provider-ini';
import type { Page } from '@playwright/test';
import { parse } from 'ini';
import { Secret, TOTP } from 'otpauth';
import { rootIamClient } from './support/aws.ts';
import { expect, openSignedIn, pageHeading, screenshot, test } from './support/fixtures.ts';
import { uniqueName } from './support/names.ts';
import { stack } from './support/stack.ts';

interface ProfileTexts {
  credentials: string;
  config: string;
}

/** The profile files as the wizard shows them, written where the SDK's loader is pointed. */
function writeProfileFiles(texts: ProfileTexts): { filepath: string; configFilepath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'deployment-profile-'));
  const filepath = join(dir, 'credentials');
  const configFilepath = join(dir, 'config');
  writeFileSync(filepath, texts.credentials);
  writeFileSync(configFilepath, texts.config);
  return { filepath, configFilepath };
}

/** GetCallerIdentity signed with the profile, as the tool's SDK would load it. */
async function callerWithProfile(profile: string, files: { filepath: string; configFilepath: string }, mfaCodeProvider?: (serial: string) => Promise<string>) {
  const clientConfig = { endpoint: stack.iamUrl, region: 'us-east-1' };
  const credentials = fromIni({ profile, ...files, clientConfig, ...(mfaCodeProvider ? { mfaCodeProvider } : {}), ignoreCache: true });
  const sts = new STSClient({ ...clientConfig, credentials });
  return sts.send(new GetCallerIdentityCommand({}));
}

const profileText = async (page: Page, id: 'credentials' | 'config' | 'environment' | 'tool') => (await page.getByTestId(`profile-${id}`).textContent()) ?? '';

async function openWizard(page: Page, toolName: string) {
  await page.getByRole('link', { name: 'Deployment credentials' }).click();
  await expect(pageHeading(page, 'Deployment credentials')).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${toolName}`) }).check();
  await expect(page.getByTestId('policy-editor')).toBeVisible();
}

async function fillIdentity(page: Page, names: { userName?: string; policyName?: string; profile: string }) {
  if (names.userName) await page.getByRole('textbox', { name: 'User name' }).fill(names.userName);
  if (names.policyName) await page.getByRole('textbox', { name: 'Policy name' }).fill(names.policyName);
  await page.getByRole('textbox', { name: 'Profile name' }).fill(names.profile);
}

async function userPolicies(userName: string) {
  const iam = rootIamClient();
  const [inline, attached, keys] = await Promise.all([
    iam.send(new ListUserPoliciesCommand({ UserName: userName })),
    iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName })),
    iam.send(new ListAccessKeysCommand({ UserName: userName })),
  ]);
  return {
    inline: inline.PolicyNames ?? [],
    attached: (attached.AttachedPolicies ?? []).map((p) => p.PolicyName),
    keys: (keys.AccessKeyMetadata ?? []).length,
  };
}

const TOOLS = [
  { name: 'SST', slug: 'sst', placement: 'customer-managed', setting: /^AWS_PROFILE=(\S+) npx sst deploy/ },
  { name: 'Serverless Framework', slug: 'serverless', placement: 'aws-managed', setting: /provider:\n {2}name: aws\n {2}profile: (\S+)/ },
  { name: 'Amplify CLI', slug: 'amplify', placement: 'customer-managed', setting: /Please choose the profile you want to use: (\S+)/ },
  { name: 'Up', slug: 'up', placement: 'inline', setting: /"profile": "([^"]+)"/ },
] as const;

for (const tool of TOOLS) {
  test(`${tool.name}: a new IAM user with the tool’s policy, its profile signs a call`, async ({ page }) => {
    const userName = uniqueName(`${tool.slug}-deployer`);
    const policyName = `${userName}-policy`;
    const profile = `${tool.slug}-e2e`;
    await openSignedIn(page, 'admin');
    await openWizard(page, tool.name);
    // The published policy is in the read-only editor with the policy engine's findings.
    await expect(page.getByTestId('policy-editor').locator('.monaco-editor')).toBeVisible();
    if (tool.slug === 'serverless') await expect(page.getByText('AdministratorAccess allows every action on every resource')).toBeVisible();
    await screenshot(page, `deployment-credentials-${tool.slug}-policy`);
    // SST's policy is written for the guide's account 112233445566 in us-east-1: the tightened variant is this account's.
    if (tool.slug === 'sst') await page.getByRole('radio', { name: /^Tightened policy/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();

    await fillIdentity(page, { userName, ...(tool.placement === 'aws-managed' ? {} : { policyName }), profile });
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText(userName, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByText(`User ${userName} created`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Download .csv file' })).toBeVisible();

    // Exactly what the guide makes: the user, its one policy where its size puts it, one access key.
    const expected = {
      inline: tool.placement === 'inline' ? [policyName] : [],
      attached: tool.placement === 'customer-managed' ? [policyName] : tool.placement === 'aws-managed' ? ['AdministratorAccess'] : [],
      keys: 1,
    };
    expect(await userPolicies(userName)).toEqual(expected);
    if (tool.slug === 'sst') {
      const policyArn = `arn:aws:iam::${stack.accountId}:policy/${policyName}`;
      const version = await rootIamClient().send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: 'v1' }));
      const document = decodeURIComponent(version.PolicyVersion!.Document!);
      expect(document).toContain(`arn:aws:cloudformation:us-east-1:${stack.accountId}:stack/CDKToolkit/*`);
      expect(document).not.toContain('112233445566');
    }

    const texts = { credentials: await profileText(page, 'credentials'), config: await profileText(page, 'config') };
    const credentials = parse(texts.credentials) as Record<string, Record<string, string>>;
    const config = parse(texts.config) as Record<string, Record<string, string>>;
    expect(Object.keys(credentials[profile] ?? {})).toEqual(['aws_access_key_id', 'aws_secret_access_key']);
    expect(config[`profile ${profile}`]).toEqual({ region: 'us-east-1' });
    expect(await profileText(page, 'tool')).toMatch(tool.setting);
    expect(tool.setting.exec(await profileText(page, 'tool'))?.[1]).toBe(profile);

    const identity = await callerWithProfile(profile, writeProfileFiles(texts));
    expect(identity.Arn).toBe(`arn:aws:iam::${stack.accountId}:user/${userName}`);

    await page.getByRole('button', { name: 'Check credentials' }).click();
    await expect(page.getByTestId('checked-arn')).toHaveText(`arn:aws:iam::${stack.accountId}:user/${userName}`);
    await screenshot(page, `deployment-credentials-${tool.slug}-profile`);
  });
}

/** TOTP codes of one device, each newer than the last (IAM takes a code once), waiting for the next step when needed. */
function mfaCodes(seed: string) {
  const secret = Secret.fromBase32(seed);
  const stepNow = () => Math.floor(Date.now() / 30_000);
  let last = stepNow() - 1;
  return async (): Promise<string> => {
    const step = Math.max(last + 1, stepNow() - 1);
    // IAM accepts one step either side of now.
    while (step > stepNow() + 1) await new Promise((resolve) => setTimeout(resolve, 1000));
    last = step;
    return TOTP.generate({ secret, timestamp: step * 30_000 + 1000 });
  };
}

/** A deployer of the trusted account (here the same account): administrator, one access key, a virtual MFA device. */
async function deployerWithMfa() {
  const iam = rootIamClient();
  const userName = uniqueName('devcorp');
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey!;
  const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: userName }))).VirtualMFADevice!;
  const seed = Buffer.from(device.Base32StringSeed!).toString();
  const at = (offset: number) => TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: Date.now() + offset * 30_000 });
  await iam.send(new EnableMFADeviceCommand({ UserName: userName, SerialNumber: device.SerialNumber!, AuthenticationCode1: at(-2), AuthenticationCode2: at(-1) }));
  return { userName, key, serialNumber: device.SerialNumber!, nextCode: mfaCodes(seed) };
}

test('Amplify CLI: a role for another AWS account with external ID and MFA, assumed only with both', async ({ page }) => {
  test.setTimeout(180_000);
  const dev = await deployerWithMfa();
  const roleName = uniqueName('bizcorp-amplify');
  const externalId = `devcorp-${Date.now()}`;
  await page.goto('/signin');
  await page.getByLabel('Access key ID').fill(dev.key.AccessKeyId!);
  await page.getByLabel('Secret access key').fill(dev.key.SecretAccessKey!);
  await page.getByTestId('sign-in-submit').click();
  await page.getByLabel('MFA code', { exact: true }).fill(await dev.nextCode());
  await page.getByTestId('sign-in-submit').click();
  await expect(page).not.toHaveURL(/\/signin/);

  await openWizard(page, 'Amplify CLI');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: /^A role for another AWS account/ }).check();
  await page.getByRole('textbox', { name: 'Role name' }).fill(roleName);
  await page.getByRole('textbox', { name: 'Account ID' }).fill(stack.accountId);
  await page.getByRole('checkbox', { name: /Require external ID/ }).check();
  await page.getByRole('textbox', { name: 'External ID' }).fill(externalId);
  await page.getByRole('checkbox', { name: /Require MFA/ }).check();
  await page.getByRole('textbox', { name: 'Source profile' }).fill('devcorpuser');
  await page.getByRole('textbox', { name: 'MFA device ARN' }).fill(dev.serialNumber);
  await fillIdentity(page, { policyName: `${roleName}-policy`, profile: 'bizcorprole' });
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Create role' }).click();
  await expect(page.getByText(`Role ${roleName} created`)).toBeVisible();

  const role = (await rootIamClient().send(new GetRoleCommand({ RoleName: roleName }))).Role!;
  expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)).Statement[0].Condition).toEqual({
    StringEquals: { 'sts:ExternalId': externalId },
    Bool: { 'aws:MultiFactorAuthPresent': 'true' },
  });

  // The console's check: the signed-in deployer assumes the role with the external ID and a code.
  await page.getByRole('textbox', { name: 'MFA code' }).fill(await dev.nextCode());
  await page.getByRole('button', { name: 'Check credentials' }).click();
  await expect(page.getByTestId('checked-arn')).toHaveText(new RegExp(`:assumed-role/${roleName}/`));
  await screenshot(page, 'deployment-credentials-amplify-role');

  const config = await profileText(page, 'config');
  const parsed = parse(config) as Record<string, Record<string, string>>;
  expect(parsed['profile bizcorprole']).toEqual({ role_arn: role.Arn, source_profile: 'devcorpuser', mfa_serial: dev.serialNumber, external_id: externalId, region: 'us-east-1' });
  // The source profile's keys are the deployer's own, which the wizard never sees: filled in as the guide says.
  const credentials = `[devcorpuser]\naws_access_key_id = ${dev.key.AccessKeyId}\naws_secret_access_key = ${dev.key.SecretAccessKey}\n`;
  expect(Object.keys(parse(await profileText(page, 'credentials')))).toEqual(['devcorpuser']);

  const withBoth = writeProfileFiles({ credentials, config });
  const withoutExternalId = writeProfileFiles({ credentials, config: config.replace(/^external_id = .*\n/m, '') });
  const withoutMfa = writeProfileFiles({ credentials, config: config.replace(/^mfa_serial = .*\n/m, '') });
  await expect(callerWithProfile('bizcorprole', withoutMfa)).rejects.toThrow(/not authorized to perform: sts:AssumeRole/);
  await expect(callerWithProfile('bizcorprole', withoutExternalId, () => dev.nextCode())).rejects.toThrow(/not authorized to perform: sts:AssumeRole/);
  const identity = await callerWithProfile('bizcorprole', withBoth, () => dev.nextCode());
  expect(identity.Arn).toMatch(new RegExp(`^arn:aws:sts::${stack.accountId}:assumed-role/${roleName}/`));
});
