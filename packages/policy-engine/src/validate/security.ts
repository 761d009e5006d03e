// Security checks: grants that are broader than they look (NotAction/NotResource/NotPrincipal, "*"), role
// passing, the classic IAM privilege-escalation paths, actions that hand out credentials, and MFA
// conditions that can be bypassed with long-term keys.
import type { Node } from 'jsonc-parser';
import type { IssueCode } from './checks.ts';
import type { CheckContext } from './context.ts';
import { grantingEntry, hasWildcard } from './action-match.ts';
import type { PolicyModel, StatementModel } from './model.ts';

/** Single actions that let a principal give itself more permissions. */
const ESCALATION_ACTIONS = [
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:AddUserToGroup',
  'iam:UpdateAssumeRolePolicy',
  'lambda:UpdateFunctionCode',
  'glue:UpdateDevEndpoint',
];

/** Actions that are escalation only when they reach other users: scoped to ${aws:username} they are self-service. */
const OTHERS_CREDENTIAL_ACTIONS = ['iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile'];

/** iam:PassRole plus these lets a principal run code as a more privileged role. */
const PASS_ROLE_COMBINATIONS: readonly (readonly string[])[] = [
  ['lambda:CreateFunction', 'lambda:InvokeFunction'],
  ['lambda:CreateFunction', 'lambda:CreateEventSourceMapping'],
  ['ec2:RunInstances'],
  ['glue:CreateDevEndpoint'],
  ['cloudformation:CreateStack'],
  ['datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'],
  ['ecs:RunTask'],
  ['sagemaker:CreateNotebookInstance'],
];

/** Actions whose response carries credentials or a way to get them. */
const CREDENTIAL_ACTIONS = [
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:GetFederationToken',
  'iam:CreateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'redshift:GetClusterCredentials',
  'rds-db:Connect',
  'sso:GetRoleCredentials',
  'lightsail:GetInstanceAccessDetails',
  'cognito-identity:GetCredentialsForIdentity',
];

function allows(statement: StatementModel): boolean {
  return statement.effect === 'Allow';
}

function resourceHasStar(statement: StatementModel): boolean {
  return statement.resource?.name === 'Resource' && statement.resource.entries.some((e) => e.value === '*');
}

function isFullAdmin(statement: StatementModel): boolean {
  const action = statement.action;
  return (
    allows(statement) &&
    action?.name === 'Action' &&
    action.entries.some((e) => e.value === '*' || e.value === '*:*') &&
    resourceHasStar(statement) &&
    statement.conditions.length === 0
  );
}

function checkBroadElements(ctx: CheckContext, statement: StatementModel): void {
  if (!allows(statement)) return;
  if (statement.principal?.name === 'NotPrincipal') {
    ctx.report('ALLOW_WITH_NOT_PRINCIPAL', statement.principal.keyNode, 'Allow with NotPrincipal grants access to every principal not listed, including anonymous users; name the allowed principals in Principal instead.');
  }
  if (statement.action?.name === 'NotAction') {
    ctx.report('ALLOW_WITH_NOT_ACTION', statement.action.keyNode, 'Allow with NotAction grants every action not listed, including actions AWS adds later; list the allowed actions in Action instead.');
  }
  if (statement.resource?.name === 'NotResource') {
    ctx.report('ALLOW_WITH_NOT_RESOURCE', statement.resource.keyNode, 'Allow with NotResource grants access to every resource not listed, including resources created later; list the allowed resources instead.');
  }
  if (isFullAdmin(statement)) {
    const entry = statement.action!.entries.find((e) => e.value === '*' || e.value === '*:*')!;
    ctx.report('FULL_ADMIN_ACCESS', entry.node, 'This statement allows every action on every resource (full administrator access); grant only the actions and resources needed.');
  }
}

function checkPassRole(ctx: CheckContext, statement: StatementModel): void {
  if (!allows(statement) || ctx.kind === 'trust' || isFullAdmin(statement)) return;
  const action = statement.action;
  const resource = statement.resource;
  if (!action || !resource) return;
  const entry = grantingEntry(statement, 'iam:PassRole');
  if (!entry) return;
  let code: IssueCode | undefined;
  let at: Node = entry.node;
  if (resource.name === 'NotResource') {
    code = 'PASS_ROLE_WITH_NOT_RESOURCE';
  } else if (resourceHasStar(statement)) {
    if (action.name === 'NotAction') code = 'PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION';
    else code = hasWildcard(entry.value) ? 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE' : 'PASS_ROLE_WITH_STAR_IN_RESOURCE';
  }
  if (!code) return;
  if (action.name === 'NotAction') at = action.keyNode;
  ctx.report(code, at, 'This statement lets the principal pass any role to an AWS service (iam:PassRole on every role), which can give that service more permissions than the principal has; list the role ARNs it may pass, and consider an iam:PassedToService condition.');
}

/** True when every resource of the statement is the caller's own user (arn:…:user/${aws:username}). */
function scopedToSelf(statement: StatementModel): boolean {
  const resource = statement.resource;
  return resource?.name === 'Resource' && resource.entries.length > 0 && resource.entries.every((e) => /\$\{aws:username\}$/i.test(e.value));
}

