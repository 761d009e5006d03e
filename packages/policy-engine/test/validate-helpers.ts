// Builders for validation tests: small policies as text, and the issue codes a validation returns.
import type { Finding, ValidateOptions } from '../src/validate/finding.ts';
import { validatePolicy } from '../src/validate/validate-policy.ts';
import { generatedCatalog } from './catalog-helpers.ts';

export const catalog = generatedCatalog();

export type Statement = Record<string, unknown>;

/** An identity statement that passes every check. */
export const GOOD: Statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };

/** A trust statement that passes every check. */
export const GOOD_TRUST: Statement = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' };

/** A resource-policy statement that passes every check. */
export const GOOD_RESOURCE: Statement = { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };

export function doc(...statements: Statement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

export function withGood(changes: Statement): Statement {
  return { ...GOOD, ...changes };
}

export function validate(text: string, options: Partial<ValidateOptions> = {}): Finding[] {
  return validatePolicy(text, { kind: 'identity', catalog, ...options });
}

export function codesOf(text: string, options: Partial<ValidateOptions> = {}): string[] {
  return validate(text, options).map((f) => f.issueCode);
}
