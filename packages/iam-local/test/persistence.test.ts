import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CreateUserCommand, GetUserCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { startTestServer, type Keys } from './helpers/start-server.ts';
import { startIamServer } from '../src/server.ts';

const CLI = join(import.meta.dirname, '../src/cli/iam-local.ts');
const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-local-persist-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The root profile of an AWS shared credentials file. */
function rootKeysFrom(file: string): Keys {
  const text = readFileSync(file, 'utf8');
  const section = text.slice(text.indexOf('[root]'));
  return {
    accessKeyId: /aws_access_key_id\s*=\s*(\S+)/.exec(section)![1]!,
    secretAccessKey: /aws_secret_access_key\s*=\s*(\S+)/.exec(section)![1]!,
  };
}

describe('restart persistence', () => {
  it('a write survives close and reopen, with the same account and root key', async () => {
    const dataDir = freshDir();
    const first = await startTestServer({ dataDir });
    await first.iam.send(new CreateUserCommand({ UserName: 'kept', Path: '/persist/' }));
    const { accountId, rootKeys } = first;
    await first.close({ keepData: true });

    const second = await startTestServer({ dataDir });
    expect(second.accountId).toBe(accountId);
    expect(second.rootKeys).toEqual(rootKeys);
    expect((await second.iam.send(new GetUserCommand({ UserName: 'kept' }))).User?.Arn).toBe(`arn:aws:iam::${accountId}:user/persist/kept`);
    await second.close({ keepData: true });
  });

  it('an acknowledged write survives kill -9 of the iam-local process', async () => {
    const dataDir = freshDir();
    const child = spawn(process.execPath, [CLI, '--port', '0', '--data-dir', dataDir, '--seed', 'none'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m && out.includes('credentials file')) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`iam-local exited early (${code})`)));
    });
    const client = new IAMClient({ endpoint: url, region: 'us-east-1', credentials: rootKeysFrom(join(dataDir, 'credentials')), maxAttempts: 1 });
    for (let i = 0; i < 20; i++) await client.send(new CreateUserCommand({ UserName: `durable-${i}` }));
    client.destroy();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const reopened = await startTestServer({ dataDir });
    const names = (await reopened.iam.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName);
    expect(names).toEqual(Array.from({ length: 20 }, (_, i) => `durable-${i}`).sort());
    await reopened.close({ keepData: true });
  });

  it('a first start that fails leaves no half-made account behind', async () => {
    const dataDir = freshDir();
    await expect(startIamServer({ dataDir, accountId: 'not-an-id', seed: 'none' })).rejects.toThrow(/12 digits/);
    expect(existsSync(join(dataDir, 'iam.sqlite'))).toBe(false);
    const retry = await startIamServer({ dataDir, seed: 'none' });
    expect(retry.created).toBe(true);
    await retry.close();
  });

  it('the command refuses a corrupt data file with one clear line and exit code 1', () => {
    const dataDir = freshDir();
    writeFileSync(join(dataDir, 'iam.sqlite'), 'this is not a database '.repeat(20));
    const result = spawnSync(process.execPath, [CLI, '--port', '0', '--data-dir', dataDir], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^iam-local: .*iam\.sqlite is not a SQLite database \(corrupt or foreign file\); refusing to start/);
    expect(readFileSync(join(dataDir, 'iam.sqlite'), 'utf8')).toContain('this is not a database');
  });

  it('the command stops cleanly on SIGTERM', async () => {
    const dataDir = freshDir();
    const child = spawn(process.execPath, [CLI, '--port', '0', '--data-dir', dataDir, '--seed', 'none'], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('credentials file') && resolve()));
    const code = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await code).toBe(0);
  });
});
