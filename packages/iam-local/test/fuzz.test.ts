// Random and hostile input against the form parser and every operation in the table: the server must answer
// each request with a well-formed envelope (never a 500, never a dropped connection) and keep a consistent database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { operations } from '../src/operations/index.ts';
import { startTestServer, type Keys, type TestServer } from './helpers/start-server.ts';
import { addRole, addUser, policy } from './helpers/fixtures.ts';
import { isWellFormedXml, rawCall } from './helpers/raw-call.ts';

/** Deterministic PRNG (mulberry32) so a failure can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_VALUES = [
  '', ' ', 'a', 'alice', 'x'.repeat(65), 'x'.repeat(5000), '/', '//', '/a/b/', '../../etc/passwd', '\u0000', 'nul\u0000byte', '\u0007\u001b[31m',
  '💥🔥', '\uD800', '%', '%00', '%zz', '&amp;', '<Error>', ']]>', '"quoted"', "'; DROP TABLE iam_users; --", '${aws:username}', '*', '?',
  '-1', '0', '1', '900', '3600', '43200', '99999999999999999999', 'NaN', '1e3', 'true', 'false', 'TRUE', 'Active', 'Inactive', 'v1', 'v99',
  '{}', '[]', 'null', '{"Version":"2012-10-17"}', policy({ Effect: 'Allow', Action: '*', Resource: '*' }), policy({ Effect: 'Deny', Action: 'iam:*', Resource: '*' }),
  '{"Version":"2012-10-17","Statement":' + '['.repeat(500) + ']'.repeat(500) + '}',
  'arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::123456789012:policy/nope', 'arn:aws:iam::000000000000:role/Fuzzed', 'arn:aws:iam::000000000000:user/fuzz-user',
  'arn:aws:iam::000000000000:mfa/fuzz', 'AKIAIOSFODNN7EXAMPLE', 'ASIAXXXXXXXXXXXXXXXX', 'fuzz-user', 'FuzzGroup', 'Fuzzed', '123456', 'string', 'stringList',
];

const PARAM_NAMES = [
  'UserName', 'NewUserName', 'GroupName', 'NewGroupName', 'RoleName', 'PolicyName', 'PolicyArn', 'PolicyDocument', 'AssumeRolePolicyDocument', 'Path',
  'NewPath', 'PathPrefix', 'Description', 'MaxSessionDuration', 'PermissionsBoundary', 'VersionId', 'SetAsDefault', 'AccessKeyId', 'Status', 'Password',
  'OldPassword', 'NewPassword', 'PasswordResetRequired', 'SerialNumber', 'AuthenticationCode1', 'AuthenticationCode2', 'VirtualMFADeviceName',
  'AccountAlias', 'MinimumPasswordLength', 'MaxPasswordAge', 'PasswordReusePrevention', 'RequireSymbols', 'Marker', 'MaxItems', 'Filter.member.1',
  'EntityFilter', 'AssignmentStatus', 'OnlyAttached', 'Scope', 'PolicySourceArn', 'ActionNames.member.1', 'ResourceArns.member.1', 'PolicyInputList.member.1',
  'ContextEntries.member.1.ContextKeyName', 'ContextEntries.member.1.ContextKeyType', 'ContextEntries.member.1.ContextKeyValues.member.1', 'CallerArn',
  'ResourcePolicy', 'Tags.member.1.Key', 'Tags.member.1.Value', 'Tags.member.2.Key', 'TagKeys.member.1', 'RoleArn', 'RoleSessionName', 'DurationSeconds',
  'ExternalId', 'TokenCode', 'SourceIdentity', 'Policy', 'Tags.member.0.Key', 'Tags.member.99999999.Key', 'UserName.member.1', '__proto__', 'constructor',
];

let t: TestServer;
let limited: Keys;
beforeAll(async () => {
  t = await startTestServer({ accountId: '000000000000' });
  addUser(t, 'fuzz-user');
  addRole(t, 'Fuzzed', policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' }));
  limited = addUser(t, 'limited', { some: policy({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'sts:AssumeRole'], Resource: '*' }) }).keys;
});
afterAll(() => t.close());

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

function randomForm(random: () => number, action: string | undefined): string {
  const form = new URLSearchParams();
  if (action !== undefined) form.set('Action', action);
  if (random() < 0.8) form.set('Version', action !== undefined && operations[action]?.service === 'sts' ? '2011-06-15' : '2010-05-08');
  const count = Math.floor(random() * 8);
  for (let i = 0; i < count; i++) form.append(pick(random, PARAM_NAMES), pick(random, HOSTILE_VALUES));
  return form.toString();
}

async function expectEnvelope(body: string | Buffer, keys: Keys, service: string, label: string): Promise<number> {
  const r = await rawCall(t.url, keys, body, { service });
  const context = `${label}: ${String(body).slice(0, 300)} → ${r.status} ${r.text.slice(0, 300)}`;
  expect(r.status, context).toBeLessThan(500);
  expect(isWellFormedXml(r.text), context).toBe(true);
  expect(r.text, context).toContain(`<RequestId>${r.requestId}</RequestId>`);
  if (r.status === 200) expect(r.text, context).toMatch(/^<\w+Response xmlns="https:\/\/(iam|sts)\.amazonaws\.com\/doc\/[\d-]+\/">/);
  else expect(r.text, context).toMatch(/^<ErrorResponse xmlns=.*<Code>\w+<\/Code>/s);
  return r.status;
}

describe('fuzz', () => {
  it('the XML checker itself rejects broken documents', () => {
    expect(isWellFormedXml('<A><B>x</B></A>\n')).toBe(true);
    expect(isWellFormedXml('<A><B>x</A></B>')).toBe(false);
    expect(isWellFormedXml('<A>a & b</A>')).toBe(false);
    expect(isWellFormedXml('<A>\u0000</A>')).toBe(false);
    expect(isWellFormedXml('<A/><B/>')).toBe(false);
    expect(isWellFormedXml('<A><![CDATA[QUJD]]></A>')).toBe(true);
    expect(isWellFormedXml('<![CDATA[QUJD]]><A/>')).toBe(false);
  });

  it('random bytes and hostile form bodies never break the parser', async () => {
    const random = prng(1);
    const bodies: (string | Buffer)[] = [
      '', '&&&', '=', '==&==', 'Action', 'Action=', '%', '%%%%', 'Action=%E0%A4%A', 'Action=ListUsers&Action=GetUser', 'a=1&'.repeat(20_000),
      `Action=ListUsers&${'Marker=x&'.repeat(100)}`, Buffer.from([0xff, 0xfe, 0x00, 0x41]), 'Action=ListUsers&MaxItems=1e309', '__proto__[x]=1&Action=ListUsers',
    ];
    for (let i = 0; i < 40; i++) bodies.push(Buffer.from(Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 256))));
    for (const body of bodies) await expectEnvelope(body, t.rootKeys, 'iam', 'body');
  });

  it('every operation with random and hostile parameters, as root and as a limited user', async () => {
    const random = prng(42);
    const actions = Object.keys(operations);
    expect(actions.length).toBeGreaterThan(90);
    for (const action of actions) {
      const service = operations[action]!.service;
      for (let round = 0; round < 12; round++) {
        const keys = round % 3 === 2 ? limited : t.rootKeys;
        await expectEnvelope(randomForm(random, action), keys, service, action);
      }
    }
    // Unknown and odd actions.
    for (const action of ['', 'listusers', 'ListUsers ', 'Constructor', '__proto__', 'toString', 'hasOwnProperty', 'x'.repeat(10_000)]) {
      await expectEnvelope(randomForm(random, action), t.rootKeys, 'iam', `action ${action.slice(0, 20)}`);
    }
  }, 120_000);

  it('leaves the database consistent and the server serving', async () => {
    const db = t.server.state.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect((await t.sts.send(new GetCallerIdentityCommand({}))).Account).toBe('000000000000');
    const users = await t.iam.send(new ListUsersCommand({ MaxItems: 1000 }));
    for (const user of users.Users ?? []) expect(user.UserName).toMatch(/^[\w+=,.@-]{1,64}$/);
  });
});