interface Grant {
  action: string;
  node: Node;
}

/** Where the policy allows `action` (the first granting entry), optionally ignoring self-scoped statements. */
function findGrant(policy: PolicyModel, action: string, ignoreSelfScoped: boolean): Grant | undefined {
  for (const statement of policy.statements) {
    if (!allows(statement) || (ignoreSelfScoped && scopedToSelf(statement))) continue;
    const entry = grantingEntry(statement, action);
    if (entry) return { action, node: entry.node };
  }
  return undefined;
}

function checkPrivilegeEscalation(ctx: CheckContext, policy: PolicyModel): void {
  if (ctx.kind === 'trust' || ctx.kind === 'resource') return;
  if (policy.statements.some(isFullAdmin)) return; // already reported as full admin
  const byNode = new Map<Node, string[]>();
  const add = (grant: Grant, description: string): void => {
    const list = byNode.get(grant.node) ?? [];
    list.push(description);
    byNode.set(grant.node, list);
  };
  for (const action of ESCALATION_ACTIONS) {
    const grant = findGrant(policy, action, false);
    if (grant) add(grant, action);
  }
  for (const action of OTHERS_CREDENTIAL_ACTIONS) {
    const grant = findGrant(policy, action, true);
    if (grant) add(grant, `${action} on users other than the caller`);
  }
  const passRole = findGrant(policy, 'iam:PassRole', false);
  if (passRole) {
    for (const combination of PASS_ROLE_COMBINATIONS) {
      if (combination.every((action) => findGrant(policy, action, false))) add(passRole, `iam:PassRole with ${combination.join(' and ')}`);
    }
  }
  for (const [node, descriptions] of byNode) {
    ctx.report('PRIVILEGE_ESCALATION', node, `This grants ${descriptions.join(', ')}, which lets the principal raise its own permissions (privilege escalation); restrict the resources or add conditions.`);
  }
}

function checkCredentialsExposure(ctx: CheckContext, statement: StatementModel): void {
  if (!allows(statement) || ctx.kind === 'trust' || ctx.kind === 'resource' || isFullAdmin(statement)) return;
  if (!resourceHasStar(statement) && statement.resource?.name !== 'NotResource') return;
  const byNode = new Map<Node, string[]>();
  for (const action of CREDENTIAL_ACTIONS) {
    const entry = grantingEntry(statement, action);
    if (!entry) continue;
    const list = byNode.get(entry.node) ?? [];
    list.push(action);
    byNode.set(entry.node, list);
  }
  for (const [node, actions] of byNode) {
    ctx.report('CREDENTIALS_EXPOSURE', node, `${actions.join(', ')} on every resource returns credentials for any role or resource that trusts this account; name the roles or resources instead of "*".`);
  }
}

function checkMfaConditions(ctx: CheckContext, statement: StatementModel): void {
  for (const condition of statement.conditions) {
    if (condition.operatorName !== 'Bool' || condition.key.toLowerCase() !== 'aws:multifactorauthpresent') continue;
    const falseValue = condition.values.find((v) => v.text.toLowerCase() === 'false');
    if (!falseValue) continue;
    ctx.report('UNSAFE_MFA_CONDITION', condition.operatorNode, 'Requests made with long-term access keys carry no aws:MultiFactorAuthPresent key, so "Bool": {"aws:MultiFactorAuthPresent": "false"} does not match them; use BoolIfExists, or Null with "aws:MultiFactorAuthPresent": "true".');
  }
}

function checkOpenPrincipal(ctx: CheckContext, statement: StatementModel): void {
  if (!allows(statement) || statement.principal?.name !== 'Principal' || statement.conditions.length > 0) return;
  const star = statement.principal.entries.find((e) => e.value === '*' && (e.type === undefined || e.type === 'AWS'));
  if (!star) return;
  const what = ctx.kind === 'trust' ? 'assume this role' : 'use this resource';
  ctx.report('ANY_PRINCIPAL_WITHOUT_CONDITION', star.node, `Any principal in any AWS account, or anonymous, can ${what}; name the principals or add a condition such as aws:PrincipalOrgID.`);
}

function checkForAllValues(ctx: CheckContext, statement: StatementModel): void {
  if (!allows(statement) || !ctx.catalog) return;
  for (const condition of statement.conditions) {
    if (condition.operator?.set !== 'ForAllValues') continue;
    const info = ctx.catalog.conditionKey(condition.key);
    if (info && !info.multiValued) {
      ctx.report('FORALLVALUES_WITH_SINGLE_VALUED_KEY', condition.operatorNode, `${condition.key} is single-valued; ForAllValues is also true when the key is missing, so this Allow may apply more widely than intended. Use ${condition.operator.base} without ForAllValues.`);
    }
  }
}

export function checkSecurity(ctx: CheckContext, policy: PolicyModel): void {
  for (const statement of policy.statements) {
    if (ctx.full) return;
    checkBroadElements(ctx, statement);
    checkPassRole(ctx, statement);
    checkCredentialsExposure(ctx, statement);
    checkMfaConditions(ctx, statement);
    checkOpenPrincipal(ctx, statement);
    checkForAllValues(ctx, statement);
  }
  checkPrivilegeEscalation(ctx, policy);
}

