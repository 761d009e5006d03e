// Every real policy in fixtures/policies validates under its natural kind without an ERROR, except
// documents whose placeholders AWS itself rejects on save (listed here with the finding they get).
import { describe, expect, it } from 'vitest';
import { validate } from './validate-helpers.ts';
import { readRealPolicy, REAL_POLICY_FILES } from './fixtures/real-policies.ts';

const FILES = REAL_POLICY_FILES;

/**
 * Files that keep a placeholder IAM refuses when the document is saved (Access Analyzer reports the same
 * codes as errors): a resource that is not an ARN, and trust principals that are not accounts or ARNs.
 * Placeholders IAM accepts on save (account-id inside an ARN, service-prefix-1:*) are PLACEHOLDER_VALUE warnings.
 */
const EXPECTED_ERRORS: Record<string, string[]> = {
  'amplify-002-144-153-assumerole.json': ['INVALID_ARN_PREFIX'], // "Resource": "<biz_corp_rol_arn>"
  'guide-trust-externalid_L10528-10542.json': ['INVALID_PRINCIPAL_FORMAT'], // "AWS": "Example Corp's AWS Account ID"
  'guide-trust-mfa-accountB_L7817-7825.json': ['INVALID_PRINCIPAL_FORMAT'], // "AWS": "ACCOUNT-B-ID"
  'guide-trust-sourceidentity_L71134-71150.json': ['INVALID_PRINCIPAL_FORMAT'], // "AWS": " arn:aws:iam::…" (leading space)
};

function kindOf(file: string): 'trust' | 'identity' {
  return file.startsWith('guide-trust-') ? 'trust' : 'identity';
}

describe('real-world policies', () => {
  it('are all here', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(FILES)('%s has no ERROR finding beyond its known placeholder', (file) => {
    const text = readRealPolicy(file);
    const errors = validate(text, { kind: kindOf(file) }).filter((f) => f.findingType === 'ERROR');
    expect(errors.map((f) => f.issueCode)).toEqual(EXPECTED_ERRORS[file] ?? []);
  });

  it('flags the placeholder resource of the Amplify assume-role policy where it is', () => {
    const text = readRealPolicy('amplify-002-144-153-assumerole.json');
    const [finding] = validate(text).filter((f) => f.findingType === 'ERROR');
    expect(text.slice(finding!.range.offset, finding!.range.offset + finding!.range.length)).toBe('"<biz_corp_rol_arn>"');
    expect(finding!.message).toMatch(/placeholder/);
  });

  it('reports the documentation placeholders IAM accepts as warnings', () => {
    const text = readRealPolicy('guide-switchrole-Test-prefix_L15486-15493.json');
    expect(validate(text).map((f) => `${f.findingType} ${f.issueCode}`)).toContain('WARNING PLACEHOLDER_VALUE');
  });

  it('finds the pass-role security warning in the Amplify and Up deployment policies', () => {
    for (const file of ['amplify-002-9-89.json', 'up-003-42-94.json']) {
      const codes = validate(readRealPolicy(file)).map((f) => f.issueCode);
      expect(codes, file).toContain('PASS_ROLE_WITH_STAR_IN_RESOURCE');
    }
  });

  it('validates the trust policies as identity policies with a Principal error, as IAM would', () => {
    const text = readRealPolicy('guide-trust-mfa-account-root_L13909-13919.json');
    expect(validate(text, { kind: 'identity' }).map((f) => f.issueCode)).toContain('UNSUPPORTED_PRINCIPAL');
    expect(validate(text, { kind: 'trust' }).filter((f) => f.findingType === 'ERROR')).toEqual([]);
  });
});
