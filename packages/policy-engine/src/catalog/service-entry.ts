// One service of the catalog data, decoded on first use: most services and actions are never looked at, and
// splitting the column strings and decoding descriptions is the costly part.
import { ARN_TEMPLATE_PREFIX, COLUMN_SEPARATOR, type CatalogData, type CompactService } from './catalog-data.ts';
import type { CompiledArnPattern } from './arn-pattern.ts';
import type { ActionInfo, ConditionKeyInfo, ResourceTypeInfo, ServiceInfo } from './catalog-types.ts';
import { decodePhrases } from './phrase-codec.ts';

export interface ServiceEntry {
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

export function serviceEntryOf(s: CompactService): ServiceEntry {
  return { data: s, info: { prefix: s.p, name: s.n, actionCount: s.l.length } };
}

export function actionNamesOf(entry: ServiceEntry): string[] {
  entry.actionNames ??= entry.data.a === '' ? [] : entry.data.a.split(COLUMN_SEPARATOR);
  return entry.actionNames;
}

/** Action index by lower-cased name. */
export function actionIndexOf(entry: ServiceEntry): Map<string, number> {
  entry.actionIndex ??= new Map(actionNamesOf(entry).map((name, i) => [name.toLowerCase(), i]));
  return entry.actionIndex;
}

/** One action's info, built on first use. `data` supplies the tables shared by all services. */
export function actionInfoAt(data: CatalogData, entry: ServiceEntry, i: number): ActionInfo | undefined {
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

export function allActionInfosOf(data: CatalogData, entry: ServiceEntry): readonly ActionInfo[] {
  entry.allActionInfos ??= actionNamesOf(entry).map((_, i) => actionInfoAt(data, entry, i) as ActionInfo);
  return entry.allActionInfos;
}

export function resourceInfosOf(entry: ServiceEntry): ResourceTypeInfo[] {
  const { data: s } = entry;
  entry.resourceInfos ??= s.r.map(([name, templates, keys = []]) => ({
    service: s.p,
    name,
    arnTemplates: templates.map((t) => ARN_TEMPLATE_PREFIX + t),
    conditionKeys: keys.map((i) => s.k[i]?.[0] ?? ''),
  }));
  return entry.resourceInfos;
}

/** Resource type index by lower-cased name. */
export function resourceIndexOf(entry: ServiceEntry): Map<string, number> {
  entry.resourceIndex ??= new Map(entry.data.r.map((r, i) => [r[0].toLowerCase(), i]));
  return entry.resourceIndex;
}
