// The policy simulator: SimulatePrincipalPolicy, SimulateCustomPolicy, GetContextKeysForPrincipalPolicy,
// GetContextKeysForCustomPolicy — the same evaluator that enforces every call, run on request.
import { compilePolicy, evaluate } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import type { AuthorizationRequest, CompiledPolicy, ContextValue, RequestPrincipal } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import { actionMatches } from '@iam-console/policy-engine/evaluate/compile.ts';
import { RequestContext } from '@iam-console/policy-engine/evaluate/context.ts';
import type { Db } from '../model/db.ts';
import { attachedPolicyArns, policyNameOf } from '../model/attachments.ts';
import { findGroup } from '../model/groups.ts';
import { inlinePoliciesOf } from '../model/inline-policies.ts';
import { defaultPolicyDocument } from '../model/managed-policies.ts';
import { isAwsManagedArn } from '../model/aws-managed-policies.ts';
import { policiesForRole, policiesForUser, type IdentityPolicy } from '../model/principal-policies.ts';
import { tagMap } from '../model/tags.ts';
import { findUser } from '../model/users.ts';
import { findRole } from '../model/roles.ts';
import { assertPolicyDocument } from '../model/policy-document.ts';
import { IamError } from '../errors.ts';
import { operation, type OperationContext, type OperationTable, type QueryParams, type XmlValue } from '../protocol/operation.ts';
import {
  ARN, listParam, optionalString, pageRequest, paginate, POLICY_DOCUMENT, requireString, stringListParam, validateAll, ValidationFailure,
} from '../protocol/params.ts';
import type { PageRequest } from '../model/keyset-page.ts';

/** A policy taking part in a simulation, with how AWS names its source in MatchedStatements. */
interface SourcePolicy {
  document: string;
  compiled: CompiledPolicy;
  sourceId: string;
  sourceType: string;
}

interface Simulation {
  principal: RequestPrincipal;
  identity: SourcePolicy[];
  boundary?: SourcePolicy;
  resource?: SourcePolicy;
  resourceOwner?: string;
}

const CONTEXT_TYPES = ['string', 'stringList', 'numeric', 'numericList', 'boolean', 'booleanList', 'ip', 'ipList', 'binary', 'binaryList', 'date', 'dateList'];

function source(document: string, id: string, type: 'identity' | 'permissionsBoundary' | 'resource' | 'trust', sourceId: string, sourceType: string, name?: string): SourcePolicy {
  return { document, compiled: compilePolicy(document, { id, type, name: name ?? sourceId }), sourceId, sourceType };
}

/** Documents passed in a `*PolicyInputList`, each checked as IAM checks a policy before simulating. */
function checkedDocuments(documents: readonly string[]): readonly string[] {
  for (const document of documents) assertPolicyDocument(document, 'inline');
  return documents;
}

/**
 * Whether a ResourcePolicy is a role's trust policy: every statement is about STS actions and names no resource.
 * Such a policy is weighed as AssumeRole weighs a trust policy (it must allow, even when identity policies do, and
 * its conditions and principal decide), not as a resource policy that an identity allow can stand in for.
 */
function isTrustPolicy(document: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return false;
  }
  const raw = (parsed as { Statement?: unknown } | null)?.Statement;
  const statements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return statements.length > 0 && statements.every((statement) => {
    if (typeof statement !== 'object' || statement === null || 'Resource' in statement || 'NotResource' in statement) return false;
    const action = (statement as { Action?: unknown }).Action;
    const actions = Array.isArray(action) ? action : [action];
    return actions.length > 0 && actions.every((a) => typeof a === 'string' && a.toLowerCase().startsWith('sts:'));
  });
}

/** The 12-digit account of an ARN that names one (`arn:aws:iam::111122223333:role/x`), else undefined. */
function accountOfArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}

function sourceTypeOf(policy: IdentityPolicy): string {
  if (policy.type === 'managed') return isAwsManagedArn(policy.id) ? 'aws-managed' : 'user-managed';
  return policy.id.slice(0, policy.id.indexOf('/')); // user | group | role
}

function principalSources(policies: readonly IdentityPolicy[]): SourcePolicy[] {
  return policies.map((p) => source(p.document, p.id, 'identity', p.name, sourceTypeOf(p)));
}

