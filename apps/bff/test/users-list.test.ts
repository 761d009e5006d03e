import { afterEach, describe, expect, it } from 'vitest';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { admin, fakeAws, signInHandlers } from './helpers/fake-aws.ts';

let h: Harness | undefined;
afterEach(() => h?.close());

const arn = (name: string, path = '/') => `arn:aws:iam::123456789012:user${path}${name}`;

describe('GET /api/users', () => {
  it('returns every page of ListUsers as summaries, with the last sign-in only for users who have one', async () => {
    const pages: Record<string, unknown>[] = [
      { Users: [{ UserName: 'alice', UserId: 'AIDAALICE', Arn: arn('alice'), Path: '/', CreateDate: new Date('2025-01-02T03:04:05Z'), PasswordLastUsed: new Date('2026-01-01T00:00:00Z') }], IsTruncated: true, Marker: 'm1' },
      { Users: [{ UserName: 'bob', UserId: 'AIDABOB', Arn: arn('bob', '/ops/'), Path: '/ops/', CreateDate: new Date('2025-02-03T04:05:06Z') }], IsTruncated: false },
    ];
    const markers: unknown[] = [];
    const aws = fakeAws({
      ...signInHandlers([admin]).handlers,
      ListUsers: (input) => {
        markers.push(input.Marker);
        return pages[input.Marker === 'm1' ? 1 : 0]!;
      },
    });
    h = createHarness(aws.makeClients);
    const b = await browser(h.app);
    await b.signIn({ accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey });
    const res = await b.get('/api/users');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { userName: 'alice', userId: 'AIDAALICE', arn: arn('alice'), path: '/', createDate: '2025-01-02T03:04:05.000Z', passwordLastUsed: '2026-01-01T00:00:00.000Z' },
      { userName: 'bob', userId: 'AIDABOB', arn: arn('bob', '/ops/'), path: '/ops/', createDate: '2025-02-03T04:05:06.000Z' },
    ]);
    expect('passwordLastUsed' in res.body.items[1]).toBe(false);
    expect(markers).toEqual([undefined, 'm1']);
  });
});
