// Condition keys by name: the global (aws:) table and every service's keys, indexed on first use. Templated keys
// (aws:RequestTag/${TagKey}, s3:ExistingObjectTag/<key>) match concrete names by pattern.
import type { CatalogData } from './catalog-data.ts';
import type { ConditionKeyInfo } from './catalog-types.ts';
import type { ConditionValueType } from './global-condition-keys.ts';
import { decodePhrases } from './phrase-codec.ts';

export interface ConditionKeyLookup {
  /** A global or service condition key, case-insensitive; templated keys match by pattern. */
  conditionKey(name: string): ConditionKeyInfo | undefined;
  globalConditionKeys(): readonly ConditionKeyInfo[];
}

const VALUE_TYPES: ReadonlySet<string> = new Set<ConditionValueType>(['String', 'ARN', 'Bool', 'Date', 'Numeric', 'IPAddress', 'Binary']);
/** A variable part of a condition key name: `${TagKey}`, or `<key>` as the S3 keys spell it. */
const TEMPLATE_VARIABLE = /\$\{[^}]*\}|<[^>]*>/;
/** Where templated condition keys whose namespace is itself templated are filed (no real namespace is empty). */
const ANY_NAMESPACE = '';

/** Where an indexed condition key is described: the global table or a service's keys (info built on first use). */
type KeySource = { global: true; index: number } | { global: false; service: number; index: number; info?: ConditionKeyInfo };

interface TemplatedKey {
  pattern?: RegExp;
  name: string;
}

/** Condition keys by lower-cased name; templated ones also by namespace, to be matched by pattern. */
interface KeyIndex {
  exact: Map<string, KeySource>;
  templated: Map<string, TemplatedKey[]>;
}

export function isTemplated(name: string): boolean {
  return (name.includes('${') || name.includes('<')) && TEMPLATE_VARIABLE.test(name);
}

/** `aws:RequestTag/${TagKey}` → /^aws:requesttag\/.+$/ over lower-cased names. */
export function templateToRegExp(template: string): RegExp {
  const parts = template.toLowerCase().split(new RegExp(TEMPLATE_VARIABLE, 'g'));
  return new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('.+')}$`, 's');
}

function conditionKeyInfo(name: string, rawType: string, description: string, global: boolean, multiValued?: boolean): ConditionKeyInfo {
  const isArray = rawType.startsWith('ArrayOf');
  const base = isArray ? rawType.slice('ArrayOf'.length) : rawType;
  return {
    name,
    type: (VALUE_TYPES.has(base) ? base : 'String') as ConditionValueType,
    multiValued: multiValued ?? isArray,
    rawType: multiValued && !isArray ? `ArrayOf${rawType}` : rawType,
    description,
    global,
    templated: isTemplated(name),
  };
}

function buildKeyIndex(data: CatalogData): KeyIndex {
  const exact = new Map<string, KeySource>();
  const templated = new Map<string, TemplatedKey[]>();
  // Global keys come first and win over a service's copy of them; among services, the one whose prefix is
  // the key's namespace describes it best (others repeat keys such as ec2:ResourceTag/${TagKey}).
  const add = (name: string, source: KeySource, owner: boolean): void => {
    const lower = name.toLowerCase();
    const known = exact.get(lower);
    if (known && !(owner && !known.global)) return;
    exact.set(lower, source);
    if (!known && isTemplated(name)) {
      // Keys with a variable in the namespace itself (OIDC providers: agent.${Domain}.buildkite.dev:…) are
      // filed under ANY_NAMESPACE and tried for every name.
      const namespace = lower.slice(0, lower.indexOf(':'));
      const key = isTemplated(namespace) ? ANY_NAMESPACE : namespace;
      const list = templated.get(key) ?? [];
      list.push({ name: lower });
      templated.set(key, list);
    }
  };
  data.g.forEach((g, i) => add(g[0], { global: true, index: i }, false));
  data.s.forEach((s, service) => {
    const namespace = `${s.p.toLowerCase()}:`;
    s.k.forEach(([name], index) => add(name, { global: false, service, index }, name.toLowerCase().startsWith(namespace)));
  });
  return { exact, templated };
}

export function createConditionKeyLookup(data: CatalogData): ConditionKeyLookup {
  let keyIndex: KeyIndex | undefined;
  let globalKeys: ConditionKeyInfo[] | undefined;

  function globalConditionKeys(): readonly ConditionKeyInfo[] {
    globalKeys ??= data.g.map(([name, type, multiValued, description]) => conditionKeyInfo(name, type, description, true, multiValued === 1));
    return globalKeys;
  }

  /** The info of an indexed key, built on first use. */
  function keyInfo(source: KeySource): ConditionKeyInfo | undefined {
    if (source.global) return globalConditionKeys()[source.index];
    if (source.info) return source.info;
    const key = data.s[source.service]?.k[source.index];
    if (!key) return undefined;
    const [name, type, description] = key;
    source.info = conditionKeyInfo(name, data.ty[type] ?? 'String', decodePhrases(description, data.ph), false);
    return source.info;
  }

  function conditionKey(name: string): ConditionKeyInfo | undefined {
    if (typeof name !== 'string') return undefined;
    const lower = name.toLowerCase();
    const index = (keyIndex ??= buildKeyIndex(data));
    const found = index.exact.get(lower);
    if (found) return keyInfo(found);
    const colon = lower.indexOf(':');
    if (colon <= 0) return undefined;
    const matches = (t: TemplatedKey) => (t.pattern ??= templateToRegExp(t.name)).test(lower);
    const template = index.templated.get(lower.slice(0, colon))?.find(matches) ?? index.templated.get(ANY_NAMESPACE)?.find(matches);
    const source = template && index.exact.get(template.name);
    return source && keyInfo(source);
  }

  return { conditionKey, globalConditionKeys };
}
