import { matchRoutes, resolvePath } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { principalApi } from '../src/lib/principal-api.ts';
import { detailPath, fromSegment, segment } from '../src/lib/path-segment.ts';

const ORIGIN = 'https://console.test';
/** The path a browser actually requests for `path` (the URL parser resolves dot segments). */
const requested = (path: string) => new URL(path, ORIGIN).pathname;

describe('segment', () => {
  it.each([
    ['..', '~..'],
    ['.', '~.'],
    ['~x', '~~x'],
    ['create', '~create'],
    ['...', '...'],
    ['eve', 'eve'],
    ['a+b=c,d.e@f_g-h', 'a%2Bb%3Dc%2Cd.e%40f_g-h'],
    ['arn:aws:iam::123456789012:policy/team/p', 'arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2Fteam%2Fp'],
  ])('%j → %j', (value, expected) => {
    expect(segment(value)).toBe(expected);
  });

  it.each(['..', '.', '~x', '~~', 'create', 'eve', 'a+b@c', 'arn:aws:iam::123456789012:policy/p'])(
    '%j comes back whole from the decoded segment',
    (value) => {
      expect(fromSegment(decodeURIComponent(segment(value)))).toBe(value);
    },
  );

  it.each(['..', '.'])('a name %j stays a segment of its own in the URL the browser sends', (name) => {
    expect(requested(`/api/users/eve/groups/${segment(name)}`)).toBe(`/api/users/eve/groups/~${name}`);
    expect(requested(`/api/users/${segment(name)}/groups/devs`)).toBe(`/api/users/~${name}/groups/devs`);
  });

  it('plain percent-encoding would not have been enough: %2e%2e resolves like ..', () => {
    expect(requested('/api/users/eve/groups/%2e%2e')).toBe('/api/users/eve/');
  });
});

describe('SPA detail routes', () => {
  const routes = [{ path: '/users', children: [{ path: 'create' }, { path: ':userName' }] }];

  it.each(['..', '.', 'create', '~x', 'eve'])('the user %j opens its own detail page', (name) => {
    const path = resolvePath(detailPath.user(name)).pathname;
    expect(requested(path)).toBe(path);
    const match = matchRoutes(routes, path)?.at(-1);
    expect(match?.route.path).toBe(':userName');
    expect(fromSegment(match?.params.userName ?? '')).toBe(name);
  });

  it('each kind has its own base', () => {
    expect(detailPath.group('..')).toBe('/groups/~..');
    expect(detailPath.role('.')).toBe('/roles/~.');
    expect(detailPath.policy('arn:aws:iam::aws:policy/ReadOnlyAccess')).toBe('/policies/arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess');
  });
});

describe('principal requests', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('"Remove" on the inline policy .. of eve asks for that policy, not for eve', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      urls.push(requested(String(input)));
      return urls.length === 1
        ? new Response(JSON.stringify({ signedIn: true, csrfToken: 't', localMode: true }), { status: 200 })
        : new Response(null, { status: 204 });
    });
    await principalApi.deleteInlinePolicy('users', 'eve', '..');
    await principalApi.detachPolicy('groups', '.', 'arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(urls).toEqual([
      '/api/session',
      '/api/users/eve/inline-policies/~..',
      '/api/groups/~./attached-policies/arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess',
    ]);
  });
});
