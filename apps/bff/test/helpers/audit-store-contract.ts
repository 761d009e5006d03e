// What both audit stores (SQLite, PostgreSQL) promise: bounded fields, filters, keyset paging newest first, the
// streamed export's pages, counts written at close, and a database that refuses UPDATE and DELETE of entries.
import { expect, it } from 'vitest';
import { FIELD_LIMITS } from '../../src/audit/audit-store.ts';
import type { AuditEntry, AuditEntryInput, AuditStore } from '../../src/audit/audit-store.ts';

export interface OpenedAuditStore {
  store: AuditStore;
  /** The same log opened again (after `store` closed). */
  reopen(): Promise<AuditStore>;
  /** Runs one SQL statement straight against the database, as the console's own database user. */
  sql(statement: string): Promise<unknown>;
}

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function entry(overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return { time: at(0), callerArn: 'arn:aws:iam::123456789012:user/Alice', operation: 'CreateUser', target: 'user/bob', result: 'success', httpStatus: 201, ...overrides };
}

async function all(pages: Iterable<AuditEntry[]> | AsyncIterable<AuditEntry[]>): Promise<AuditEntry[][]> {
  const out: AuditEntry[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

/** Registers the contract's tests; `open` gives a fresh, empty log for each. */
export function auditStoreContract(open: () => Promise<OpenedAuditStore>): void {
  const fresh = async () => {
    const opened = await open();
    return { ...opened, close: async () => opened.store.close() };
  };

  it('appends entries with growing ids and lists them newest first, every field as written', async () => {
    const { store, close } = await fresh();
    const first = await store.append(entry());
    const second = await store.append(entry({ time: at(1), callerArn: null, operation: 'SignIn', target: '', result: 'failure', errorCode: 'InvalidClientTokenId', awsRequestId: 'req-1', httpStatus: 401, count: 3 }));
    expect(second).toBeGreaterThan(first);
    expect(await store.list({ limit: 10 })).toEqual([
      { id: second, time: at(1), callerArn: null, operation: 'SignIn', target: '', result: 'failure', errorCode: 'InvalidClientTokenId', awsRequestId: 'req-1', httpStatus: 401, count: 3 },
      { id: first, time: at(0), callerArn: 'arn:aws:iam::123456789012:user/Alice', operation: 'CreateUser', target: 'user/bob', result: 'success', httpStatus: 201, count: 1 },
    ]);
    await close();
  });

  it('cuts every text field to its bound, ending in …', async () => {
    const { store, close } = await fresh();
    const long = 'x'.repeat(5000);
    await store.append(entry({ callerArn: long, operation: long, target: long, errorCode: long, awsRequestId: long }));
    const [stored] = await store.list({ limit: 1 });
    for (const field of ['callerArn', 'operation', 'target', 'errorCode', 'awsRequestId'] as const) {
      expect(stored![field]).toHaveLength(FIELD_LIMITS[field]);
      expect(stored![field]!.endsWith('…')).toBe(true);
    }
    await close();
  });

  it('filters by time range, part of the caller or operation in any case, and result', async () => {
    const { store, close } = await fresh();
    await store.append(entry({ time: at(0), callerArn: 'arn:aws:iam::123456789012:user/Alice', operation: 'CreateUser' }));
    await store.append(entry({ time: at(5), callerArn: 'arn:aws:iam::123456789012:user/bob', operation: 'DeleteUser', result: 'failure', httpStatus: 403 }));
    await store.append(entry({ time: at(10), callerArn: 'arn:aws:iam::123456789012:role/Auditor', operation: 'CreateGroup' }));
    await store.append(entry({ time: at(15), callerArn: null, operation: 'SignIn', result: 'failure', httpStatus: 401 }));
    const ops = async (filters: object) => (await store.list({ limit: 10, ...filters })).map((e) => e.operation);
    expect(await ops({ from: at(5), to: at(15) })).toEqual(['CreateGroup', 'DeleteUser']);
    expect(await ops({ caller: 'ALICE' })).toEqual(['CreateUser']);
    expect(await ops({ caller: 'user/' })).toEqual(['DeleteUser', 'CreateUser']);
    expect(await ops({ operation: 'user' })).toEqual(['DeleteUser', 'CreateUser']);
    expect(await ops({ result: 'failure' })).toEqual(['SignIn', 'DeleteUser']);
    expect(await ops({ operation: 'create', from: at(1) })).toEqual(['CreateGroup']);
    expect(await ops({ caller: 'nobody' })).toEqual([]);
    // A time with an offset means the same instant.
    expect(await ops({ from: '2026-03-01T12:10:00+02:00' })).toEqual(['SignIn', 'CreateGroup']);
    await close();
  });

  it('pages newest first by entry id (keyset), with filters, until no older entry matches', async () => {
    const { store, close } = await fresh();
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push(await store.append(entry({ time: at(i), result: i % 2 ? 'failure' : 'success', target: `user/u${i}` })));
    const first = await store.page({ limit: 3 });
    expect(first.items.map((e) => e.id)).toEqual([ids[6], ids[5], ids[4]]);
    expect(first.nextBefore).toBe(ids[4]);
    const second = await store.page({ limit: 3, before: first.nextBefore });
    expect(second.items.map((e) => e.id)).toEqual([ids[3], ids[2], ids[1]]);
    const last = await store.page({ limit: 3, before: second.nextBefore });
    expect(last).toEqual({ items: [expect.objectContaining({ id: ids[0] })] });
    const failures = await store.page({ limit: 2, result: 'failure' });
    expect(failures.items.map((e) => e.target)).toEqual(['user/u5', 'user/u3']);
    expect(await store.page({ limit: 2, result: 'failure', before: failures.nextBefore })).toEqual({ items: [expect.objectContaining({ target: 'user/u1' })] });
    // Entries appended meanwhile do not shift a page already handed out.
    await store.append(entry({ time: at(8) }));
    expect((await store.page({ limit: 3, before: first.nextBefore })).items.map((e) => e.id)).toEqual([ids[3], ids[2], ids[1]]);
    await close();
  });

  it('gives the whole filtered log for export a page at a time, newest first', async () => {
    const { store, close } = await fresh();
    for (let i = 0; i < 5; i++) await store.append(entry({ time: at(i), operation: i === 2 ? 'SignIn' : 'CreateUser', target: `user/u${i}` }));
    const pages = await all(store.entries({ operation: 'createuser' }, 2));
    expect(pages.map((p) => p.map((e) => e.target))).toEqual([['user/u4', 'user/u3'], ['user/u1', 'user/u0']]);
    expect(await all(store.entries({ caller: 'nobody' }))).toEqual([]);
    await close();
  });

  it('runs the flushes registered with beforeClose before it closes, and their entries are kept', async () => {
    const { store, reopen } = await open();
    store.beforeClose(() => void store.append(entry({ operation: 'AnonymousRequests', callerArn: null, count: 42 })));
    await store.close();
    const again = await reopen();
    expect((await again.list({ limit: 10 })).map((e) => [e.operation, e.count])).toEqual([['AnonymousRequests', 42]]);
    await again.close();
  });

  it('is append-only in the database itself: UPDATE and DELETE of entries fail', async () => {
    const { store, sql, close } = await fresh();
    await store.append(entry());
    await expect(sql("UPDATE audit_log SET target = 'user/someone-else'")).rejects.toThrow(/append-only|permission denied/);
    await expect(sql('DELETE FROM audit_log')).rejects.toThrow(/append-only|permission denied/);
    expect((await store.list({ limit: 10 })).map((e) => e.target)).toEqual(['user/bob']);
    await close();
  });
}
