import { describe, expect, it } from 'vitest';
import { nameProblem, pathProblem } from '../src/utils/iam-names.ts';

describe('IAM name rules', () => {
  it('accepts the characters IAM allows, up to 64', () => {
    expect(nameProblem('alice+ops=1,x.y@z-w_v', 'user')).toBeUndefined();
    expect(nameProblem('a'.repeat(64), 'user')).toBeUndefined();
  });
  it('explains what is wrong', () => {
    expect(nameProblem('', 'user')).toBe('Enter a user name.');
    expect(nameProblem('a'.repeat(65), 'group')).toMatch(/up to 64/);
    expect(nameProblem('bad name', 'role')).toMatch(/only letters/);
    expect(nameProblem('bad/name', 'role')).toMatch(/only letters/);
  });
});

describe('IAM path rules', () => {
  it('accepts / and slash-delimited paths', () => {
    expect(pathProblem('/')).toBeUndefined();
    expect(pathProblem('')).toBeUndefined();
    expect(pathProblem('/engineering/team-a/')).toBeUndefined();
  });
  it('rejects malformed paths', () => {
    expect(pathProblem('engineering/')).toMatch(/begin and end/);
    expect(pathProblem('/engineering')).toMatch(/begin and end/);
    expect(pathProblem('/a b/')).toMatch(/printable/);
    expect(pathProblem('/a//b/')).toMatch(/empty segments/);
    expect(pathProblem(`/${'a'.repeat(511)}/`)).toMatch(/512/);
  });
});
