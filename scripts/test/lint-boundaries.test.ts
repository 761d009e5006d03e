// `pnpm lint` runs dependency-cruiser with the repository's .dependency-cruiser.cjs. Each boundary it keeps is
// broken here on a small tree laid out like the repository, and the run must fail naming that rule.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const depcruise = join(root, 'node_modules', '.bin', 'depcruise');

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** A tree that keeps every rule: features use their own api and shared code, routes call services. */
const CLEAN: Record<string, string> = {
  'node_modules/@aws-sdk/client-iam/package.json': JSON.stringify({ name: '@aws-sdk/client-iam', main: 'index.js' }),
  'node_modules/@aws-sdk/client-iam/index.js': 'export class ListUsersCommand {}\n',
  'apps/web/src/lib/api-client.ts': 'export const get = (path: string) => fetch(path);\n',
  'apps/web/src/utils/names.ts': 'export const trim = (s: string) => s.trim();\n',
  'apps/web/src/components/table.tsx': "import { trim } from '../utils/names.ts';\nexport const Table = () => trim(' ');\n",
  'apps/web/src/features/users/api/users.ts': "import { get } from '../../../lib/api-client.ts';\nexport const listUsers = () => get('/api/users');\n",
  'apps/web/src/features/users/components/users-table.tsx':
    "import { listUsers } from '../api/users.ts';\nimport { Table } from '../../../components/table.tsx';\nexport const UsersTable = () => [listUsers, Table];\n",
  'apps/web/src/features/groups/api/groups.ts': "import { get } from '../../../lib/api-client.ts';\nexport const listGroups = () => get('/api/groups');\n",
  'apps/web/src/app/router.tsx':
    "import { UsersTable } from '../features/users/components/users-table.tsx';\nimport { listGroups } from '../features/groups/api/groups.ts';\nexport const routes = [UsersTable, listGroups];\n",
  'apps/bff/src/services/users.ts': "import { ListUsersCommand } from '@aws-sdk/client-iam';\nexport const listUsers = () => new ListUsersCommand();\n",
  'apps/bff/src/routes/users.ts': "import { listUsers } from '../services/users.ts';\nexport const route = () => listUsers();\n",
  'packages/iam-local/src/errors.ts': 'export class IamError extends Error {}\n',
  'packages/iam-local/src/model/users.ts': "import { IamError } from '../errors.ts';\nexport const findUser = () => new IamError();\n",
  'packages/iam-local/src/protocol/operation.ts': "import { findUser } from '../model/users.ts';\nexport const handle = () => findUser();\n",
  'packages/engine/src/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
  'packages/engine/src/b.ts': 'export const b = 1;\n',
};

const trees: string[] = [];
afterEach(() => {
  for (const dir of trees.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function lint(changes: Record<string, string>): { status: number | null; violations: Violation[] } {
  const dir = mkdtempSync(join(tmpdir(), 'lint-boundaries-'));
  trees.push(dir);
  for (const [path, text] of Object.entries({ ...CLEAN, ...changes })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = (outputType: 'err' | 'json') =>
    spawnSync(depcruise, ['--config', join(root, '.dependency-cruiser.cjs'), '--output-type', outputType, 'apps', 'packages'], {
      cwd: dir,
      encoding: 'utf8',
    });
  // The err reporter, as `pnpm lint` runs it, sets the exit code; the json one names the violations.
  const result = JSON.parse(run('json').stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return { status: run('err').status, violations: result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to })) };
}

describe('pnpm lint', () => {
  it('passes a tree that keeps the boundaries', () => {
    expect(lint({})).toEqual({ status: 0, violations: [] });
  });

  it('fails on an import cycle, also when one side imports only a type', () => {
    const { status, violations } = lint({
      'packages/engine/src/b.ts': "import type { a } from './a.ts';\nexport const b = 1;\nexport type A = typeof a;\n",
    });
    expect(status).not.toBe(0);
    expect(violations).toEqual([{ rule: 'no-circular', from: 'packages/engine/src/a.ts', to: 'packages/engine/src/b.ts' }]);
  });

  it('fails when a web feature imports another feature', () => {
    const { status, violations } = lint({
      'apps/web/src/features/users/components/users-table.tsx':
        "import { listGroups } from '../../groups/api/groups.ts';\nexport const UsersTable = () => listGroups;\n",
    });
    expect(status).not.toBe(0);
    expect(violations).toEqual([
      { rule: 'web-feature-imports-feature', from: 'apps/web/src/features/users/components/users-table.tsx', to: 'apps/web/src/features/groups/api/groups.ts' },
    ]);
  });

  it('fails when shared web code (components, lib, utils) imports a feature', () => {
    const { status, violations } = lint({
      'apps/web/src/components/table.tsx': "import { listUsers } from '../features/users/api/users.ts';\nexport const Table = () => listUsers;\n",
      'apps/web/src/utils/names.ts': "import type { listGroups } from '../features/groups/api/groups.ts';\nexport const trim = (s: string) => s.trim();\nexport type L = typeof listGroups;\n",
    });
    expect(status).not.toBe(0);
    expect(violations.filter((v) => v.rule === 'web-shared-imports-feature').map((v) => v.from).sort()).toEqual([
      'apps/web/src/components/table.tsx',
      'apps/web/src/utils/names.ts',
    ]);
  });

  it('fails when a BFF route imports the AWS SDK, types included', () => {
    const { status, violations } = lint({
      'apps/bff/src/routes/users.ts':
        "import type { ListUsersCommand } from '@aws-sdk/client-iam';\nimport { listUsers } from '../services/users.ts';\nexport const route = (): ListUsersCommand => listUsers();\n",
    });
    expect(status).not.toBe(0);
    expect(violations).toEqual([{ rule: 'bff-route-imports-aws-sdk', from: 'apps/bff/src/routes/users.ts', to: 'node_modules/@aws-sdk/client-iam/index.js' }]);
  });

  it('fails when the endpoint\'s model imports a layer above it, or errors.ts imports anything of the endpoint', () => {
    const { status, violations } = lint({
      'packages/iam-local/src/model/users.ts': "import type { handle } from '../protocol/operation.ts';\nexport const findUser = (): typeof handle | undefined => undefined;\n",
      'packages/iam-local/src/errors.ts': "import { findUser } from './model/users.ts';\nexport class IamError extends Error {}\nexport const f = findUser;\n",
    });
    expect(status).not.toBe(0);
    expect(violations.filter((v) => v.rule !== 'no-circular')).toEqual([
      { rule: 'iam-local-errors-imports-endpoint', from: 'packages/iam-local/src/errors.ts', to: 'packages/iam-local/src/model/users.ts' },
      { rule: 'iam-local-model-imports-upper-layer', from: 'packages/iam-local/src/model/users.ts', to: 'packages/iam-local/src/protocol/operation.ts' },
    ]);
  });

  it('fails on an import it cannot resolve, which no other rule could see', () => {
    const { status, violations } = lint({ 'packages/engine/src/b.ts': "import { gone } from './gone.ts';\nexport const b = gone;\n" });
    expect(status).not.toBe(0);
    expect(violations).toEqual([{ rule: 'unresolvable-import', from: 'packages/engine/src/b.ts', to: './gone.ts' }]);
  });
});