function groupPolicies(db: Db, groupId: string, groupName: string): IdentityPolicy[] {
  const inline: IdentityPolicy[] = inlinePoliciesOf(db, { type: 'group', id: groupId }).map((p) => ({
    id: `group/${groupName}/${p.name}`,
    name: p.name,
    type: 'inline',
    document: p.document,
  }));
  const managed: IdentityPolicy[] = [];
  for (const arn of attachedPolicyArns(db, { type: 'group', id: groupId })) {
    const document = defaultPolicyDocument(db, arn);
    if (document !== undefined) managed.push({ id: arn, name: policyNameOf(arn), type: 'managed', document });
  }
  return [...inline, ...managed];
}

const ENTITY_ARN = /^arn:aws:iam::(\d{12}):(user|group|role)(\/(?:.*\/)?)([^/]+)$/;

/** The principal (user, group or role) a PolicySourceArn names, with its policies; NoSuchEntity when absent. */
function principalSimulation(ctx: OperationContext, arn: string): Simulation {
  const db = ctx.state.db;
  const m = ENTITY_ARN.exec(arn);
  if (!m || m[1] !== ctx.state.accountId) throw new IamError('InvalidInput', `Invalid ARN: ${arn}`);
  const [, accountId, type, , name] = m as unknown as [string, string, 'user' | 'group' | 'role', string, string];
  if (type === 'group') {
    const group = findGroup(db, name);
    if (!group) throw new IamError('NoSuchEntity', `The group with name ${name} cannot be found.`);
    return { principal: { arn, accountId }, identity: principalSources(groupPolicies(db, group.id, group.name)) };
  }
  if (type === 'user') {
    const user = findUser(db, name);
    const policies = user && policiesForUser(db, user.name);
    if (!user || !policies) throw new IamError('NoSuchEntity', `The user with name ${name} cannot be found.`);
    const simulation: Simulation = {
      principal: { arn, accountId, userName: user.name, userId: user.id, tags: tagMap(db, 'user', user.id) },
      identity: principalSources(policies.identityPolicies),
    };
    if (policies.boundary) simulation.boundary = source(policies.boundary.document, policies.boundary.arn, 'permissionsBoundary', policyNameOf(policies.boundary.arn), 'PermissionsBoundaryPolicy');
    return simulation;
  }
  const role = findRole(db, name);
  const policies = role && policiesForRole(db, role.name);
  if (!role || !policies) throw new IamError('NoSuchEntity', `The role with name ${name} cannot be found.`);
  const simulation: Simulation = {
    principal: { arn, accountId, userId: role.id, tags: policies.tags },
    identity: principalSources(policies.identityPolicies),
  };
  if (policies.boundary) simulation.boundary = source(policies.boundary.document, policies.boundary.arn, 'permissionsBoundary', policyNameOf(policies.boundary.arn), 'PermissionsBoundaryPolicy');
  return simulation;
}

/** ContextEntries.member.N.{ContextKeyName, ContextKeyValues.member.M, ContextKeyType} → request context. */
function contextEntries(params: QueryParams): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  listParam(params, 'ContextEntries').forEach((entry, i) => {
    const field = `contextEntries.${i + 1}.member`;
    const [name, type] = validateAll(
      () => requireString(entry, 'ContextKeyName', { min: 5, max: 256, field: `${field}.contextKeyName` }),
      () => requireString(entry, 'ContextKeyType', { oneOf: CONTEXT_TYPES, field: `${field}.contextKeyType` }),
    );
    const values = stringListParam(entry, 'ContextKeyValues');
    context[name] = type.endsWith('List') ? values : (values[0] ?? '');
  });
  return context;
}

/** The request parts common to both simulations, read and checked against the API model. */
interface SimulationInput {
  policyInputs: string[];
  boundaryInputs: string[];
  resourcePolicy: string | undefined;
  resourceOwner: string | undefined;
  callerArn: string | undefined;
  actions: string[];
  resources: string[];
  context: Record<string, ContextValue>;
  page: PageRequest;
}

function nullList(field: string): ValidationFailure {
  return new ValidationFailure([{ field, value: null, echoValue: false, constraint: 'Member must not be null' }]);
}

function simulationInput(params: QueryParams): SimulationInput {
  const [policyInputs, boundaryInputs, resourcePolicy, resourceOwner, callerArn, actions, resources, context, page] = validateAll(
    () => stringListParam(params, 'PolicyInputList', {}, POLICY_DOCUMENT),
    () => stringListParam(params, 'PermissionsBoundaryPolicyInputList', {}, POLICY_DOCUMENT),
    () => optionalString(params, 'ResourcePolicy', POLICY_DOCUMENT),
    () => optionalString(params, 'ResourceOwner', ARN),
    () => optionalString(params, 'CallerArn', { min: 1, max: 2048 }),
    () => {
      const names = stringListParam(params, 'ActionNames', {}, { min: 3, max: 128 });
      if (names.length === 0) throw nullList('actionNames');
      return names;
    },
    () => stringListParam(params, 'ResourceArns', {}, { min: 1, max: 2048 }),
    () => contextEntries(params),
    () => pageRequest(params),
  );
  return { policyInputs, boundaryInputs, resourcePolicy, resourceOwner, callerArn, actions, resources, context, page };
}

