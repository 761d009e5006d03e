// Condition keys against the catalog: aws: keys must be global keys, a service's keys must exist and apply to
// the statement's actions, and the operator must suit the key's type.
import type { Catalog, ConditionKeyInfo, ConditionValueType } from '../catalog/catalog.ts';
import type { OperatorFamily } from './condition-operators.ts';
import type { CheckContext } from './context.ts';
import { hasWildcard } from './action-match.ts';
import type { ConditionEntry, StatementModel } from './model.ts';
import { didYouMean } from './suggest.ts';

/** Operator families that work with keys of each type. */
const COMPATIBLE: Record<ConditionValueType, readonly OperatorFamily[]> = {
  // ARN operators on a string key compare ARN-shaped strings; IAM accepts it and AWS's own policies do it.
  String: ['String', 'ARN'],
  ARN: ['ARN', 'String'],
  Bool: ['Bool'],
  Date: ['Date'],
  Numeric: ['Numeric'],
  IPAddress: ['IPAddress'],
  Binary: ['Binary'],
};

const OPERATOR_FOR_TYPE: Record<ConditionValueType, string> = {
  String: 'String (or ARN)',
  ARN: 'ARN (or String)',
  Bool: 'Bool',
  Date: 'Date',
  Numeric: 'Numeric',
  IPAddress: 'IpAddress',
  Binary: 'Binary',
};

/** aws:EpochTime is documented with both date and numeric operators. */
const DATE_AND_NUMERIC = new Set(['aws:epochtime']);

function checkOperatorType(ctx: CheckContext, condition: ConditionEntry, info: ConditionKeyInfo): void {
  const family = condition.operator?.family;
  if (!family || family === 'Null') return;
  if (COMPATIBLE[info.type].includes(family)) return;
  if (family === 'Numeric' && DATE_AND_NUMERIC.has(info.name.toLowerCase())) return;
  ctx.report('TYPE_MISMATCH', condition.operatorNode, `${info.name} is a ${info.type} key; use a ${OPERATOR_FOR_TYPE[info.type]} operator instead of ${condition.operatorName}.`);
}

const keyNames = new WeakMap<Catalog, Map<string, string[]>>();

/** Every condition key a service defines (its actions' and resource types'), cached per catalog. */
function serviceKeyNames(catalog: Catalog, service: string): string[] {
  let perCatalog = keyNames.get(catalog);
  if (!perCatalog) keyNames.set(catalog, (perCatalog = new Map()));
  let names = perCatalog.get(service.toLowerCase());
  if (!names) {
    const set = new Set<string>();
    for (const action of catalog.actions(service)) for (const key of action.conditionKeys) set.add(key);
    for (const type of catalog.resourceTypes(service)) for (const key of type.conditionKeys) set.add(key);
    names = [...set];
    perCatalog.set(service.toLowerCase(), names);
  }
  return names;
}

/**
 * True for a concrete key of a family the service documents with a placeholder the catalog does not template,
 * e.g. secretsmanager:ResourceTag/aws:secretsmanager:owningService for "secretsmanager:ResourceTag/tag-key".
 */
function sameKeyFamily(key: string, serviceKeys: readonly string[]): boolean {
  const slash = key.indexOf('/');
  if (slash < 0) return false;
  const family = key.slice(0, slash + 1).toLowerCase();
  return serviceKeys.some((name) => name.toLowerCase().startsWith(family));
}

function checkAppliesToActions(ctx: CheckContext, catalog: Catalog, statement: StatementModel, condition: ConditionEntry): void {
  const action = statement.action;
  if (!action || action.name !== 'Action') return;
  const literal = action.entries.filter((e) => !hasWildcard(e.value) && catalog.action(e.value));
  const unsupported = literal.filter((e) => !catalog.conditionKeyAppliesToAction(e.value, condition.key)).map((e) => e.value);
  if (unsupported.length === 0) return;
  const shown = unsupported.slice(0, 5).join(', ') + (unsupported.length > 5 ? ` and ${unsupported.length - 5} more` : '');
  ctx.report('CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS', condition.keyNode, `The condition key ${condition.key} is not supported by ${shown}; the key is absent for ${unsupported.length === 1 ? 'it' : 'them'}, so this condition ${statement.effect === 'Deny' ? 'never denies' : 'never allows'} ${unsupported.length === 1 ? 'it' : 'them'}. Move ${unsupported.length === 1 ? 'it' : 'them'} to another statement.`);
}

export function checkConditionKeys(ctx: CheckContext, statement: StatementModel): void {
  const catalog = ctx.catalog;
  if (!catalog) return;
  for (const condition of statement.conditions) {
    if (ctx.full) return;
    const prefix = condition.key.slice(0, condition.key.indexOf(':')).toLowerCase();
    const info = catalog.conditionKey(condition.key);
    if (prefix === 'aws') {
      if (!info?.global) {
        ctx.report('INVALID_GLOBAL_CONDITION_KEY', condition.keyNode, `The global condition key ${condition.key} does not exist.${didYouMean(condition.key, catalog.globalConditionKeys().map((k) => k.name))}`);
        continue;
      }
    } else if (catalog.service(prefix)) {
      if (!info) {
        const names = serviceKeyNames(catalog, prefix);
        if (sameKeyFamily(condition.key, names)) continue;
        ctx.report('INVALID_SERVICE_CONDITION_KEY', condition.keyNode, `The condition key ${condition.key} does not exist for the service ${prefix}.${didYouMean(condition.key, names)}`);
        continue;
      }
      checkAppliesToActions(ctx, catalog, statement, condition);
    }
    if (info) checkOperatorType(ctx, condition, info);
  }
}
