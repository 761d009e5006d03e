// The SPA-only baseline for the Users page figure: the built app served from dist/ by a bare static server that
// also answers the API with canned JSON. Its figures are the page's own cost (route chunk, JSON parse, client-
// side collection, first render); the difference to the real stack is the network, BFF and endpoint share.
// The stubbed account has the shape `seed: 'scale'` gives (admin and user-00001 … user-10000) so both targets
// show the same rows.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const USERS = 10_000;
const PATHS = ['/', '/engineering/', '/operations/', '/sales/'];
const ACCOUNT = '123456789012';
const DAY = 86_400_000;
const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.woff2': 'font/woff2', '.json': 'application/json' };

function user(name: string, i: number, path: string) {
  return {
    userName: name,
    userId: `AIDA${String(i).padStart(17, '0')}`,
    arn: `arn:aws:iam::${ACCOUNT}:user${path}${name}`,
    path,
    createDate: new Date(Date.UTC(2024, 0, 1) + (i % 700) * DAY).toISOString(),
    ...(i % 8 === 0 ? { passwordLastUsed: new Date(Date.UTC(2026, 0, 1) + (i % 30) * DAY).toISOString() } : {}),
  };
}

const usersBody = JSON.stringify({
  items: [user('admin', 0, '/'), ...Array.from({ length: USERS }, (_, k) => user(`user-${String(k + 1).padStart(5, '0')}`, k + 1, PATHS[(k + 1) % PATHS.length]!))],
});

function session() {
  return {
    signedIn: true,
    csrfToken: 'bench',
    localMode: true,
    identity: { arn: `arn:aws:iam::${ACCOUNT}:user/admin`, accountId: ACCOUNT, userId: 'AIDAADMIN', type: 'user', userName: 'admin' },
    mfaAuthenticated: false,
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    idleExpiresAt: new Date(Date.now() + 1800_000).toISOString(),
  };
}

function stubbedApi(pathname: string): { status: number; body: string } {
  switch (pathname) {
    case '/api/session':
      return { status: 200, body: JSON.stringify(session()) };
    case '/api/users':
      return { status: 200, body: usersBody };
    case '/api/account':
      return { status: 200, body: JSON.stringify({ accountId: ACCOUNT, alias: null, summary: { Users: USERS + 1 } }) };
    case '/api/account/security-recommendations':
      return { status: 200, body: JSON.stringify({ items: [] }) };
    default:
      return { status: 404, body: JSON.stringify({ error: { message: 'Not stubbed', code: 'NotFound', status: 404 } }) };
  }
}

/**
 * Serves dist/ with the SPA fallback to index.html, and answers /api/ as a signed-in admin of a 10,001-user
 * account. The answers come from this server over loopback like the BFF's do (stubbing with page.route would send
 * every request of the page through the driver and cost more than it saves).
 */
export async function startSpaOnlyServer(dist: string): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    if (pathname.startsWith('/api/')) {
      const { status, body } = stubbedApi(pathname);
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    let file = join(dist, normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
