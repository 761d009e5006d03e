import { describe, expect, it } from 'vitest';
import { describePasswordPolicy, generatePassword, passwordChecks, passwordViolations, PASSWORD_SYMBOLS } from '../src/utils/password-policy.ts';

describe('password policy helpers', () => {
  it('describes the IAM default when the account has no policy', () => {
    const lines = describePasswordPolicy(null);
    expect(lines[0]).toMatch(/8 characters/);
    expect(lines.join(' ')).toMatch(/three of/);
  });

  it('describes a custom policy line by line', () => {
    const lines = describePasswordPolicy({ MinimumPasswordLength: 14, RequireSymbols: true, MaxPasswordAge: 90, ExpirePasswords: true, PasswordReusePrevention: 24 });
    expect(lines).toContain('Minimum password length is 14 characters');
    expect(lines.some((line) => line.includes('non-alphanumeric'))).toBe(true);
    expect(lines).toContain('Passwords expire in 90 days');
    expect(lines).toContain('Remember 24 passwords and prevent their reuse');
    expect(lines.some((line) => line.includes('uppercase'))).toBe(false);
  });

  it('finds each broken rule of a password', () => {
    const policy = { MinimumPasswordLength: 10, RequireUppercaseCharacters: true, RequireNumbers: true, RequireSymbols: true };
    expect(passwordViolations('short', policy)).toEqual(['At least 10 characters', 'An uppercase letter', 'A number', 'A non-alphanumeric character']);
    expect(passwordViolations('Longenough1!', policy)).toEqual([]);
    expect(passwordViolations('alllowercase', null)).toEqual(['At least three of: uppercase, lowercase, numbers, non-alphanumeric characters']);
    expect(passwordViolations('Abcdefg1', null)).toEqual([]);
  });

  it('generates passwords that satisfy the strictest policy', () => {
    const strict = { MinimumPasswordLength: 20, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, RequireNumbers: true, RequireSymbols: true };
    for (let i = 0; i < 50; i++) {
      const password = generatePassword(strict);
      expect(password).toHaveLength(20);
      expect(passwordViolations(password, strict)).toEqual([]);
      expect(passwordViolations(password, null)).toEqual([]);
    }
    expect(generatePassword(null)).toHaveLength(16);
    expect([...generatePassword(null)].every((char) => /[A-Za-z0-9]/.test(char) || PASSWORD_SYMBOLS.includes(char))).toBe(true);
  });
});

describe('the change-password checklist', () => {
  const demoPolicy = { MinimumPasswordLength: 12, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, RequireNumbers: true, RequireSymbols: true };

  it('ticks each rule of the account policy off as the password grows', () => {
    const unmet = (password: string) => passwordChecks(password, demoPolicy).filter((c) => !c.met).map((c) => c.rule);
    expect(passwordChecks('', demoPolicy).map((c) => c.rule)).toEqual(['At least 12 characters', 'An uppercase letter', 'A lowercase letter', 'A number', 'A non-alphanumeric character']);
    expect(unmet('abc')).toEqual(['At least 12 characters', 'An uppercase letter', 'A number', 'A non-alphanumeric character']);
    expect(unmet('Abc1')).toEqual(['At least 12 characters', 'A non-alphanumeric character']);
    expect(unmet('Abc1!defghij')).toEqual([]);
  });

  it('checks IAM’s default when the account has no policy, and names an over-long password', () => {
    expect(passwordChecks('Abcdefg1', null)).toEqual([
      { rule: 'At least 8 characters', met: true },
      { rule: 'At least three of: uppercase, lowercase, numbers, non-alphanumeric characters', met: true },
    ]);
    expect(passwordChecks('abcdefgh', null)[1]).toEqual({ rule: 'At least three of: uppercase, lowercase, numbers, non-alphanumeric characters', met: false });
    expect(passwordChecks(`Aa1!${'x'.repeat(125)}`, demoPolicy).find((c) => !c.met)?.rule).toBe('At most 128 characters');
  });

  it('counts only the symbols IAM accepts', () => {
    expect(passwordChecks('Abcdefghij1§', demoPolicy).find((c) => c.rule === 'A non-alphanumeric character')?.met).toBe(false);
    expect(passwordChecks(`Abcdefghij1${PASSWORD_SYMBOLS[0]}`, demoPolicy).every((c) => c.met)).toBe(true);
  });
});
