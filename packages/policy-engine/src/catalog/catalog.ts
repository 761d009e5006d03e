// The action catalog: services, actions, resource types and condition keys of AWS, for completion, hovers,
// validation and wildcard expansion. Pure and environment-free (browser and Node); load the data with
// load-node.ts or load-browser.ts. Lookups are case-insensitive where IAM is (service prefixes, action names,
// condition key names), never throw, and answer `undefined`/empty for anything unknown.
import { CATALOG_FORMAT_VERSION, type CatalogData } from './catalog-data.ts';
import type { ActionInfo, ConditionKeyInfo, ResourceTypeInfo, ServiceInfo } from './catalog-types.ts';
import { createConditionKeyLookup, isTemplated, templateToRegExp } from './condition-key-index.ts';
import { remember } from './memo.ts';
import { createResourceTypeMatcher } from './resource-type-matcher.ts';
import { actionIndexOf, actionInfoAt, actionNamesOf, allActionInfosOf, resourceIndexOf, resourceInfosOf, serviceEntryOf, type ServiceEntry } from './service-entry.ts';
import { hasWildcard, wildcardToRegExp } from './wildcard.ts';

export type { CatalogData } from './catalog-data.ts';
export type { ConditionValueType } from './global-condition-keys.ts';
export type { ActionInfo, ActionResourceType, ConditionKeyInfo, ResourceTypeInfo, ServiceInfo } from './catalog-types.ts';

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

interface ActionKeyIndex {
  exact: Set<string>;
  templated: RegExp[];
  infos: ConditionKeyInfo[];
}

interface FoundAction {
  entry: ServiceEntry;
  info: ActionInfo;
}

function splitActionName(name: string): [string, string] | undefined {
  if (typeof name !== 'string') return undefined;
  const colon = name.indexOf(':');
  if (colon <= 0 || colon === name.length - 1) return undefined;
  return [name.slice(0, colon).toLowerCase(), name.slice(colon + 1).toLowerCase()];
}

function assertCatalogData(data: CatalogData): void {
  if (data === null || typeof data !== 'object' || data.v !== CATALOG_FORMAT_VERSION || !Array.isArray(data.s)) {
    const found = data !== null && typeof data === 'object' ? String((data as { v?: unknown }).v) : typeof data;
    throw new Error(`Unsupported catalog data (format ${found}, expected ${CATALOG_FORMAT_VERSION}): rebuild it with "pnpm build"`);
  }
}

/** The keys an action supports: its own, those its resource types list for it, and those of the types themselves. */
function actionKeyIndex({ entry, info }: FoundAction, conditionKey: (name: string) => ConditionKeyInfo | undefined): ActionKeyIndex {
  const names = [...info.conditionKeys];
  const resources = resourceIndexOf(entry);
  for (const rt of info.resourceTypes) {
    names.push(...rt.conditionKeys);
    const index = resources.get(rt.name.toLowerCase());
    if (index !== undefined) names.push(...(resourceInfosOf(entry)[index]?.conditionKeys ?? []));
  }
  const exact = new Set<string>();
  const templated: RegExp[] = [];
  const infos: ConditionKeyInfo[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    if (exact.has(lower)) continue;
    exact.add(lower);
    if (isTemplated(name)) templated.push(templateToRegExp(name));
    const keyInfo = conditionKey(name);
    if (keyInfo) infos.push(keyInfo);
  }
  return { exact, templated, infos };
}

/** The canonical names an Action-element pattern covers, except "*" (see expandActionPattern). */
function actionsMatching(pattern: string, serviceEntries: readonly ServiceEntry[], serviceByPrefix: ReadonlyMap<string, ServiceEntry>): readonly string[] {
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

export function createCatalog(data: CatalogData): Catalog {
  assertCatalogData(data);
  const serviceEntries: ServiceEntry[] = data.s.map(serviceEntryOf);
  const serviceByPrefix = new Map(serviceEntries.map((entry) => [entry.data.p.toLowerCase(), entry]));
  const serviceInfos = serviceEntries.map((entry) => entry.info);
  const { conditionKey, globalConditionKeys } = createConditionKeyLookup(data);
  const matchResourceTypes = createResourceTypeMatcher(data);
  const expansionMemo = new Map<string, readonly string[]>();
  const actionKeyMemo = new Map<string, ActionKeyIndex>();
  let allActionNames: readonly string[] | undefined;

  const serviceEntry = (prefix: string): ServiceEntry | undefined => (typeof prefix === 'string' ? serviceByPrefix.get(prefix.toLowerCase()) : undefined);

  function findAction(name: string): FoundAction | undefined {
    const parts = splitActionName(name);
    if (!parts) return undefined;
    const entry = serviceByPrefix.get(parts[0]);
    if (!entry) return undefined;
    const index = actionIndexOf(entry).get(parts[1]);
    if (index === undefined) return undefined;
    const info = actionInfoAt(data, entry, index);
    return info ? { entry, info } : undefined;
  }

  function actionKeys(action: string): ActionKeyIndex | undefined {
    const found = findAction(action);
    if (!found) return undefined;
    const cached = actionKeyMemo.get(found.info.name);
    return cached ?? remember(actionKeyMemo, found.info.name, actionKeyIndex(found, conditionKey));
  }

  function expandActionPattern(pattern: string): readonly string[] {
    if (typeof pattern !== 'string') return [];
    const cached = expansionMemo.get(pattern);
    if (cached) return cached;
    if (pattern === '*') {
      allActionNames ??= serviceEntries.flatMap((entry) => actionNamesOf(entry).map((name) => `${entry.data.p}:${name}`));
      return remember(expansionMemo, pattern, allActionNames);
    }
    return remember(expansionMemo, pattern, actionsMatching(pattern, serviceEntries, serviceByPrefix));
  }

  return {
    source: { ...data.src },
    services: () => serviceInfos,
    service: (prefix) => serviceEntry(prefix)?.info,
    actions(prefix) {
      const entry = serviceEntry(prefix);
      return entry ? allActionInfosOf(data, entry) : [];
    },
    action: (name) => findAction(name)?.info,
    expandActionPattern,
    resourceTypes(prefix) {
      const entry = serviceEntry(prefix);
      return entry ? resourceInfosOf(entry) : [];
    },
    resourceType(prefix, name) {
      const entry = serviceEntry(prefix);
      if (!entry || typeof name !== 'string') return undefined;
      const index = resourceIndexOf(entry).get(name.toLowerCase());
      return index === undefined ? undefined : resourceInfosOf(entry)[index];
    },
    resourceTypesMatchingArn(action, arn) {
      const found = findAction(action);
      return found && typeof arn === 'string' ? matchResourceTypes(found.entry, found.info, arn) : [];
    },
    conditionKey,
    serviceConditionKeys(prefix) {
      const entry = serviceEntry(prefix);
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