/** Applies the request parts common to both simulations: extra identity/boundary inputs, resource policy, owner, caller. */
function addInputs(simulation: Simulation, input: SimulationInput, ctx: OperationContext): void {
  checkedDocuments(input.policyInputs).forEach((document, i) => {
    simulation.identity.push(source(document, `PolicyInputList.${i + 1}`, 'identity', `PolicyInputList.${i + 1}`, 'IAM Policy'));
  });
  const boundaries = checkedDocuments(input.boundaryInputs);
  if (boundaries.length > 1) throw new IamError('InvalidInput', 'Only one permissions boundary policy can be specified.');
  if (boundaries[0] !== undefined) {
    simulation.boundary = source(boundaries[0], 'PermissionsBoundaryPolicyInputList.1', 'permissionsBoundary', 'PermissionsBoundaryPolicyInputList.1', 'PermissionsBoundaryPolicy');
  }
  const { resourcePolicy, resourceOwner, callerArn } = input;
  if (resourcePolicy !== undefined) {
    if (callerArn === undefined && simulation.principal.arn === '') {
      throw new IamError('InvalidInput', 'CallerArn is required when ResourcePolicy is specified.');
    }
    simulation.resource = source(resourcePolicy, 'ResourcePolicy', isTrustPolicy(resourcePolicy) ? 'trust' : 'resource', 'ResourcePolicy', 'resource');
  }
  if (resourceOwner !== undefined) {
    const owner = /^arn:aws:iam::(\d{12}):root$/.exec(resourceOwner)?.[1] ?? (/^\d{12}$/.test(resourceOwner) ? resourceOwner : undefined);
    if (!owner) throw new IamError('InvalidInput', `Invalid ResourceOwner: ${resourceOwner}`);
    simulation.resourceOwner = owner;
  }
  if (callerArn !== undefined) {
    const user = /^arn:aws:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(callerArn);
    // A caller of another account is weighed as one: a resource policy alone does not let it in.
    const accountId = accountOfArn(callerArn) ?? ctx.state.accountId;
    simulation.principal = { ...simulation.principal, arn: callerArn, accountId, ...(user ? { userName: user[1] } : {}) };
  }
}

function position(p: { line: number; column: number } | undefined): XmlValue {
  return p ? { Line: p.line + 1, Column: p.column + 1 } : undefined;
}

/** Condition keys of statements that name the action, which the request context does not supply. */
function missingContextValues(policies: readonly SourcePolicy[], request: AuthorizationRequest): string[] {
  const context = new RequestContext(request);
  const missing = new Map<string, string>();
  for (const { compiled } of policies) {
    for (const statement of compiled.statements) {
      if (actionMatches(statement.actions, context.actionLower) === statement.notAction) continue;
      for (const condition of statement.conditions) {
        if (context.get(condition.keyLower) === undefined && !missing.has(condition.keyLower)) missing.set(condition.keyLower, condition.key);
      }
    }
  }
  return [...missing.values()];
}

function evaluationResult(simulation: Simulation, action: string, resource: string, context: Record<string, ContextValue>): XmlValue {
  const all = [...simulation.identity, ...(simulation.boundary ? [simulation.boundary] : []), ...(simulation.resource ? [simulation.resource] : [])];
  const request: AuthorizationRequest = { principal: simulation.principal, action, resource, context };
  // The owner of a simulated resource: ResourceOwner, else the account its ARN names (the API reference: ResourceOwner
  // is for resources whose ARN does not identify their owner). Only a resource policy makes it matter.
  const owner = simulation.resourceOwner ?? (simulation.resource ? accountOfArn(resource) : undefined);
  if (owner) request.resourceAccountId = owner;
  const decision = evaluate(request, all.map((p) => p.compiled));
  const byId = new Map(all.map((p) => [p.compiled.id, p]));
  const result: { [key: string]: XmlValue } = {
    EvalActionName: action,
    EvalResourceName: resource,
    EvalDecision: decision.decision,
    MatchedStatements: decision.matchedStatements.map((ref) => ({
      SourcePolicyId: byId.get(ref.policyId)?.sourceId ?? ref.policyId,
      SourcePolicyType: byId.get(ref.policyId)?.sourceType ?? 'none',
      StartPosition: position(ref.range?.start),
      EndPosition: position(ref.range?.end),
    })),
    MissingContextValues: missingContextValues(all, request),
  };
  if (simulation.boundary) {
    // Would the boundary alone allow it? (AWS reports this apart from the overall decision.)
    const boundaryAsIdentity = compilePolicy(simulation.boundary.document, { id: 'boundary', type: 'identity' });
    result.PermissionsBoundaryDecisionDetail = { AllowedByPermissionsBoundary: evaluate(request, [boundaryAsIdentity]).decision === 'allowed' };
  }
  return result;
}

