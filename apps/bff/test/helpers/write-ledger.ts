// What clients were told about their writes through BFF replicas, and the check that nothing acknowledged was
// lost: a write counts as acknowledged once its 2xx reached the client; such a write must be in IAM and have its
// audit entry, and the audit log must keep the order the clients saw (a write acknowledged before another was
// sent has the smaller id: the answer waits for its committed entry).
import { expect } from 'vitest';
import type { Browser, Replica } from './browser.ts';
import type { ReplicaStack } from './replica-stack.ts';

interface Write {
  operation: 'CreateGroup' | 'CreateUser' | 'AddUserToGroup';
  target: string;
  inIam: (iam: ReplicaStack['iam']) => Promise<boolean>;
  method: string;
  path: string;
  body: unknown;
}

export const writes = {
  createGroup: (groupName: string): Write => ({ operation: 'CreateGroup', target: `group/${groupName}`, method: 'POST', path: '/api/groups', body: { groupName }, inIam: (iam) => iam.groupExists(groupName) }),
  createUser: (userName: string): Write => ({ operation: 'CreateUser', target: `user/${userName}`, method: 'POST', path: '/api/users', body: { userName }, inIam: (iam) => iam.userExists(userName) }),
  addUserToGroup: (userName: string, groupName: string): Write => ({
    operation: 'AddUserToGroup',
    target: `user/${userName}`,
    method: 'POST',
    path: `/api/users/${userName}/groups`,
    body: { groupName },
    inIam: async (iam) => (await iam.groupsOf(userName)).includes(groupName),
  }),
};

interface Acknowledged extends Write {
  replica: string;
  httpStatus: number;
  sentAt: number;
  ackedAt: number;
}

export class WriteLedger {
  #clock = 0;
  readonly acknowledged: Acknowledged[] = [];
  /** Answers other than 2xx, for assertions and failure messages. */
  readonly refused: string[] = [];
  /** Writes that got no answer (refused or reset connection, timeout): they may or may not have happened. */
  readonly unanswered: (Write & { replica: string; error: string })[] = [];

  /** What went wrong, for failure messages. */
  report(): string {
    return `refused:\n${this.refused.join('\n')}\nunanswered:\n${this.unanswered.map((u) => `${u.replica}: ${u.operation} ${u.target}: ${u.error}`).join('\n')}`;
  }

  /** Sends a write; true once it is acknowledged, false on an error status or no answer. */
  async write(browser: Browser, via: Replica & { name: string }, write: Write): Promise<boolean> {
    const sentAt = ++this.#clock;
    try {
      const answer = await browser.send(via, write.method, write.path, write.body);
      if (answer.status < 200 || answer.status > 299) {
        this.refused.push(`${via.name}: ${write.operation} ${write.target}: ${answer.status} ${JSON.stringify(answer.body)}`);
        return false;
      }
      this.acknowledged.push({ ...write, replica: via.name, httpStatus: answer.status, sentAt, ackedAt: ++this.#clock });
      return true;
    } catch (err) {
      this.unanswered.push({ ...write, replica: via.name, error: String((err as { cause?: unknown }).cause ?? err) });
      return false;
    }
  }

  /** Every acknowledged write is in IAM and has its audit entry (by `callerArn`), in the order the clients saw. */
  async expectNothingLost(stack: ReplicaStack, callerArn: string): Promise<void> {
    const notInIam: string[] = [];
    for (const w of this.acknowledged) if (!(await w.inIam(stack.iam))) notInIam.push(`${w.operation} ${w.target} (${w.replica})`);
    expect(notInIam, 'acknowledged writes missing from IAM').toEqual([]);

    const unmatched = (await stack.auditEntries()).filter((e) => e.callerArn === callerArn && e.result === 'success');
    const ids = new Map<Acknowledged, number>();
    const missing: string[] = [];
    for (const w of this.acknowledged) {
      const i = unmatched.findIndex((e) => e.operation === w.operation && e.target === w.target && e.httpStatus === w.httpStatus);
      if (i < 0) missing.push(`${w.operation} ${w.target} (${w.replica})`);
      else ids.set(w, unmatched.splice(i, 1)[0]!.id);
    }
    expect(missing, 'acknowledged writes without their audit entry').toEqual([]);

    const outOfOrder: string[] = [];
    for (const before of this.acknowledged)
      for (const after of this.acknowledged)
        if (before.ackedAt < after.sentAt && ids.get(before)! > ids.get(after)!) outOfOrder.push(`${before.operation} ${before.target} after ${after.operation} ${after.target}`);
    expect(outOfOrder, 'audit entries in another order than the acknowledgements').toEqual([]);
  }
}
