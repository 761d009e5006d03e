// "Switch role" round trip through the BFF: POST /api/switch-role as the demo admin to DeveloperReadOnly, as the
// Switch role page sends it (no duration chosen, so the BFF also reads the role's maximum with GetRole), until the
// answer is in: the BFF's session, CSRF check, AssumeRole with the admin's key, sealing the role's credentials, the
// recent-roles row, the audit entry and the saved session. Baseline, measured in the same run and interleaved: the
// same AssumeRole made with the AWS SDK straight to the embedded endpoint. Both p50s over ROUNDS calls each.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { BenchStack } from '../support/stack.ts';

const ROUNDS = Number(process.env.BENCH_SWITCH_ROUNDS ?? 300);
const WARMUP = 30;
const ROLE = 'DeveloperReadOnly';

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function profile(file: string, name: string) {
  const section = readFileSync(file, 'utf8').split(/^\[/m).find((s) => s.startsWith(`${name}]`)) ?? '';
  const value = (key: string) => new RegExp(`^${key}\\s*=\\s*(\\S+)`, 'm').exec(section)?.[1] ?? '';
  return { accessKeyId: value('aws_access_key_id'), secretAccessKey: value('aws_secret_access_key') };
}

/** A signed-in browser of the BFF: its cookie and CSRF token, over one keep-alive connection (as a browser keeps one). */
async function signedInAsAdmin(url: string) {
  const first = await fetch(`${url}/api/session`);
  const preSignIn = ((await first.json()) as { csrfToken: string }).csrfToken;
  const cookies = first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const signIn = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': preSignIn, cookie: cookies }, body: JSON.stringify({ demoIdentity: 'admin' }) });
  if (signIn.status !== 200) throw new Error(`sign-in as admin failed: ${signIn.status} ${await signIn.text()}`);
  const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf };
}

export async function switchRoleRoundTrip(stack: BenchStack): Promise<void> {
  const { cookie, csrf } = await signedInAsAdmin(stack.url);
  const account = stack.accountId;
  const body = JSON.stringify({ account, roleName: ROLE, displayName: 'Read only', color: 'b7ca9d' });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL('/api/switch-role', stack.url);
  const throughBff = () =>
    new Promise<void>((resolve, reject) => {
      const req = request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-csrf-token': csrf, origin: stack.url, cookie } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`switch role: ${res.statusCode} ${Buffer.concat(chunks)}`))));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  const sts = new STSClient({ endpoint: stack.iamUrl, region: 'us-east-1', credentials: profile(stack.credentialsFile, 'admin'), maxAttempts: 1 });
  const roleArn = `arn:aws:iam::${account}:role/${ROLE}`;
  const direct = async () => void (await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'admin' })));

  const calls = [throughBff, direct];
  for (const call of calls) for (let i = 0; i < WARMUP; i++) await call();
  // One after the other, alternating which goes first, so a slow patch of the shared machine hits both alike.
  const samples: number[][] = [[], []];
  for (let i = 0; i < ROUNDS; i++) {
    for (let k = 0; k < calls.length; k++) {
      const which = (i + k) % calls.length;
      const start = performance.now();
      await calls[which]!();
      samples[which]!.push(performance.now() - start);
    }
  }
  sts.destroy();
  agent.destroy();
  const round = (ms: number) => Math.round(ms * 100) / 100;
  console.log(JSON.stringify({ name: 'self_service.switch_role_p50_ms', value: round(p50(samples[0]!)), unit: 'ms', target: '<= 50' }));
  console.log(JSON.stringify({ name: 'self_service.switch_role.sdk_assume_role_direct_p50_ms', value: round(p50(samples[1]!)), unit: 'ms' }));
}
