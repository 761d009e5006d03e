// The policy simulator's pure parts: the actions typed (wildcards refused as SimulatePrincipalPolicy refuses them),
// context entries, the "why" wording of each decision, and the rows → CSV download.
import { describe, expect, it } from 'vitest';
import { whyOf, type SimulationResult } from '@iam-console/api-contract/policy-simulator.ts';
import { ACTION_GROUPS, addActions, parseActions } from '../src/features/policy-simulator/actions.ts';
import { toContextEntries } from '../src/features/policy-simulator/context-entries.ts';
import { simulationCsv, simulationFileName } from '../src/features/policy-simulator/simulation-csv.ts';

const base = { resource: '*', matchedStatements: [], missingContextValues: [] };

describe('actions', () => {
  it('reads one per line or separated by commas, each once, and names every one the simulator would refuse', () => {
    expect(parseActions('iam:ListUsers\n iam:CreateUser, iam:ListUsers\n\n')).toEqual({ actions: ['iam:ListUsers', 'iam:CreateUser'], problems: [] });
    expect(parseActions('iam:* s3:Get?bject ListUsers iam:GetUser')).toEqual({
      actions: ['iam:GetUser'],
      problems: [
        'iam:*: the simulator takes one action each, without wildcards',
        's3:Get?bject: the simulator takes one action each, without wildcards',
        'ListUsers: write an action as service:Action, e.g. iam:ListUsers',
      ],
    });
  });

  it('adds a quick pick after what is there, none twice', () => {
    const iamRead = ACTION_GROUPS.find((g) => g.label === 'IAM read')!;
    const text = addActions('iam:ListUsers\ns3:GetObject', iamRead.actions);
    expect(text.split('\n')).toEqual(['iam:ListUsers', 's3:GetObject', ...iamRead.actions.filter((a) => a !== 'iam:ListUsers')]);
    for (const group of ACTION_GROUPS) expect(parseActions(group.actions.join('\n')).problems).toEqual([]);
  });
});

describe('context entries', () => {
  it('keeps rows with a key and value, splitting list types on commas', () => {
    expect(toContextEntries([
      { key: ' aws:MultiFactorAuthPresent ', type: 'boolean', value: 'true' },
      { key: 'aws:SourceIp', type: 'ipList', value: '203.0.113.1, 198.51.100.0/24,' },
      { key: 'aws:username', type: 'string', value: '  ' },
      { key: '', type: 'string', value: 'x' },
    ])).toEqual([
      { key: 'aws:MultiFactorAuthPresent', type: 'boolean', values: ['true'] },
      { key: 'aws:SourceIp', type: 'ipList', values: ['203.0.113.1', '198.51.100.0/24'] },
    ]);
  });
});

describe('why', () => {
  const statement = { sourcePolicyId: 'DenyAssumeUpdateApp', sourcePolicyType: 'user-managed', start: { line: 1, column: 1 }, end: { line: 8, column: 2 } };

  it('names the allowing statements and the boundary that allows too', () => {
    expect(whyOf({ ...base, action: 'iam:ListUsers', decision: 'allowed', matchedStatements: [{ sourcePolicyId: 'SecurityAudit', sourcePolicyType: 'aws-managed' }] }))
      .toBe('Allowed by SecurityAudit.');
    expect(whyOf({ ...base, action: 'ec2:RunInstances', decision: 'allowed', matchedStatements: [{ ...statement, sourcePolicyId: 'Dev' }], allowedByPermissionsBoundary: true }))
      .toBe('Allowed by Dev (line 1–8). The permissions boundary allows it too.');
  });

  it('names the denying statement of an explicit deny, and the missing context', () => {
    expect(whyOf({ ...base, action: 'sts:AssumeRole', decision: 'explicitDeny', matchedStatements: [statement], missingContextValues: ['aws:MultiFactorAuthPresent'] }))
      .toBe('Explicitly denied by DenyAssumeUpdateApp (line 1–8); a Deny overrides every Allow. Conditions use context not supplied: aws:MultiFactorAuthPresent.');
  });

  it('tells an implicit deny by nothing allowing from one by the permissions boundary', () => {
    expect(whyOf({ ...base, action: 'iam:CreateUser', decision: 'implicitDeny' })).toBe('Implicitly denied: no statement in the principal’s policies allows it.');
    expect(whyOf({ ...base, action: 'iam:CreateUser', decision: 'implicitDeny', allowedByPermissionsBoundary: false }))
      .toBe('Implicitly denied: the permissions boundary does not allow it, so no identity policy can.');
  });
});

describe('CSV download', () => {
  const rows: SimulationResult[] = [
    { ...base, action: 'iam:ListUsers', decision: 'allowed', matchedStatements: [{ sourcePolicyId: 'SecurityAudit', sourcePolicyType: 'aws-managed', start: { line: 3, column: 5 }, end: { line: 40, column: 6 } }], why: 'Allowed by SecurityAudit (line 3–40).' },
    { ...base, action: 'iam:CreateUser', decision: 'implicitDeny', missingContextValues: ['aws:SourceIp', 'aws:username'], allowedByPermissionsBoundary: false, why: 'Implicitly denied, "quoted", and, commas.' },
  ];

  it('is one line per row under the header, quoting what needs it', () => {
    const csv = simulationCsv(rows);
    expect(csv.split('\n')[0]).toBe('Action,Resource,Decision,Matched statements,Missing context values,Permissions boundary,Why');
    expect(csv.split('\n').slice(1)).toEqual([
      'iam:ListUsers,*,Allowed,"SecurityAudit (aws-managed, 3:5-40:6)",,,Allowed by SecurityAudit (line 3–40).',
      'iam:CreateUser,*,Denied (implicit deny),,aws:SourceIp; aws:username,Does not allow,"Implicitly denied, ""quoted"", and, commas."',
      '',
    ]);
  });

  it('is named after the principal and the time in UTC', () => {
    expect(simulationFileName('auditor', new Date('2026-12-07T01:02:03.456Z'))).toBe('policy-simulation_auditor_2026-12-07T01_02_03.csv');
    expect(simulationFileName('a/b c', new Date(0))).toBe('policy-simulation_a_b_c_1970-01-01T00_00_00.csv');
  });
});
