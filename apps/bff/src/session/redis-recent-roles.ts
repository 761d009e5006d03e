// The recent roles of "Switch role" in Redis, beside the sessions, so every replica shows the same list. Per
// principal: a hash of role ARN → entry and a sorted set of role ARNs by switch order (a counter, so two switches
// in one millisecond keep their order); a script records and trims in one step.
import { RECENT_ROLES_KEPT } from './recent-roles.ts';
import type { RecentRoleEntry, RecentRolesStore } from './recent-roles.ts';

/** The commands used, of a connected node-redis client. */
interface RedisCommands {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  zRange(key: string, min: number, max: number, options: { REV: true }): Promise<string[]>;
  hmGet(key: string, fields: string[]): Promise<(string | null)[]>;
}

// KEYS: entries hash, order zset, counter. ARGV: role ARN, entry JSON, how many to keep.
const RECORD = `
local seq = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], seq, ARGV[1])
local old = redis.call('ZRANGE', KEYS[2], 0, -(tonumber(ARGV[3]) + 1))
if #old > 0 then
  redis.call('ZREM', KEYS[2], unpack(old))
  redis.call('HDEL', KEYS[1], unpack(old))
end
return seq`;

export class RedisRecentRoles implements RecentRolesStore {
  readonly #client: RedisCommands;
  readonly #prefix: string;

  constructor(client: unknown, prefix = 'iam-console:recent-roles:') {
    this.#client = client as RedisCommands;
    this.#prefix = prefix;
  }

  #keys(principalArn: string) {
    const base = `${this.#prefix}${principalArn}`;
    return { entries: `${base}:entries`, order: `${base}:order`, seq: `${base}:seq` };
  }

  async record(entry: RecentRoleEntry): Promise<void> {
    const k = this.#keys(entry.principalArn);
    await this.#client.eval(RECORD, { keys: [k.entries, k.order, k.seq], arguments: [entry.roleArn, JSON.stringify(entry), String(RECENT_ROLES_KEPT)] });
  }

  async list(principalArn: string): Promise<RecentRoleEntry[]> {
    const k = this.#keys(principalArn);
    const arns = await this.#client.zRange(k.order, 0, RECENT_ROLES_KEPT - 1, { REV: true });
    if (arns.length === 0) return [];
    const values = await this.#client.hmGet(k.entries, arns);
    return values.filter((v): v is string => typeof v === 'string').map((v) => JSON.parse(v) as RecentRoleEntry);
  }
}
