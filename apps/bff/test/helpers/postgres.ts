// A throwaway PostgreSQL cluster from Debian's packages (scripts/ensure-test-deps.sh installs `postgresql`):
// initdb and pg_ctl in a temp dir, on a free port of 127.0.0.1, as the postgres user when run as root (initdb
// refuses root). It has a login role `iam_console` owning a database of the same name, as an operator would
// give the console, and the superuser `postgres` for the checks the console's role cannot do.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './local-stack.ts';

export interface Postgres {
  /** The console's role and database. */
  url: string;
  /** The superuser, on the same database. */
  adminUrl: string;
  /** Another empty database owned by the console's role (for a fresh schema). */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error(`no PostgreSQL under ${root}: install Debian's postgresql package (scripts/ensure-test-deps.sh)`);
  return join(root, versions[0]!, 'bin');
}

/** `durable: false` turns fsync off (tests); the bench keeps PostgreSQL's defaults. */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<Postgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'bff-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const run = (command: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, command), args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  // A backend whose client is gone (a replica killed with SIGKILL) gives up a statement still waiting for a lock,
  // rather than commit it once the lock is free: what a killed replica had not committed stays uncommitted.
  const settings = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses='127.0.0.1'", '-c client_connection_check_interval=50ms', ...(options.durable ? [] : ['-c fsync=off'])];
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', '-o', settings.join(' '), 'start']);
  const base = `postgres://127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  admin.on('error', () => undefined); // the cluster stopping under it
  await admin.connect();
  await admin.query('CREATE ROLE iam_console LOGIN');
  const createDatabase = async (name: string) => {
    await admin.query(`CREATE DATABASE ${name} OWNER iam_console`);
    return `postgres://iam_console@127.0.0.1:${port}/${name}`;
  };
  const url = await createDatabase('iam_console');
  return {
    url,
    adminUrl: `${base.replace('//', '//postgres@')}/iam_console`,
    createDatabase,
    stop() {
      void admin.end().catch(() => undefined);
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
