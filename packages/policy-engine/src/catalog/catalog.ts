// The action catalog: services, actions, resource types and condition keys of AWS, for completion, hovers,
// validation and wildcard expansion. Pure and environment-free (browser and Node); load the data with
// load-node.ts or load-browser.ts. Lookups are case-insensitive where IAM is (service prefixes, action names,
// condition key names), never throw, and answer `undefined`/empty for anything unknown.
import { compileArnTemplate, compilePolicyArn, patternsIntersect, type CompiledArnPattern } from './arn-pattern.ts';
import { slashFreeIn, slashFreeVariablesOf } from './slash-free-variables.ts';
import { ARN_TEMPLATE_PREFIX, CATALOG_FORMAT_VERSION, COLUMN_SEPARATOR, type CatalogData, type CompactService } from './catalog-data.ts';
import type { ConditionValueType } from './global-condition-keys.ts';
import { decodePhrases } from './phrase-codec.ts';
import { hasWildcard, wildcardToRegExp } from './wildcard.ts';

export type { CatalogData } from './catalog-data.ts';
export type { ConditionValueType } from './global-condition-keys.ts';

export interface ServiceInfo {
  /** Service prefix as used in actions, e.g. "iam". */
  readonly prefix: string;
  readonly name: string;
  readonly actionCount: number;
}

export interface ActionResourceType {
  /** Resource type name as the service spells it, e.g. "user"; look it up with resourceType(). */
  readonly name: string;
  readonly required: boolean;
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
}

export interface ActionInfo {
  /** Canonical "service:Action", e.g. "iam:GetUser". */
  readonly name: string;
  readonly service: string;
  /** The action part alone, e.g. "GetUser". */
  readonly action: string;
  readonly description: string;
  /** "List", "Read", "Write", "Permissions management", "Tagging" (a few actions list two, comma-separated). */
  readonly accessLevel: string;
  /** Empty when the action supports no resource-level permissions (only "*"). */
  readonly resourceTypes: readonly ActionResourceType[];
  /** Condition keys the action itself supports (not counting its resource types' keys). */
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
}

export interface ResourceTypeInfo {
  readonly service: string;
  readonly name: string;
  /** e.g. "arn:${Partition}:iam::${Account}:user/${UserNameWithPath}" */
  readonly arnTemplates: readonly string[];
  readonly conditionKeys: readonly string[];
}

export interface ConditionKeyInfo {
  /** Canonical spelling; templated keys keep their template, e.g. "aws:RequestTag/${TagKey}". */
  readonly name: string;
  /** The operator family the key works with. */
  readonly type: ConditionValueType;
  /** True for keys that carry a set of values (use ForAnyValue:/ForAllValues:). */
  readonly multiValued: boolean;
  /** The type as the source spells it ("ArrayOfString" …). */
  readonly rawType: string;
  readonly description: string;
  /** An AWS global condition key (aws:…). */
  readonly global: boolean;
  /** The name contains a ${…} part matching any text, e.g. a tag key. */
  readonly templated: boolean;
}

export interface CatalogSource {
  readonly pkg: string;
  readonly version: string;
  readonly updatedAt: string;
}

