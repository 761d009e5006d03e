// Real policies from the IAM User Guide, read from the demo seed's copies (src/seed/policies/README.md names
// their sources).
import { readFileSync } from 'node:fs';

/** "AWS: Allows MFA-authenticated IAM users to manage their own credentials on the My security credentials page". */
export const FORCE_MFA = readFileSync(new URL('../../src/seed/policies/guide-force-mfa-manage-own-credentials_L25105-25211.json', import.meta.url), 'utf8');
