// Which of an action's resource types a policy ARN can name: both the ARN and the types' templates are patterns
// (arn-pattern.ts), compiled on first use and memoised.
import { compileArnTemplate, compilePolicyArn, patternsIntersect, type CompiledArnPattern } from './arn-pattern.ts';
import type { CatalogData } from './catalog-data.ts';
import type { ActionInfo, ResourceTypeInfo } from './catalog-types.ts';
import { remember } from './memo.ts';
import { resourceIndexOf, resourceInfosOf, type ServiceEntry } from './service-entry.ts';
import { slashFreeIn, slashFreeVariablesOf } from './slash-free-variables.ts';

/** The resource types of `info` (an action of `entry`) that `arn` can name. */
export type ResourceTypeMatcher = (entry: ServiceEntry, info: ActionInfo, arn: string) => readonly ResourceTypeInfo[];

/** The service field of an ARN or ARN template when it is plain text (no wildcard or variable), else undefined. */
function literalServiceOf(arn: string): string | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const start = arn.indexOf(':', 4) + 1;
  const end = arn.indexOf(':', start);
  if (start === 0 || end === -1) return undefined;
  const service = arn.slice(start, end);
  return /[*?$]/.test(service) ? undefined : service;
}

export function createResourceTypeMatcher(data: CatalogData): ResourceTypeMatcher {
  const policyArnMemo = new Map<string, CompiledArnPattern>();
  const arnMatchMemo = new Map<string, readonly ResourceTypeInfo[]>();
  /** Template variables that hold no "/", over all services (a service may list another service's ARN). */
  let slashFree: ReadonlySet<string> | undefined;

  function compileTemplates(templates: readonly string[]): CompiledArnPattern[] {
    slashFree ??= new Set(Array.isArray(data.sf) ? data.sf : slashFreeVariablesOf(data.s));
    const keys = slashFree;
    return templates.map((t) => compileArnTemplate(t, slashFreeIn(t, keys)));
  }

  return (entry, info, arn) => {
    const memoKey = `${info.name}\n${arn}`;
    const cached = arnMatchMemo.get(memoKey);
    if (cached) return cached;
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
  };
}