export interface Catalog {
  readonly source: CatalogSource;
  /** All services, sorted by prefix. */
  services(): readonly ServiceInfo[];
  service(prefix: string): ServiceInfo | undefined;
  /** Actions of one service, sorted by name; empty for an unknown service. */
  actions(prefix: string): readonly ActionInfo[];
  /** One action by "service:Action", case-insensitive; undefined for unknown names and for wildcards. */
  action(name: string): ActionInfo | undefined;
  /**
   * Canonical names of the actions an Action-element pattern covers: "iam:List*", "s3:*Object?", "iam:*", "*".
   * Case-insensitive; sorted by service, then action; empty when nothing matches or the pattern is malformed.
   */
  expandActionPattern(pattern: string): readonly string[];
  /** Resource types of one service; empty for an unknown service. */
  resourceTypes(prefix: string): readonly ResourceTypeInfo[];
  resourceType(prefix: string, name: string): ResourceTypeInfo | undefined;
  /**
   * The action's resource types that the policy ARN (wildcards and ${policy:variables} allowed) can name.
   * "*" matches every type. Empty for an unknown action or one without resource types.
   */
  resourceTypesMatchingArn(action: string, arn: string): readonly ResourceTypeInfo[];
  /** A global or service condition key, case-insensitive; templated keys match by pattern (aws:RequestTag/Env). */
  conditionKey(name: string): ConditionKeyInfo | undefined;
  /** The condition keys a service lists (its own and the aws: keys it supports); empty for an unknown service. */
  serviceConditionKeys(prefix: string): readonly ConditionKeyInfo[];
  /** Keys the action supports: its own plus those of its resource types (global keys not included). */
  conditionKeysForAction(action: string): readonly ConditionKeyInfo[];
  /** Whether a (possibly concrete, e.g. aws:ResourceTag/team) key is one the action supports, or a global key. */
  conditionKeyAppliesToAction(action: string, key: string): boolean;
  globalConditionKeys(): readonly ConditionKeyInfo[];
  /** True when the action has at least one resource type; false for unknown actions. */
  supportsResourceLevelPermissions(action: string): boolean;
}

const VALUE_TYPES: ReadonlySet<string> = new Set<ConditionValueType>(['String', 'ARN', 'Bool', 'Date', 'Numeric', 'IPAddress', 'Binary']);
/** A variable part of a condition key name: `${TagKey}`, or `<key>` as the S3 keys spell it. */
const TEMPLATE_VARIABLE = /\$\{[^}]*\}|<[^>]*>/;
/** Where templated condition keys whose namespace is itself templated are filed (no real namespace is empty). */
const ANY_NAMESPACE = '';
/** Bound on memoised expansions and ARN patterns, so a long editing session cannot grow them without end. */
const MEMO_LIMIT = 10_000;

interface ServiceEntry {
  readonly data: CompactService;
  readonly info: ServiceInfo;
  actionNames?: string[];
  actionIndex?: Map<string, number>;
  descriptions?: string[];
  actionInfos?: ActionInfo[];
  allActionInfos?: readonly ActionInfo[];
  resourceInfos?: ResourceTypeInfo[];
  resourceIndex?: Map<string, number>;
  compiledTemplates?: CompiledArnPattern[][];
  conditionKeys?: ConditionKeyInfo[];
}

/** Where an indexed condition key is described: the global table or a service's keys (info built on first use). */
type KeySource = { global: true; index: number } | { global: false; service: number; index: number; info?: ConditionKeyInfo };

interface ActionKeyIndex {
  exact: Set<string>;
  templated: RegExp[];
  infos: ConditionKeyInfo[];
}