function simulate(simulation: Simulation, input: SimulationInput) {
  const results: XmlValue[] = [];
  for (const action of input.actions) {
    for (const resource of input.resources.length > 0 ? input.resources : ['*']) {
      results.push(evaluationResult(simulation, action, resource, input.context));
    }
  }
  const page = paginate(results, input.page);
  return { EvaluationResults: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
}

/** Context keys used in Condition blocks and policy variables of the given documents, first spelling kept. */
export function contextKeysOf(documents: readonly string[]): string[] {
  const keys = new Map<string, string>();
  const add = (key: string) => {
    if (!keys.has(key.toLowerCase())) keys.set(key.toLowerCase(), key);
  };
  for (const document of documents) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(document);
    } catch {
      continue;
    }
    const statements = (parsed as { Statement?: unknown })?.Statement;
    for (const statement of Array.isArray(statements) ? statements : [statements]) {
      if (typeof statement !== 'object' || statement === null) continue;
      const condition = (statement as { Condition?: unknown }).Condition;
      if (typeof condition === 'object' && condition !== null) {
        for (const block of Object.values(condition)) if (typeof block === 'object' && block !== null) Object.keys(block).forEach(add);
      }
      for (const match of JSON.stringify((statement as { Resource?: unknown }).Resource ?? '').matchAll(/\$\{([^}*?$]+)\}/g)) add(match[1] as string);
    }
  }
  return [...keys.values()];
}

function principalDocuments(ctx: OperationContext, arn: string): string[] {
  const simulation = principalSimulation(ctx, arn);
  return [...simulation.identity, ...(simulation.boundary ? [simulation.boundary] : [])].map((p) => p.document);
}

const policySourceArn = (params: QueryParams) => requireString(params, 'PolicySourceArn', ARN);

/** PolicyInputList of the custom-policy operations, where it is required. */
function requiredPolicyInputs(params: QueryParams): string[] {
  const list = stringListParam(params, 'PolicyInputList', {}, POLICY_DOCUMENT);
  if (list.length === 0) throw nullList('policyInputList');
  return list;
}

export const simulateOperations: OperationTable = {
  SimulatePrincipalPolicy: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => policySourceArn(params),
      () => simulationInput(params),
    ),
    authorize: (params) => [{ action: 'iam:SimulatePrincipalPolicy', resource: params.PolicySourceArn ?? '*' }],
    handle([arn, input], ctx) {
      const simulation = principalSimulation(ctx, arn);
      addInputs(simulation, input, ctx);
      return simulate(simulation, input);
    },
  }),

  SimulateCustomPolicy: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => requiredPolicyInputs(params),
      () => simulationInput(params),
    )[1],
    authorize: () => [{ action: 'iam:SimulateCustomPolicy', resource: '*' }],
    handle(input, ctx) {
      const simulation: Simulation = { principal: { arn: '', accountId: ctx.state.accountId }, identity: [] };
      addInputs(simulation, input, ctx);
      return simulate(simulation, input);
    },
  }),

  GetContextKeysForPrincipalPolicy: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => policySourceArn(params),
      () => stringListParam(params, 'PolicyInputList', {}, POLICY_DOCUMENT),
    ),
    authorize: (params) => [{ action: 'iam:GetContextKeysForPrincipalPolicy', resource: params.PolicySourceArn ?? '*' }],
    handle([arn, extra], ctx) {
      return { ContextKeyNames: contextKeysOf([...principalDocuments(ctx, arn), ...extra]) };
    },
  }),

  GetContextKeysForCustomPolicy: operation({
    service: 'iam',
    parse: requiredPolicyInputs,
    authorize: () => [{ action: 'iam:GetContextKeysForCustomPolicy', resource: '*' }],
    handle(list) {
      return { ContextKeyNames: contextKeysOf(list) };
    },
  }),
};
