import { describe, expect, it } from 'vitest';
import { nameProblem, pathProblem } from '../src/utils/iam-names.ts';

describe('IAM name rules', () => {
  it('accepts the characters IAM allows, up to 64 for users and roles and 128 for groups and policies', () => {
    expect(nameProblem('alice+ops=1,x.y@z-w_v', 'user')).toBeUndefined();
    expect(nameProblem('a'.repeat(64), 'user')).toBeUndefined();
    expect(nameProblem('a'.repeat(128), 'user group')).toBeUndefined();
    expect(nameProblem('a'.repeat(128), 'policy')).toBeUndefined();
  });
  it('explains what is wrong', () => {
    expect(nameProblem('', 'user')).toBe('Enter a user name.');
    expect(nameProblem('a'.repeat(65), 'role')).toBe('The role name can have up to 64 characters.');
    expect(nameProblem('a'.repeat(129), 'user group')).toBe('The user group name can have up to 128 characters.');
    expect(nameProblem('bad name', 'role')).toBe('The role name can contain only A-Z, a-z, 0-9 and + = , . @ - _.');
    expect(nameProblem('bad/name', 'role')).toMatch(/can contain only/);
    expect(nameProblem('é', 'user')).toMatch(/can contain only/);
  });
});

describe('IAM path rules', () => {
  it('accepts / and slash-delimited paths, empty segments included as IAM and the BFF accept them', () => {
    expect(pathProblem('/')).toBeUndefined();
    expect(pathProblem('')).toBeUndefined();
    expect(pathProblem('/engineering/team-a/')).toBeUndefined();
    expect(pathProblem('/a//b/')).toBeUndefined();
  });
  it('rejects malformed paths', () => {
    expect(pathProblem('engineering/')).toMatch(/begin and end with forward slashes/);
    expect(pathProblem('/engineering')).toMatch(/begin and end with forward slashes/);
    expect(pathProblem('//')).toMatch(/begin and end with forward slashes/);
    expect(pathProblem('/a b/')).toMatch(/ASCII characters ! \(\\u0021\) to ~ \(\\u007E\)/);
    expect(pathProblem(`/${'a'.repeat(511)}/`)).toBe('The path can have up to 512 characters.');
  });
});
