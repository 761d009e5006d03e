// What a deployment tool reads, as text to paste or download: the ~/.aws/credentials and ~/.aws/config entries
// (INI, as the AWS CLI writes them: "Configuration and credential file settings", AWS CLI User Guide), the
// environment variables, and the tool's own setting that names the profile.
import type { DeploymentToolId } from '@iam-console/api-contract/deployment-tools.ts';

export interface UserProfileInput {
  kind: 'user';
  tool: DeploymentToolId;
  profile: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface RoleProfileInput {
  kind: 'role';
  tool: DeploymentToolId;
  profile: string;
  region: string;
  roleArn: string;
  /** The profile in the other account whose keys assume the role. */
  sourceProfile: string;
  externalId?: string | undefined;
  /** The MFA device of the user in the other account, when the role requires MFA. */
  mfaSerial?: string | undefined;
}

export type ProfileInput = UserProfileInput | RoleProfileInput;

export interface ProfileFile {
  id: 'credentials' | 'config' | 'environment' | 'tool';
  title: string;
  fileName: string;
  text: string;
}

/** In ~/.aws/config every profile but `default` is written `[profile name]`; ~/.aws/credentials uses the bare name. */
const configSection = (profile: string) => (profile === 'default' ? '[default]' : `[profile ${profile}]`);

const lines = (entries: [string, string | undefined][]) =>
  entries.filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '').map(([k, v]) => `${k} = ${v}`).join('\n');

export function credentialsFile(input: ProfileInput): string {
  if (input.kind === 'user') {
    return `[${input.profile}]\n${lines([['aws_access_key_id', input.accessKeyId], ['aws_secret_access_key', input.secretAccessKey]])}\n`;
  }
  // The source profile's keys belong to a user of the trusted account, who has them already.
  return `[${input.sourceProfile}]\naws_access_key_id = <access key ID of your user in the trusted account>\naws_secret_access_key = <its secret access key>\n`;
}

export function configFile(input: ProfileInput): string {
  if (input.kind === 'user') return `${configSection(input.profile)}\n${lines([['region', input.region]])}\n`;
  return [
    `${configSection(input.profile)}\n${lines([
      ['role_arn', input.roleArn],
      ['source_profile', input.sourceProfile],
      ['mfa_serial', input.mfaSerial],
      ['external_id', input.externalId],
      ['region', input.region],
    ])}\n`,
    `${configSection(input.sourceProfile)}\n${lines([['region', input.region]])}\n`,
  ].join('\n');
}

export function environmentVariables(input: ProfileInput): string {
  if (input.kind === 'user') {
    return [
      `export AWS_ACCESS_KEY_ID=${input.accessKeyId}`,
      `export AWS_SECRET_ACCESS_KEY=${input.secretAccessKey}`,
      `export AWS_REGION=${input.region}`,
      '',
      '# or, with the profile above:',
      `export AWS_PROFILE=${input.profile}`,
      '',
    ].join('\n');
  }
  // A role profile lives in ~/.aws/config, which the AWS SDK for JavaScript v2 reads only with AWS_SDK_LOAD_CONFIG.
  return [`export AWS_PROFILE=${input.profile}`, 'export AWS_SDK_LOAD_CONFIG=1', ''].join('\n');
}

/** The tool's own place for the profile name, as its guide shows it. */
export function toolSetting(input: ProfileInput): { title: string; fileName: string; text: string } {
  const profile = input.profile;
  switch (input.tool) {
    case 'serverless':
      return { title: 'serverless.yml', fileName: 'serverless.yml', text: `provider:\n  name: aws\n  profile: ${profile}\n  region: ${input.region}\n` };
    case 'up':
      return { title: 'up.json', fileName: 'up.json', text: `${JSON.stringify({ name: 'appname-api', profile, regions: [input.region] }, null, 2)}\n` };
    case 'amplify':
      return {
        title: 'amplify init',
        fileName: 'amplify-init.txt',
        text: `$ amplify init\n? Select the authentication method you want to use: AWS profile\n? Please choose the profile you want to use: ${profile}\n`,
      };
    case 'sst': {
      const vault = input.kind === 'role' && input.mfaSerial
        ? `\n# aws-vault asks for the MFA code of the mfa_serial in ~/.aws/config\naws-vault exec ${profile} -- npx sst deploy\n`
        : `\n# With aws-vault, add mfa_serial = <your MFA device ARN> to [profile ${profile}] in ~/.aws/config: aws-vault then asks for the code\naws-vault exec ${profile} -- npx sst deploy\n`;
      return { title: 'SST (AWS_PROFILE)', fileName: 'sst-deploy.sh', text: `AWS_PROFILE=${profile} npx sst deploy\n${vault}` };
    }
    case 'custom':
      return { title: 'Your tool', fileName: 'aws-profile.sh', text: `export AWS_PROFILE=${profile}\n` };
  }
}

export function profileFiles(input: ProfileInput): ProfileFile[] {
  const setting = toolSetting(input);
  return [
    { id: 'credentials', title: '~/.aws/credentials', fileName: 'credentials', text: credentialsFile(input) },
    { id: 'config', title: '~/.aws/config', fileName: 'config', text: configFile(input) },
    { id: 'environment', title: 'Environment variables', fileName: `${input.profile}.env.sh`, text: environmentVariables(input) },
    { id: 'tool', ...setting },
  ];
}
