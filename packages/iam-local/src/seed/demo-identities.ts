// Where the seeded identities go for their users: `<data-dir>/demo-identities.json` (the BFF offers them as
// one-click demo sign-ins) and `<data-dir>/credentials` + `<data-dir>/config` (AWS shared credentials and config
// files, one profile per identity, so the AWS CLI and SDK tools can use them). All written with mode 0600.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type DemoIdentityKind = 'root' | 'admin' | 'self-service' | 'auditor';

export interface DemoIdentity {
  id: string;
  label: string;
  kind: DemoIdentityKind;
  description: string;
  userName?: string;
  accessKeyId: string;
  secretAccessKey: string;
  mfa?: { serialNumber: string; base32Seed: string };
  password?: string;
}

export interface DemoIdentitiesFile {
  accountId: string;
  accountAlias: string;
  identities: DemoIdentity[];
}

export const DEMO_IDENTITIES_FILE = 'demo-identities.json';
export const CREDENTIALS_FILE = 'credentials';
export const CONFIG_FILE = 'config';

function credentialsIni(identities: readonly DemoIdentity[]): string {
  return identities
    .map((identity) => `[${identity.id}]\naws_access_key_id = ${identity.accessKeyId}\naws_secret_access_key = ${identity.secretAccessKey}\n`)
    .join('\n');
}

/** Config profiles: region, and mfa_serial for identities with MFA (the CLI then asks for a code when needed). */
function configIni(identities: readonly DemoIdentity[]): string {
  return identities
    .map((identity) => {
      const header = identity.id === 'default' ? '[default]' : `[profile ${identity.id}]`;
      const mfa = identity.mfa ? `mfa_serial = ${identity.mfa.serialNumber}\n` : '';
      return `${header}\nregion = us-east-1\n${mfa}`;
    })
    .join('\n');
}

/** Writes the three files into `dataDir`; returns their paths. */
export function writeDemoIdentities(dataDir: string, file: DemoIdentitiesFile): { identities: string; credentials: string; config: string } {
  const paths = {
    identities: join(dataDir, DEMO_IDENTITIES_FILE),
    credentials: join(dataDir, CREDENTIALS_FILE),
    config: join(dataDir, CONFIG_FILE),
  };
  writeFileSync(paths.identities, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(paths.credentials, credentialsIni(file.identities), { mode: 0o600 });
  writeFileSync(paths.config, configIni(file.identities), { mode: 0o600 });
  return paths;
}
