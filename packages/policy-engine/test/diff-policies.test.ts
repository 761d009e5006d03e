import { describe, expect, it } from 'vitest';
import { diffPolicies, summarizeByService, type DiffEntry } from '../src/diff/diff-policies.ts';
import { generatedCatalog } from './catalog-helpers.ts';
import { readRealPolicy, REAL_POLICY_FILES } from './fixtures/real-policies.ts';

const catalog = generatedCatalog();

function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

function allow(action: string | string[], resource: string | string[] = '*', extra: object = {}): object {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra };
}

function actionsOf(entries: DiffEntry[]): string[] {
  return entries.map((entry) => entry.action);
}

describe('diffPolicies: allow changes', () => {
  it('reports nothing for the same policy, however it is written', () => {
    const text = policy(allow(['iam:GetUser', 'iam:ListUsers'], 'arn:aws:iam::123456789012:user/*'));
    const reordered = { Statement: [allow(['IAM:listusers', 'iam:GetUser'], ['arn:aws:iam::123456789012:user/*'])] };
    expect(diffPolicies(text, reordered, catalog)).toEqual({ granted: [], revoked: [], denyAdded: [], denyRemoved: [], notes: [] });
  });

  it('reports an added action with its resources', () => {
    const before = policy(allow('s3:GetObject', 'arn:aws:s3:::bucket/*'));
    const after = policy(allow(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::bucket/*'));
    const diff = diffPolicies(before, after, catalog);
    expect(diff.granted).toEqual([{ action: 's3:PutObject', resources: ['arn:aws:s3:::bucket/*'], notResource: false }]);
    expect(diff.revoked).toEqual([]);
  });

  it('expands wildcards: iam:Get* → iam:GetUser lists what was lost', () => {
    const diff = diffPolicies(policy(allow('iam:Get*')), policy(allow('iam:GetUser')), catalog);
    const lost = actionsOf(diff.revoked);
    expect(lost).toContain('iam:GetRole');
    expect(lost).toContain('iam:GetPolicy');
    expect(lost).not.toContain('iam:GetUser');
    expect(lost.every((action) => action.startsWith('iam:Get'))).toBe(true);
    expect(lost.length).toBe(catalog.expandActionPattern('iam:Get*').length - 1);
    expect(diff.granted).toEqual([]);
  });

  it('reports resource changes per action and pattern', () => {
    const before = policy(allow('iam:GetUser', 'arn:aws:iam::123456789012:user/alice'));
    const after = policy(allow('iam:GetUser', ['arn:aws:iam::123456789012:user/bob', 'arn:aws:iam::123456789012:user/carol']));
    const diff = diffPolicies(before, after, catalog);
    expect(diff.granted).toEqual([
      { action: 'iam:GetUser', resources: ['arn:aws:iam::123456789012:user/bob', 'arn:aws:iam::123456789012:user/carol'], notResource: false },
    ]);
    expect(diff.revoked).toEqual([{ action: 'iam:GetUser', resources: ['arn:aws:iam::123456789012:user/alice'], notResource: false }]);
  });

  it('does not report a narrower resource as granted when a wider one was already allowed', () => {
    const before = policy(allow('s3:GetObject', 'arn:aws:s3:::*'));
    const after = policy(allow('s3:GetObject', ['arn:aws:s3:::*', 'arn:aws:s3:::bucket/reports/*']));
    expect(diffPolicies(before, after, catalog).granted).toEqual([]);
    // …but narrowing from the wide pattern to the narrow one revokes the wide one.
    const narrowed = diffPolicies(before, policy(allow('s3:GetObject', 'arn:aws:s3:::bucket/reports/*')), catalog);
    expect(narrowed.revoked).toEqual([{ action: 's3:GetObject', resources: ['arn:aws:s3:::*'], notResource: false }]);
    expect(narrowed.granted).toEqual([]);
  });

  it('does not take a ? for a covering *', () => {
    const diff = diffPolicies(policy(allow('s3:GetObject', 'arn:aws:s3:::bucket/?')), policy(allow('s3:GetObject', 'arn:aws:s3:::bucket/*')), catalog);
    expect(diff.granted).toEqual([{ action: 's3:GetObject', resources: ['arn:aws:s3:::bucket/*'], notResource: false }]);
  });

  it('expands NotAction to the complement of the named actions', () => {
    const before = policy(allow('iam:*'));
    const after = policy({ Effect: 'Allow', NotAction: 'iam:Delete*', Resource: '*' });
    const diff = diffPolicies(before, after, catalog);
    const revoked = actionsOf(diff.revoked);
    expect(revoked).toContain('iam:DeleteUser');
    expect(revoked.every((action) => action.startsWith('iam:Delete'))).toBe(true);
    const granted = actionsOf(diff.granted);
    expect(granted).toContain('s3:GetObject');
    expect(granted.some((action) => action.startsWith('iam:'))).toBe(false);
    const total = catalog.services().reduce((sum, s) => sum + s.actionCount, 0);
    expect(granted.length).toBe(total - catalog.service('iam')!.actionCount);
  });

  it('treats a changed Condition as the old grant revoked and the new one granted', () => {
    const mfa = (value: string) => ({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': value } } });
    const diff = diffPolicies(policy(allow('iam:ListUsers', '*', mfa('true'))), policy(allow('iam:ListUsers', '*', mfa('false'))), catalog);
    expect(diff.granted).toEqual([
      { action: 'iam:ListUsers', resources: ['*'], notResource: false, condition: '{"Bool":{"aws:MultiFactorAuthPresent":"false"}}' },
    ]);
    expect(diff.revoked).toHaveLength(1);
    expect(diff.revoked[0]?.condition).toBe('{"Bool":{"aws:MultiFactorAuthPresent":"true"}}');
  });

  it('counts dropping a condition as no loss (the unconditional grant covers it)', () => {
    const conditional = policy(allow('iam:ListUsers', '*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }));
    const diff = diffPolicies(conditional, policy(allow('iam:ListUsers')), catalog);
    expect(diff.revoked).toEqual([]);
    expect(diff.granted).toEqual([{ action: 'iam:ListUsers', resources: ['*'], notResource: false }]);
  });

  it('keeps a NotResource list together', () => {
    const after = policy({ Effect: 'Allow', Action: 's3:GetObject', NotResource: ['arn:aws:s3:::secret/*', 'arn:aws:s3:::private/*'] });
    const diff = diffPolicies(undefined, after, catalog);
    expect(diff.granted).toEqual([
      { action: 's3:GetObject', resources: ['arn:aws:s3:::private/*', 'arn:aws:s3:::secret/*'], notResource: true },
    ]);
  });
});

describe('diffPolicies: deny changes', () => {
  it('reports added and removed denies apart from allows', () => {
    const before = policy(allow('iam:*'), { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' });
    const after = policy(allow('iam:*'), { Effect: 'Deny', Action: ['iam:CreateAccessKey', 'iam:CreateLoginProfile'], Resource: 'arn:aws:iam::*:user/admin' });
    const diff = diffPolicies(before, after, catalog);
    expect(diff.granted).toEqual([]);
    expect(diff.revoked).toEqual([]);
    expect(diff.denyAdded).toEqual([
      { action: 'iam:CreateAccessKey', resources: ['arn:aws:iam::*:user/admin'], notResource: false },
      { action: 'iam:CreateLoginProfile', resources: ['arn:aws:iam::*:user/admin'], notResource: false },
    ]);
    expect(diff.denyRemoved).toEqual([{ action: 'iam:DeleteUser', resources: ['*'], notResource: false }]);
  });

  it('sorts entries by action name', () => {
    const diff = diffPolicies(undefined, policy(allow(['s3:PutObject', 'iam:GetUser', 'ec2:DescribeInstances'])), catalog);
    expect(actionsOf(diff.granted)).toEqual(['ec2:DescribeInstances', 'iam:GetUser', 's3:PutObject']);
  });
});

describe('diffPolicies: bad input', () => {
  it('treats unparseable text as an empty policy and says so', () => {
    const diff = diffPolicies('{"Statement": [', policy(allow('iam:GetUser')), catalog);
    expect(diff.granted).toEqual([{ action: 'iam:GetUser', resources: ['*'], notResource: false }]);
    expect(diff.notes).toEqual([{ side: 'before', message: expect.stringContaining('not valid JSON') }]);
  });

  it('ignores malformed statements with a note and keeps the rest', () => {
    const after = JSON.stringify({
      Statement: [
        'not a statement',
        { Effect: 'allow', Action: 'iam:GetUser', Resource: '*' },
        { Effect: 'Allow', Action: 'iam:GetUser', NotAction: 'iam:ListUsers', Resource: '*' },
        { Effect: 'Allow', Action: 42, Resource: '*' },
        { Effect: 'Allow', Action: 'iam:GetUser', Resource: { arn: 'x' } },
        { Sid: 'Good', Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' },
      ],
    });
    const diff = diffPolicies(null, after, catalog);
    expect(diff.granted).toEqual([{ action: 'iam:ListUsers', resources: ['*'], notResource: false }]);
    expect(diff.notes.map((note) => note.message)).toEqual([
      'Statement 0 is not an object; it is ignored.',
      'Statement 1 has no Effect of "Allow" or "Deny"; it is ignored.',
      'Statement 2 needs exactly one of Action and NotAction; it is ignored.',
      'Statement 3: Action must be a string or a list of strings; it is ignored.',
      'Statement 4: Resource must be a string or a list of strings; it is ignored.',
    ]);
  });

  it('keeps actions the catalog does not know, with a note', () => {
    const diff = diffPolicies(undefined, policy(allow('madeup:DoThing')), catalog);
    expect(diff.granted).toEqual([{ action: 'madeup:DoThing', resources: ['*'], notResource: false }]);
    expect(diff.notes).toEqual([{ side: 'after', message: 'Statement 0: "madeup:DoThing" matches no known action.' }]);
  });

  it('never throws on garbage', () => {
    let deep = '';
    for (let i = 0; i < 10_000; i++) deep = `{"a":${deep || '1'}}`;
    const deepCondition = { Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*', Condition: JSON.parse(deep) }] };
    const inputs: unknown[] = [42, [], 'null', '"text"', '[1,2]', '{"Statement": 7}', 'x'.repeat(1_000_000), deep, deepCondition, { Statement: {} }];
    for (const input of inputs) {
      expect(() => diffPolicies(input as string, policy(allow('iam:GetUser')), catalog)).not.toThrow();
    }
    const diff = diffPolicies(deepCondition, undefined, catalog);
    expect(diff.notes).toEqual([{ side: 'before', message: 'Statement 0 has a Condition nested too deeply to compare; it is ignored.' }]);
    expect(diffPolicies(42 as unknown as string, undefined, catalog).notes[0]?.message).toContain('not a JSON object');
  });

  it('accepts a single statement object and documents without statements', () => {
    const single = { Statement: allow('iam:GetUser') };
    expect(diffPolicies(undefined, single, catalog).granted).toHaveLength(1);
    expect(diffPolicies({ Version: '2012-10-17' }, undefined, catalog).notes).toEqual([{ side: 'before', message: 'The policy has no Statement.' }]);
  });
});

describe('summarizeByService', () => {
  it('counts changed actions per service, each action once', () => {
    const before = policy(allow('s3:GetObject'), { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' });
    const after = policy(
      allow(['iam:GetUser', 'iam:ListUsers'], 'arn:aws:iam::*:user/a'),
      allow('iam:GetUser', 'arn:aws:iam::*:user/b', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
      { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' },
    );
    expect(summarizeByService(diffPolicies(before, after, catalog))).toEqual([
      { service: 'iam', granted: 2, revoked: 0, denyAdded: 0, denyRemoved: 1 },
      { service: 's3', granted: 0, revoked: 1, denyAdded: 0, denyRemoved: 0 },
      { service: 'sts', granted: 0, revoked: 0, denyAdded: 1, denyRemoved: 0 },
    ]);
  });

  it('is empty for no changes', () => {
    expect(summarizeByService(diffPolicies(undefined, undefined, catalog))).toEqual([]);
  });
});

describe('diffPolicies over the real policies', () => {
  it.each(REAL_POLICY_FILES)('%s: no change against itself; against nothing, every allowed action is granted', (file) => {
    const text = readRealPolicy(file);
    const same = diffPolicies(text, JSON.parse(text) as object, catalog);
    expect([same.granted, same.revoked, same.denyAdded, same.denyRemoved]).toEqual([[], [], [], []]);
    const created = diffPolicies(undefined, text, catalog);
    const allowStatements = [(JSON.parse(text) as { Statement: Record<string, unknown> | Record<string, unknown>[] }).Statement]
      .flat()
      .filter((statement) => statement.Effect === 'Allow' && statement.Action !== undefined);
    for (const statement of allowStatements) {
      for (const pattern of [statement.Action].flat() as string[]) {
        const expected = catalog.expandActionPattern(pattern);
        const granted = new Set(created.granted.map((entry) => entry.action));
        for (const action of expected.length > 0 ? expected : [pattern]) expect(granted.has(action)).toBe(true);
      }
    }
    expect(created.revoked).toEqual([]);
  });
});
