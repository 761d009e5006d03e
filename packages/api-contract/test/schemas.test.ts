import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorAnswer } from '../src/error.ts';
import { iamPath, policyArn, policyDocument, tagSet, userName } from '../src/fields.ts';
import { createUserRequest, userDetail } from '../src/users.ts';
import { routes } from '../src/routes.ts';
import type { Route } from '../src/routes.ts';
import { session, signInRequest } from '../src/session.ts';

const messages = (result: { success: boolean; error?: z.ZodError }) => result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('value schemas', () => {
  it('refuse with the rule’s own sentence, one per field', () => {
    expect(messages(userName.safeParse('no spaces'))).toEqual([': The user name can contain only A-Z, a-z, 0-9 and + = , . @ - _.']);
    expect(messages(iamPath.safeParse('/a//b/'))).toEqual([]);
    expect(messages(tagSet('user').safeParse([{ key: 'aws:x', value: '' }]))).toEqual([': Tag key aws:x: A tag key cannot begin with aws: (reserved for AWS use).']);
  });

  it('take managed policy ARNs with a path, of any partition, and refuse others', () => {
    for (const arn of ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::123456789012:policy/team/a//b/p+1', 'arn:aws-cn:iam::123456789012:policy/p']) {
      expect(policyArn.safeParse(arn).success, arn).toBe(true);
    }
    for (const arn of ['not-an-arn', 'arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:policy/', 'arn:aws:iam::123456789012:policy/bad name']) {
      expect(policyArn.safeParse(arn).success, arn).toBe(false);
    }
  });

  it('take JSON policy documents only', () => {
    expect(policyDocument.safeParse('{"Version":"2012-10-17","Statement":[]}').success).toBe(true);
    expect(messages(policyDocument.safeParse('{nope'))).toEqual([': The policy document is not valid JSON']);
    expect(policyDocument.safeParse('null').success).toBe(false);
  });
});

describe('request schemas', () => {
  it('name every refused field of a create-user request', () => {
    const result = createUserRequest.safeParse({ userName: 'no spaces', groups: 'not-a-list', path: '/ok/' });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['groups', 'userName']);
  });

  it('default a console password to reset required', () => {
    expect(createUserRequest.parse({ userName: 'a', consolePassword: { password: 'x' } }).consolePassword).toEqual({ password: 'x', resetRequired: true });
  });

  it('treat an empty MFA code and serial number from the sign-in form as absent', () => {
    expect(signInRequest.parse({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 's', mfaCode: '', serialNumber: '' })).toEqual({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 's' });
  });
});

describe('answer schemas', () => {
  it('refuse fields the contract does not name, so a changed answer cannot pass unnoticed', () => {
    const detail = {
      user: { userName: 'a', userId: 'AIDA', arn: 'arn:aws:iam::123456789012:user/a', path: '/', createDate: '2026-01-01T00:00:00.000Z', tags: [] },
      groups: [], attachedPolicies: [], inlinePolicies: [], groupPolicies: [], accessKeys: [], mfaDevices: [], loginProfile: null, unavailable: [],
    };
    expect(userDetail.safeParse(detail).success).toBe(true);
    expect(userDetail.safeParse({ ...detail, secretAccessKey: 'x' }).success).toBe(false);
    expect(userDetail.safeParse({ ...detail, loginProfile: undefined }).success).toBe(false);
  });

  it('tell the two session shapes apart', () => {
    expect(session.safeParse({ signedIn: false, csrfToken: 't', localMode: false, credentialChain: false }).success).toBe(true);
    expect(session.safeParse({ signedIn: true, csrfToken: 't', localMode: false, credentialChain: false }).success).toBe(false);
  });

  it('have one error body', () => {
    expect(errorAnswer.safeParse({ error: { message: 'm', code: 'AccessDenied', status: 403, requestId: 'r' } }).success).toBe(true);
    expect(errorAnswer.safeParse({ error: { message: 'm', code: 'X', status: 200 } }).success).toBe(false);
    expect(errorAnswer.safeParse({ error: { message: 'm', code: 'X', status: 400, stack: '…' } }).success).toBe(false);
  });
});

describe('route table', () => {
  it.each(Object.entries(routes) as [string, Route][])('%s: its params schema names exactly the path’s parameters', (key, route) => {
    const inPath = key.split(' ')[1]!.split('/').filter((s) => s.startsWith(':')).map((s) => s.slice(1)).sort();
    const shape = route.params instanceof z.ZodObject ? Object.keys(route.params.shape).sort() : [];
    expect(shape).toEqual(inPath);
  });

  it('says no more than one thing per status: an answer means a body', () => {
    for (const [key, route] of Object.entries(routes) as [string, Route][]) {
      if (route.status?.includes(204)) expect(route.answer, key).toBeUndefined();
    }
  });
});
