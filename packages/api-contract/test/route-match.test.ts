import { describe, expect, it } from 'vitest';
import { matchRoute } from '../src/route-match.ts';

describe('matchRoute', () => {
  it('finds the route of a request as sent, with its parameters decoded', () => {
    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    expect(matchRoute('GET', `/api/policies/${encodeURIComponent(arn)}/versions/v2?x=1`)).toMatchObject({
      key: 'GET /api/policies/:policyArn/versions/:versionId', params: { policyArn: arn, versionId: 'v2' },
    });
    expect(matchRoute('delete', '/api/users/alice/groups/admins')).toMatchObject({ key: 'DELETE /api/users/:userName/groups/:groupName' });
    expect(matchRoute('GET', '/api/groups?memberCount=false')?.key).toBe('GET /api/groups');
  });

  it('prefers a literal segment to a parameter', () => {
    expect(matchRoute('GET', '/api/session/demo-identities')?.key).toBe('GET /api/session/demo-identities');
  });

  it('finds nothing for a route the contract does not have', () => {
    expect(matchRoute('GET', '/api/nothing')).toBeUndefined();
    expect(matchRoute('PATCH', '/api/policies/x')).toBeUndefined();
    expect(matchRoute('GET', '/api/users/')).toBeUndefined();
    expect(matchRoute('GET', '/api/groups/ops/tags')).toBeUndefined();
  });
});
