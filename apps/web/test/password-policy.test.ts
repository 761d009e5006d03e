import { describe, expect, it } from 'vitest';
import { describePasswordPolicy, generatePassword, passwordViolations, PASSWORD_SYMBOLS } from '../src/utils/password-policy.ts';

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
