// The tightened variant of a tool's published policy: what can be scoped without knowing the app. The guides'
// placeholder account and region become this account and the chosen region, and role actions granted on every
// resource ("iam:PassRole" on "*" lets the tool hand any role, an administrator's too, to a service) are limited to
// the roles the tool creates, named with its prefix.

/** Account and region the SST guide writes its ARNs with. */
const PLACEHOLDER_ACCOUNT = '112233445566';
const PLACEHOLDER_REGION = 'us-east-1';

/** Role actions whose resource is the role: scoped to the tool's roles. */
const ROLE_ACTIONS = new Set([
  'iam:PassRole', 'iam:CreateRole', 'iam:DeleteRole', 'iam:GetRole', 'iam:UpdateRole', 'iam:TagRole', 'iam:UntagRole',
  'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:GetRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy',
  'iam:UpdateAssumeRolePolicy', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies',
]);

export interface PolicyScope {
  accountId: string;
  region: string;
  partition: string;
  /** The start of the names of the roles the tool creates; none leaves role actions as published. */
  rolePrefix?: string | undefined;
}

interface Statement {
  Sid?: string;
  Effect?: string;
  Action?: string | string[];
  Resource?: string | string[];
  [key: string]: unknown;
}

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function placeholdersFilled(resource: string, scope: PolicyScope): string {
  return resource
    .replaceAll(`:${PLACEHOLDER_REGION}:${PLACEHOLDER_ACCOUNT}:`, `:${scope.region}:${scope.accountId}:`)
    .replaceAll(`:${PLACEHOLDER_ACCOUNT}:`, `:${scope.accountId}:`);
}

function withResources(statement: Statement, scope: PolicyScope): Statement {
  if (statement.Resource === undefined) return statement;
  const filled = asList(statement.Resource).map((r) => placeholdersFilled(r, scope));
  return { ...statement, Resource: Array.isArray(statement.Resource) ? filled : filled[0] ?? '' };
}

/** Splits role actions granted on "*" out of an Allow statement into one on the tool's roles. */
function roleActionsScoped(statement: Statement, scope: PolicyScope): Statement[] {
  const resources = asList(statement.Resource);
  if (!scope.rolePrefix || statement.Effect !== 'Allow' || !resources.includes('*') || statement.Condition) return [statement];
  const actions = asList(statement.Action);
  const roleActions = actions.filter((a) => ROLE_ACTIONS.has(a));
  if (roleActions.length === 0) return [statement];
  const rest = actions.filter((a) => !ROLE_ACTIONS.has(a));
  const scoped: Statement = {
    Sid: 'ToolRolesOnly',
    Effect: 'Allow',
    Action: roleActions,
    Resource: `arn:${scope.partition}:iam::${scope.accountId}:role/${scope.rolePrefix}*`,
  };
  return rest.length ? [{ ...statement, Action: rest }, scoped] : [scoped];
}

/** The tightened document (formatted), or undefined when nothing in it can be scoped this way. */
export function tightenedPolicy(document: string, scope: PolicyScope): string | undefined {
  let parsed: { Statement?: Statement | Statement[]; [key: string]: unknown };
  try {
    parsed = JSON.parse(document) as typeof parsed;
  } catch {
    return undefined;
  }
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
  const tightened = statements.flatMap((s) => roleActionsScoped(withResources(s, scope), scope));
  const result = { ...parsed, Statement: tightened };
  return JSON.stringify(result) === JSON.stringify({ ...parsed, Statement: statements }) ? undefined : `${JSON.stringify(result, null, 4)}\n`;
}
