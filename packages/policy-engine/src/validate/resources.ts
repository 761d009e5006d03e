// Resource and NotResource entries: ARN shape (arn-format.ts), and with a catalog, whether the ARN's fields
// suit its service, whether it can name a resource of any action in the statement, and whether "*" hides
// actions that could be scoped to resources.
import type { Catalog } from '../catalog/catalog.ts';
import type { CheckContext } from './context.ts';
import { hasWildcard } from './action-match.ts';
import { checkResourceArn, type ArnParts } from './arn-format.ts';
import type { StatementModel, StringEntry } from './model.ts';

interface ArnShape {
  /** Every candidate resource type's ARN has a region / none has; none has an account. */
  regionAlways: boolean;
  regionNever: boolean;
  accountNever: boolean;
}

/** The fields of one ARN template that decide the checks, with the literal start of its resource part. */
interface TemplateShape {
  hasRegion: boolean;
  hasAccount: boolean;
  /** "hostedzone/" for arn:${Partition}:route53:::hostedzone/${Id}; empty when it starts with a variable. */
  resourcePrefix: string;
}

const templateShapes = new WeakMap<Catalog, Map<string, TemplateShape[]>>();

/** The service's ARN templates, reduced to their shapes, cached per catalog. */
function shapesOf(catalog: Catalog, service: string): TemplateShape[] {
  let perCatalog = templateShapes.get(catalog);
  if (!perCatalog) templateShapes.set(catalog, (perCatalog = new Map()));
  let shapes = perCatalog.get(service);
  if (!shapes) {
    shapes = catalog
      .resourceTypes(service)
      .flatMap((t) => t.arnTemplates)
      .map((t) => t.split(':'))
      .filter((f) => f.length >= 6)
      .map((f) => ({ hasRegion: f[3] !== '', hasAccount: f[4] !== '', resourcePrefix: f.slice(5).join(':').split('${')[0]! }));
    perCatalog.set(service, shapes);
  }
  return shapes;
}

/**
 * What the ARNs of the resource types this ARN can be look like. Candidates are the templates whose literal
 * resource prefix ("hostedzone/") the ARN's resource starts with; without such a prefix, all of the service's.
 */
function arnShape(catalog: Catalog, arn: ArnParts): ArnShape | undefined {
  const all = shapesOf(catalog, arn.service);
  const byPrefix = all.filter((t) => t.resourcePrefix.length > 0 && arn.resource.startsWith(t.resourcePrefix));
  const shapes = byPrefix.length > 0 ? byPrefix : all;
  if (shapes.length === 0) return undefined;
  return {
    regionAlways: shapes.every((t) => t.hasRegion),
    regionNever: shapes.every((t) => !t.hasRegion),
    accountNever: shapes.every((t) => !t.hasAccount),
  };
}

function isOpen(part: string): boolean {
  return hasWildcard(part) || part.includes('${');
}

function checkArnFields(ctx: CheckContext, catalog: Catalog, entry: StringEntry, arn: ArnParts): void {
  if (isOpen(arn.service)) return;
  const shape = arnShape(catalog, arn);
  if (!shape) return;
  if (arn.region === '' && shape.regionAlways) {
    ctx.report('MISSING_ARN_REGION', entry.node, `Resources of ${arn.service} have a region in their ARN; add one (or *) to ${entry.value}.`);
  } else if (arn.region !== '' && !isOpen(arn.region) && shape.regionNever) {
    ctx.report('ARN_REGION_NOT_ALLOWED', entry.node, `Resources of ${arn.service} have no region in their ARN; remove ${arn.region} from ${entry.value}.`);
  }
  if (arn.account !== '' && !isOpen(arn.account) && shape.accountNever) {
    ctx.report('ARN_ACCOUNT_NOT_ALLOWED', entry.node, `Resources of ${arn.service} have no account ID in their ARN; remove ${arn.account} from ${entry.value}.`);
  }
}

/** The concrete actions an Action element names, or undefined when it covers whole/unknown services. */
function concreteActions(catalog: Catalog, statement: StatementModel): string[] | undefined {
  const action = statement.action;
  if (!action || action.name !== 'Action') return undefined;
  const names: string[] = [];
  for (const entry of action.entries) {
    const service = entry.value.split(':')[0] ?? '';
    if (entry.value === '*' || isOpen(service)) return undefined;
    if (hasWildcard(entry.value)) names.push(...catalog.expandActionPattern(entry.value));
    else {
      const info = catalog.action(entry.value);
      if (info) names.push(info.name);
    }
  }
  return names;
}

function checkMatchesSomeAction(ctx: CheckContext, catalog: Catalog, entry: StringEntry, arn: ArnParts, actions: readonly string[]): void {
  if (isOpen(arn.service) || actions.length === 0) return;
  if (actions.some((a) => catalog.resourceTypesMatchingArn(a, entry.value).length > 0)) return;
  const shown = actions.slice(0, 3).join(', ') + (actions.length > 3 ? ` and ${actions.length - 3} more` : '');
  ctx.report('RESOURCE_MATCHES_NO_ACTION', entry.node, `${entry.value} matches no resource type of ${shown}, so the statement never applies to it; check the ARN against the actions' resource types.`);
}

function checkStarResource(ctx: CheckContext, catalog: Catalog, statement: StatementModel): void {
  if (statement.effect !== 'Allow' || statement.action?.name !== 'Action') return;
  const star = statement.resource?.entries.find((e) => e.value === '*');
  if (!star) return;
  const scopable = statement.action.entries
    .filter((e) => !hasWildcard(e.value) && catalog.supportsResourceLevelPermissions(e.value))
    .map((e) => catalog.action(e.value)?.name ?? e.value);
  if (scopable.length === 0) return;
  const shown = scopable.slice(0, 3).join(', ') + (scopable.length > 3 ? ` and ${scopable.length - 3} more` : '');
  ctx.report('STAR_RESOURCE_WITH_RESOURCE_LEVEL_PERMISSIONS', star.node, `${shown} support${scopable.length === 1 ? 's' : ''} resource-level permissions; consider naming the resources instead of "*".`);
}

export function checkResources(ctx: CheckContext, statement: StatementModel): void {
  const resource = statement.resource;
  if (!resource) return;
  const catalog = ctx.catalog;
  const actions = catalog && resource.name === 'Resource' ? concreteActions(catalog, statement) : undefined;
  for (const entry of resource.entries) {
    if (ctx.full) return;
    const arn = checkResourceArn(ctx, entry);
    if (!arn || !catalog) continue;
    checkArnFields(ctx, catalog, entry, arn);
    if (actions) checkMatchesSomeAction(ctx, catalog, entry, arn, actions);
  }
  if (catalog) checkStarResource(ctx, catalog, statement);
}
