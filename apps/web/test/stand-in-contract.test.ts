// The component tests' stand-in BFF answers only what the real one could: routes and bodies of the API contract.
import { describe, expect, it } from 'vitest';
import { contractBreach } from './support/fake-bff.tsx';
import { signedInSession, userDetail } from './support/fixtures.ts';

describe('the stand-in BFF’s answers are checked against the API contract', () => {
  it('passes answers the contract describes', () => {
    expect(contractBreach('GET', '/session', { status: 200, body: signedInSession() })).toBeUndefined();
    expect(contractBreach('GET', '/users/alice', { status: 200, body: userDetail('alice') })).toBeUndefined();
    expect(contractBreach('DELETE', '/users/alice', { status: 204 })).toBeUndefined();
    expect(contractBreach('GET', '/users', { status: 403, body: { error: { message: 'm', code: 'AccessDenied', status: 403 } } })).toBeUndefined();
  });

  it('names a body the contract refuses, a route it lacks, and an error that is not the error body', () => {
    expect(contractBreach('GET', '/session', { status: 200, body: { signedIn: true, csrfToken: 'x' } })).toMatch(/^The stand-in answer to GET \/session \(GET \/api\/session\) is not what the contract says/);
    expect(contractBreach('GET', '/users/alice', { status: 200, body: { ...userDetail('alice'), extra: 1 } })).toMatch(/not what the contract says/);
    expect(contractBreach('GET', '/no-such-route', { status: 200, body: {} })).toBe('The stand-in BFF answers GET /no-such-route, a route the API contract does not have');
    expect(contractBreach('GET', '/users', { status: 500, body: { message: 'bare' } })).toMatch(/not what the contract says/);
  });
});