function isTemplated(name: string): boolean {
  return (name.includes('${') || name.includes('<')) && TEMPLATE_VARIABLE.test(name);
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

/** `aws:RequestTag/${TagKey}` → /^aws:requesttag\/.+$/ over lower-cased names. */
function templateToRegExp(template: string): RegExp {
  const parts = template.toLowerCase().split(new RegExp(TEMPLATE_VARIABLE, 'g'));
  return new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('.+')}$`, 's');
}

/** The service field of an ARN or ARN template when it is plain text (no wildcard or variable), else undefined. */
function literalServiceOf(arn: string): string | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const start = arn.indexOf(':', 4) + 1;
  const end = arn.indexOf(':', start);
  if (start === 0 || end === -1) return undefined;
  const service = arn.slice(start, end);
  return /[*?$]/.test(service) ? undefined : service;
}

function splitActionName(name: string): [string, string] | undefined {
  if (typeof name !== 'string') return undefined;
  const colon = name.indexOf(':');
  if (colon <= 0 || colon === name.length - 1) return undefined;
  return [name.slice(0, colon).toLowerCase(), name.slice(colon + 1).toLowerCase()];
}

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

export function createCatalog(data: CatalogData): Catalog {
  if (data === null || typeof data !== 'object' || data.v !== CATALOG_FORMAT_VERSION || !Array.isArray(data.s)) {
    const found = data !== null && typeof data === 'object' ? String((data as { v?: unknown }).v) : typeof data;
    throw new Error(`Unsupported catalog data (format ${found}, expected ${CATALOG_FORMAT_VERSION}): rebuild it with "pnpm build"`);
  }

  const serviceEntries: ServiceEntry[] = data.s.map((s) => ({ data: s, info: { prefix: s.p, name: s.n, actionCount: s.l.length } }));
  const serviceByPrefix = new Map(serviceEntries.map((entry) => [entry.data.p.toLowerCase(), entry]));
  const serviceInfos = serviceEntries.map((entry) => entry.info);
  const expansionMemo = new Map<string, readonly string[]>();
  const policyArnMemo = new Map<string, CompiledArnPattern>();
  const arnMatchMemo = new Map<string, readonly ResourceTypeInfo[]>();
  const actionKeyMemo = new Map<string, ActionKeyIndex>();
  let allActionNames: readonly string[] | undefined;
  /** Condition keys by lower-cased name; templated ones also by namespace, to be matched by pattern. */
  let keyIndex: { exact: Map<string, KeySource>; templated: Map<string, { pattern?: RegExp; name: string }[]> } | undefined;
  let globalKeys: ConditionKeyInfo[] | undefined;
  /** Template variables that hold no "/", over all services (a service may list another service's ARN). */
  let slashFree: ReadonlySet<string> | undefined;

  function compileTemplates(templates: readonly string[]): CompiledArnPattern[] {
    slashFree ??= new Set(Array.isArray(data.sf) ? data.sf : slashFreeVariablesOf(data.s));
    const keys = slashFree;
    return templates.map((t) => compileArnTemplate(t, slashFreeIn(t, keys)));
  }

  /** One action's info, built on first use: most actions are never looked at, and decoding is the costly part. */
  function actionInfoAt(entry: ServiceEntry, i: number): ActionInfo | undefined {
    const cached = entry.actionInfos?.[i];
    if (cached) return cached;
    const action = actionNamesOf(entry)[i];
    if (action === undefined) return undefined;
    const { data: s } = entry;
    const keyName = (k: number): string => s.k[k]?.[0] ?? '';
    entry.descriptions ??= s.d.split(COLUMN_SEPARATOR);
    const info: ActionInfo = {
      name: `${s.p}:${action}`,
      service: s.p,
      action,
      description: decodePhrases(entry.descriptions[i] ?? '', data.ph),
      accessLevel: data.al[parseInt(s.l[i] ?? '', 36)] ?? '',
      resourceTypes: (s.ar[i] || []).map(([type = 0, required = 0, typeKeys = [], typeDependent = []]) => ({
        name: s.r[type]?.[0] ?? '',
        required: required === 1,
        conditionKeys: typeKeys.map(keyName),
        dependentActions: typeDependent,
      })),
      conditionKeys: (s.ak[i] || []).map(keyName),
      dependentActions: s.ad?.[i] ?? [],
    };
    (entry.actionInfos ??= [])[i] = info;
    return info;
  }

  function allActionInfosOf(entry: ServiceEntry): readonly ActionInfo[] {
    entry.allActionInfos ??= actionNamesOf(entry).map((_, i) => actionInfoAt(entry, i) as ActionInfo);
    return entry.allActionInfos;
  }

  function actionNamesOf(entry: ServiceEntry): string[] {
    entry.actionNames ??= entry.data.a === '' ? [] : entry.data.a.split(COLUMN_SEPARATOR);
    return entry.actionNames;
  }

  function actionIndexOf(entry: ServiceEntry): Map<string, number> {
    entry.actionIndex ??= new Map(actionNamesOf(entry).map((name, i) => [name.toLowerCase(), i]));
    return entry.actionIndex;
  }

  function resourceInfosOf(entry: ServiceEntry): ResourceTypeInfo[] {
    const { data: s } = entry;
    entry.resourceInfos ??= s.r.map(([name, templates, keys = []]) => ({
      service: s.p,
      name,
      arnTemplates: templates.map((t) => ARN_TEMPLATE_PREFIX + t),
      conditionKeys: keys.map((i) => s.k[i]?.[0] ?? ''),
    }));
    return entry.resourceInfos;
  }

  function resourceIndexOf(entry: ServiceEntry): Map<string, number> {
    entry.resourceIndex ??= new Map(entry.data.r.map((r, i) => [r[0].toLowerCase(), i]));
    return entry.resourceIndex;
  }

  function findAction(name: string): { entry: ServiceEntry; info: ActionInfo } | undefined {
    const parts = splitActionName(name);
    if (!parts) return undefined;
    const entry = serviceByPrefix.get(parts[0]);
    if (!entry) return undefined;
    const index = actionIndexOf(entry).get(parts[1]);
    if (index === undefined) return undefined;
    const info = actionInfoAt(entry, index);
    return info ? { entry, info } : undefined;
  }

  function conditionKeys(): NonNullable<typeof keyIndex> {
    if (keyIndex) return keyIndex;
    const exact = new Map<string, KeySource>();
    const templated = new Map<string, { pattern?: RegExp; name: string }[]>();
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
    keyIndex = { exact, templated };
    return keyIndex;
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
    const index = conditionKeys();
    const found = index.exact.get(lower);
    if (found) return keyInfo(found);
    const colon = lower.indexOf(':');
    if (colon <= 0) return undefined;
    const matches = (t: { pattern?: RegExp; name: string }) => (t.pattern ??= templateToRegExp(t.name)).test(lower);
    const template = index.templated.get(lower.slice(0, colon))?.find(matches) ?? index.templated.get(ANY_NAMESPACE)?.find(matches);
    const source = template && index.exact.get(template.name);
    return source && keyInfo(source);
  }

  function globalConditionKeys(): readonly ConditionKeyInfo[] {
    globalKeys ??= data.g.map(([name, type, multiValued, description]) => conditionKeyInfo(name, type, description, true, multiValued === 1));
    return globalKeys;
  }

  function actionKeys(action: string): ActionKeyIndex | undefined {
    const found = findAction(action);
    if (!found) return undefined;
    const memoKey = found.info.name;
    const cached = actionKeyMemo.get(memoKey);
    if (cached) return cached;
    const names = [...found.info.conditionKeys];
    const resources = resourceIndexOf(found.entry);
    for (const rt of found.info.resourceTypes) {
      names.push(...rt.conditionKeys);
      const index = resources.get(rt.name.toLowerCase());
      if (index !== undefined) names.push(...(resourceInfosOf(found.entry)[index]?.conditionKeys ?? []));
    }
    const exact = new Set<string>();
    const templated: RegExp[] = [];
    const infos: ConditionKeyInfo[] = [];
    for (const name of names) {
      const lower = name.toLowerCase();
      if (exact.has(lower)) continue;
      exact.add(lower);
      if (isTemplated(name)) templated.push(templateToRegExp(name));
      const info = conditionKey(name);
      if (info) infos.push(info);
    }
    return remember(actionKeyMemo, memoKey, { exact, templated, infos });
  }

  function actionsMatching(pattern: string): readonly string[] {
    if (pattern === '*') {
      allActionNames ??= serviceEntries.flatMap((entry) => actionNamesOf(entry).map((name) => `${entry.data.p}:${name}`));
      return allActionNames;
    }
    const colon = pattern.indexOf(':');
    if (colon <= 0 || colon === pattern.length - 1) return [];
    const servicePart = pattern.slice(0, colon);
    const actionPart = pattern.slice(colon + 1);
    const services = hasWildcard(servicePart)
      ? serviceEntries.filter((entry) => wildcardToRegExp(servicePart, true).test(entry.data.p))
      : [serviceByPrefix.get(servicePart.toLowerCase())].filter((entry) => entry !== undefined);
    if (!hasWildcard(actionPart)) {
      return services.flatMap((entry) => {
        const index = actionIndexOf(entry).get(actionPart.toLowerCase());
        return index === undefined ? [] : [`${entry.data.p}:${actionNamesOf(entry)[index]}`];
      });
    }
    const regex = wildcardToRegExp(actionPart, true);
    return services.flatMap((entry) => actionNamesOf(entry).filter((name) => regex.test(name)).map((name) => `${entry.data.p}:${name}`));
  }

  return {
    source: { ...data.src },
    services: () => serviceInfos,
    service: (prefix) => (typeof prefix === 'string' ? serviceByPrefix.get(prefix.toLowerCase())?.info : undefined),
    actions(prefix) {
      const entry = typeof prefix === 'string' ? serviceByPrefix.get(prefix.toLowerCase()) : undefined;
      return entry ? allActionInfosOf(entry) : [];
    },
    action: (name) => findAction(name)?.info,
    expandActionPattern(pattern) {
      if (typeof pattern !== 'string') return [];
      const cached = expansionMemo.get(pattern);
      if (cached) return cached;
      return remember(expansionMemo, pattern, actionsMatching(pattern));
    },
    resourceTypes(prefix) {
      const entry = typeof prefix === 'string' ? serviceByPrefix.get(prefix.toLowerCase()) : undefined;
      return entry ? resourceInfosOf(entry) : [];
    },
    resourceType(prefix, name) {
      const entry = typeof prefix === 'string' ? serviceByPrefix.get(prefix.toLowerCase()) : undefined;
      if (!entry || typeof name !== 'string') return undefined;
      const index = resourceIndexOf(entry).get(name.toLowerCase());
      return index === undefined ? undefined : resourceInfosOf(entry)[index];
    },
    resourceTypesMatchingArn(action, arn) {
      const found = findAction(action);
      if (!found || typeof arn !== 'string') return [];
      const memoKey = `${found.info.name}\n${arn}`;
      const cached = arnMatchMemo.get(memoKey);
      if (cached) return cached;
      const { entry, info } = found;
      const resources = resourceInfosOf(entry);
      const index = resourceIndexOf(entry);
      entry.compiledTemplates ??= [];
      let policyArn = policyArnMemo.get(arn);
      if (!policyArn) policyArn = remember(policyArnMemo, arn, compilePolicyArn(arn));
      const matches: ResourceTypeInfo[] = [];
      const service = literalServiceOf(arn);
      for (const rt of info.resourceTypes) {
        const i = index.get(rt.name.toLowerCase());
        const resource = i === undefined ? undefined : resources[i];
        if (i === undefined || !resource) continue;
        if (arn === '*') {
          matches.push(resource);
          continue;
        }
        // Cheap rejection first: an ARN naming another service (e.g. an s3 bucket for an iam action) cannot match.
        if (service !== undefined && resource.arnTemplates.every((t) => (literalServiceOf(t) ?? service) !== service)) continue;
        const templates = (entry.compiledTemplates[i] ??= compileTemplates(resource.arnTemplates));
        if (templates.some((template) => patternsIntersect(template, policyArn))) matches.push(resource);
      }
      return remember(arnMatchMemo, memoKey, matches);
    },
    conditionKey,
    serviceConditionKeys(prefix) {
      const entry = typeof prefix === 'string' ? serviceByPrefix.get(prefix.toLowerCase()) : undefined;
      if (!entry) return [];
      entry.conditionKeys ??= entry.data.k.map(([name]) => conditionKey(name)).filter((info) => info !== undefined);
      return entry.conditionKeys;
    },
    conditionKeysForAction: (action) => actionKeys(action)?.infos ?? [],
    conditionKeyAppliesToAction(action, key) {
      if (typeof key !== 'string') return false;
      if (conditionKey(key)?.global) return true;
      const keys = actionKeys(action);
      if (!keys) return false;
      const lower = key.toLowerCase();
      return keys.exact.has(lower) || keys.templated.some((pattern) => pattern.test(lower));
    },
    globalConditionKeys,
    supportsResourceLevelPermissions: (action) => (findAction(action)?.info.resourceTypes.length ?? 0) > 0,
  };
}
