// STS: GetCallerIdentity, GetSessionToken (with MFA), AssumeRole (trust policy, ExternalId, MFA, session name,
// duration rules, role chaining, session policy and tags).
import { compilePolicy, accessDeniedMessage } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import { globalContextKeys, type RequestContextKeys } from '../auth/authorizer.ts';
import { listMfaDevices, verifyMfaCode } from '../model/mfa.ts';
import { assertPolicyDocument } from '../model/policy-document.ts';
import { defaultPolicyDocument } from '../model/managed-policies.ts';
import { findRole, recordRoleUse, type Role } from '../model/roles.ts';
import { createSession, type SessionPrincipal, type StsSession } from '../model/sts-sessions.ts';
import { noParameters, operation } from '../protocol/operation.ts';
import { IamError } from '../errors.ts';
import type { OperationContext, OperationTable, QueryParams } from '../protocol/operation.ts';
import type { Caller } from '../auth/caller.ts';
import {
  EXTERNAL_ID, listParam, optionalInt, optionalString, requireString, ROLE_SESSION_NAME, SESSION_POLICY, SOURCE_IDENTITY, STS_ARN,
  STS_SERIAL_NUMBER, stringListParam, TOKEN_CODE, validateAll, validationMessage,
} from '../protocol/params.ts';

const HOUR = 3600;
/** GetSessionToken: 15 minutes to 36 hours for IAM users (default 12 hours); root sessions are capped at 1 hour. */
const SESSION_TOKEN_DURATION = { min: 900, max: 129_600, default: 43_200, rootMax: HOUR } as const;
const ASSUME_ROLE_DURATION = { min: 900, max: 43_200, default: HOUR, chainedMax: HOUR } as const;
const MAX_SESSION_TAGS = 50;
const MAX_SESSION_POLICY_ARNS = 10;

const MFA_NOT_ASSOCIATED =
  'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.';
const MFA_BAD_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code. ';

function credentialsShape(session: StsSession) {
  return {
    AccessKeyId: session.accessKeyId,
    SecretAccessKey: session.secretAccessKey,
    SessionToken: session.sessionToken,
    Expiration: session.expiresAt,
  };
}

function durationParam(params: QueryParams, range: { min: number; max: number }): number | undefined {
  return optionalInt(params, 'DurationSeconds', { ...range, echoValue: true });
}

/**
 * Verifies SerialNumber + TokenCode for the caller's own MFA device. Returns when the MFA was proven, undefined
 * when neither parameter was given; throws AccessDenied with AWS's wording otherwise.
 */
function verifyCallerMfa(ctx: OperationContext, serialNumber: string | undefined, tokenCode: string | undefined): Date | undefined {
  if (serialNumber === undefined && tokenCode === undefined) return undefined;
  const caller = ctx.caller;
  if (serialNumber === undefined || tokenCode === undefined || caller.kind === 'assumed-role') {
    throw new IamError('AccessDenied', MFA_NOT_ASSOCIATED);
  }
  const owner =
    caller.kind === 'root'
      ? ({ kind: 'root' } as const)
      : ({ kind: 'user', userId: caller.userId, userName: caller.userName ?? '', path: caller.userPath ?? '/' } as const);
  const devices = listMfaDevices(ctx.state.db, owner);
  if (!devices.some((d) => d.serialNumber === serialNumber)) throw new IamError('AccessDenied', MFA_NOT_ASSOCIATED);
  const options = caller.kind === 'root' ? { root: true } : { userName: caller.userName ?? '' };
  if (!verifyMfaCode(ctx.state.db, serialNumber, tokenCode, ctx.now, options)) throw new IamError('AccessDenied', MFA_BAD_CODE);
  return ctx.now;
}

function sessionPrincipalOf(caller: Caller): SessionPrincipal {
  return caller.kind === 'root' ? { kind: 'root' } : { kind: 'user', userId: caller.userId };
}

// ---- AssumeRole helpers -----------------------------------------------------------------------------------------

const ROLE_ARN_SHAPE = /^arn:aws:iam::(\d{12}):role(\/(?:[\u0021-\u007E]*\/)?)([\w+=,.@-]+)$/;

/** The role a RoleArn names in this account, or undefined (AWS then answers AccessDenied, not NoSuchEntity). */
function roleOfArn(ctx: OperationContext, arn: string): Role | undefined {
  const m = ROLE_ARN_SHAPE.exec(arn);
  if (!m || m[1] !== ctx.state.accountId) return undefined;
  const role = findRole(ctx.state.db, m[3] as string);
  // Role names are case-insensitive for lookup, but the ARN must name the role as it is (path included).
  return role && role.path === m[2] && role.name === m[3] ? role : undefined;
}

interface SessionTags {
  tags: Record<string, string>;
  keys: string[];
}

function sessionTagsParam(params: QueryParams): SessionTags {
  const members = listParam(params, 'Tags');
  if (members.length > MAX_SESSION_TAGS) {
    throw new IamError('ValidationError', validationMessage([{ field: 'tags', value: '', echoValue: false, constraint: `Member must have length less than or equal to ${MAX_SESSION_TAGS}` }]));
  }
  const tags: Record<string, string> = {};
  const keys: string[] = [];
  const seen = new Set<string>();
  members.forEach((member, i) => {
    const field = `tags.${i + 1}.member`;
    const [key, value] = validateAll(
      () => requireString(member, 'Key', { pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+', min: 1, max: 128, echoValue: true, field: `${field}.key` }),
      () => requireString(member, 'Value', { pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*', min: 0, max: 256, echoValue: true, field: `${field}.value` }),
    );
    if (seen.has(key.toLowerCase())) {
      throw new IamError('InvalidParameterValue', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    }
    seen.add(key.toLowerCase());
    tags[key] = value;
    keys.push(key);
  });
  return { tags, keys };
}

/**
 * The new session's tags: those requested plus the transitive tags of the calling session (role chaining), which
 * carry on and cannot be overridden; and which of them are transitive from now on.
 */
function chainedSessionTags(caller: Caller, input: AssumeRoleInput): { tags: Record<string, string>; transitive: string[] } | undefined {
  const requested = new Map(input.tags.keys.map((key) => [key.toLowerCase(), key]));
  for (const key of input.transitiveTagKeys) {
    if (!requested.has(key.toLowerCase())) throw new IamError('InvalidParameterValue', 'The specified transitive tag key must be included in the requested tags.');
  }
  const inherited: Record<string, string> = {};
  for (const key of caller.transitiveTagKeys ?? []) {
    if (requested.has(key.toLowerCase())) {
      throw new IamError('InvalidParameterValue', `The session tag ${key} is transitive from the calling session and cannot be overridden.`);
    }
    const value = caller.sessionTags?.[key];
    if (value !== undefined) inherited[key] = value;
  }
  const tags = { ...inherited, ...input.tags.tags };
  if (Object.keys(tags).length === 0) return undefined;
  if (Object.keys(tags).length > MAX_SESSION_TAGS) {
    throw new IamError('LimitExceeded', `Cannot exceed quota for SessionTags: ${MAX_SESSION_TAGS}`);
  }
  const transitive = [...Object.keys(inherited), ...input.transitiveTagKeys.map((key) => requested.get(key.toLowerCase()) as string)];
  return { tags, transitive };
}

interface AssumeRoleInput {
  roleArn: string;
  sessionName: string;
  duration: number | undefined;
  externalId: string | undefined;
  serialNumber: string | undefined;
  tokenCode: string | undefined;
  sourceIdentity: string | undefined;
  policy: string | undefined;
  /** PolicyArns.member.N.arn: managed policies used as session policies. */
  policyArns: string[];
  tags: SessionTags;
  transitiveTagKeys: string[];
}

function readAssumeRole(params: QueryParams): AssumeRoleInput {
  const [roleArn, sessionName, duration, externalId, serialNumber, tokenCode, sourceIdentity, policy, tags, transitiveTagKeys] = validateAll(
    () => requireString(params, 'RoleArn', STS_ARN),
    () => requireString(params, 'RoleSessionName', ROLE_SESSION_NAME),
    () => durationParam(params, ASSUME_ROLE_DURATION),
    () => optionalString(params, 'ExternalId', EXTERNAL_ID),
    () => optionalString(params, 'SerialNumber', STS_SERIAL_NUMBER),
    () => optionalString(params, 'TokenCode', TOKEN_CODE),
    () => optionalString(params, 'SourceIdentity', SOURCE_IDENTITY),
    () => optionalString(params, 'Policy', SESSION_POLICY),
    () => sessionTagsParam(params),
    () => stringListParam(params, 'TransitiveTagKeys', { max: MAX_SESSION_TAGS }),
  );
  assertArnSyntax(roleArn);
  const policyArns = listParam(params, 'PolicyArns', { max: MAX_SESSION_POLICY_ARNS }).map((member, i) =>
    requireString(member, 'arn', { ...STS_ARN, field: `policyArns.${i + 1}.member.arn` }),
  );
  return { roleArn, sessionName, duration, externalId, serialNumber, tokenCode, sourceIdentity, policy, policyArns, tags, transitiveTagKeys };
}

/**
 * A RoleArn that is no ARN at all (fewer than six parts, or no partition, service or resource) is refused as
 * request validation, before authorization: ValidationError "<arn> is invalid", as STS answers (localstack's recorded
 * snapshots, test_sts_invalid_parameters). A well-formed ARN of no role of this account is AccessDenied instead.
 */
function assertArnSyntax(arn: string): void {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[1] === '' || parts[2] === '' || parts.slice(5).join(':') === '') {
    throw new IamError('ValidationError', `${arn} is invalid`);
  }
}

/** Request context keys the trust policy sees for this AssumeRole call. */
function assumeRoleContext(ctx: OperationContext, input: AssumeRoleInput, mfaAt: Date | undefined): RequestContextKeys {
  const keys = globalContextKeys(ctx.caller, { now: ctx.now, sourceIp: ctx.sourceIp, region: ctx.region });
  if (mfaAt) {
    keys['aws:MultiFactorAuthPresent'] = 'true';
    keys['aws:MultiFactorAuthAge'] = String(Math.floor((ctx.now.getTime() - mfaAt.getTime()) / 1000));
  }
  keys['sts:RoleSessionName'] = input.sessionName;
  if (input.externalId !== undefined) keys['sts:ExternalId'] = input.externalId;
  if (input.sourceIdentity !== undefined) keys['sts:SourceIdentity'] = input.sourceIdentity;
  if (input.tags.keys.length > 0) {
    for (const [key, value] of Object.entries(input.tags.tags)) keys[`aws:RequestTag/${key}`] = value;
    keys['aws:TagKeys'] = input.tags.keys;
  }
  if (input.transitiveTagKeys.length > 0) keys['sts:TransitiveTagKeys'] = input.transitiveTagKeys;
  return keys;
}

function assumeRoleDuration(ctx: OperationContext, role: Role, requested: number | undefined): number {
  const chained = ctx.caller.kind === 'assumed-role';
  if (requested === undefined) return chained ? Math.min(ASSUME_ROLE_DURATION.default, ASSUME_ROLE_DURATION.chainedMax) : ASSUME_ROLE_DURATION.default;
  if (chained && requested > ASSUME_ROLE_DURATION.chainedMax) {
    throw new IamError('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  if (requested > role.maxSessionDuration) {
    throw new IamError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  return requested;
}

function statementsOf(document: string): unknown[] {
  const statement = (JSON.parse(document) as { Statement?: unknown }).Statement;
  return Array.isArray(statement) ? statement : [statement];
}

/**
 * The session policies (inline Policy and PolicyArns) as one document. Several session policies grant their union
 * (and any Deny in one applies), which is exactly what their statements do side by side in one policy.
 */
function sessionPolicyOf(ctx: OperationContext, input: AssumeRoleInput): string | undefined {
  const documents: string[] = input.policy !== undefined ? [input.policy] : [];
  for (const arn of input.policyArns) {
    const document = defaultPolicyDocument(ctx.state.db, arn);
    if (document === undefined) throw new IamError('InvalidParameterValue', `The policy ${arn} does not exist or is not attachable.`);
    documents.push(document);
  }
  if (documents.length === 0) return undefined;
  if (documents.length === 1) return documents[0];
  return JSON.stringify({ Version: '2012-10-17', Statement: documents.flatMap(statementsOf) });
}

/** PackedPolicySize: how much of the packed session policy + tags budget was used, in percent (AWS's figure is opaque). */
function packedPolicySize(input: AssumeRoleInput): number {
  const tagChars = Object.entries(input.tags.tags).reduce((n, [k, v]) => n + k.length + v.length, 0);
  const arnChars = input.policyArns.reduce((n, arn) => n + arn.length, 0);
  return Math.ceil((100 * ((input.policy?.replace(/\s+/g, '').length ?? 0) + arnChars + tagChars)) / 2048);
}

function assumeRole(input: AssumeRoleInput, ctx: OperationContext) {
  const caller = ctx.caller;
  if (caller.kind === 'root') throw new IamError('AccessDenied', 'Roles may not be assumed by root accounts.');
  if (input.policy !== undefined) assertPolicyDocument(input.policy, 'inline');
  const authorizer = ctx.authorizer;
  if (!authorizer) throw new Error('AssumeRole needs the server authorizer in its context');

  // Tag rules (transitive keys, no overriding inherited ones) are checked before the trust policy.
  const chainedTags = chainedSessionTags(caller, input);
  const mfaAt = verifyCallerMfa(ctx, input.serialNumber, input.tokenCode) ?? caller.mfaAuthenticatedAt;
  const role = roleOfArn(ctx, input.roleArn);
  const keys = assumeRoleContext(ctx, input, mfaAt);
  const trust = role ? [compilePolicy(role.assumeRolePolicy, { id: `${input.roleArn}/trust`, type: 'trust', name: 'trust policy' })] : [];
  const actions = ['sts:AssumeRole'];
  if (input.tags.keys.length > 0 || input.transitiveTagKeys.length > 0) actions.push('sts:TagSession');
  if (input.sourceIdentity !== undefined) actions.push('sts:SetSourceIdentity');
  for (const action of actions) {
    const { request, decision } = authorizer.decide(caller, { action, resource: input.roleArn }, keys, trust);
    if (!role || decision.decision !== 'allowed') {
      throw new IamError('AccessDenied', accessDeniedMessage(request, decision.decision === 'allowed' ? { ...decision, decision: 'implicitDeny' } : decision));
    }
  }
  const liveRole = role as Role;
  const sessionPolicy = sessionPolicyOf(ctx, input);
  const duration = assumeRoleDuration(ctx, liveRole, input.duration);
  const sessionTags = chainedTags?.tags;
  const session = createSession(ctx.state.db, {
    principal: {
      kind: 'role',
      roleId: liveRole.id,
      roleName: liveRole.name,
      rolePath: liveRole.path,
      sessionName: input.sessionName,
      sourceIdentity: input.sourceIdentity ?? caller.sourceIdentity,
      sessionPolicy,
      sessionTags,
      transitiveTagKeys: chainedTags?.transitive,
      chained: caller.kind === 'assumed-role',
    },
    issuedAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + duration * 1000),
    mfaAuthenticatedAt: mfaAt,
  });
  recordRoleUse(ctx.state.db, liveRole.name, ctx.now, ctx.region);
  const sourceIdentity = input.sourceIdentity ?? caller.sourceIdentity;
  return {
    Credentials: credentialsShape(session),
    AssumedRoleUser: {
      AssumedRoleId: `${liveRole.id}:${input.sessionName}`,
      Arn: `arn:aws:sts::${ctx.state.accountId}:assumed-role/${liveRole.name}/${input.sessionName}`,
    },
    PackedPolicySize: sessionPolicy !== undefined || sessionTags ? packedPolicySize(input) : undefined,
    SourceIdentity: sourceIdentity,
  };
}

export const stsOperations: OperationTable = {
  GetCallerIdentity: operation({
    service: 'sts',
    parse: noParameters,
    // Needs no permission and cannot be denied.
    authorize: () => [],
    handle: (_input, ctx) => ({ UserId: ctx.caller.userId, Account: ctx.caller.accountId, Arn: ctx.caller.arn }),
  }),

  GetSessionToken: operation({
    service: 'sts',
    parse: (params) => validateAll(
      () => durationParam(params, SESSION_TOKEN_DURATION),
      () => optionalString(params, 'SerialNumber', STS_SERIAL_NUMBER),
      () => optionalString(params, 'TokenCode', TOKEN_CODE),
    ),
    // Needs no permission either; but only long-term credentials may call it.
    authorize: () => [],
    handle([duration, serialNumber, tokenCode], ctx) {
      const caller = ctx.caller;
      // GetSessionToken credentials never get here (checkStsAccepts refuses them before parsing); assumed-role
      // credentials do, and AWS refuses them the same way.
      if (caller.temporary || caller.kind === 'assumed-role') {
        throw new IamError('AccessDenied', 'Cannot call GetSessionToken with session credentials');
      }
      const mfaAt = verifyCallerMfa(ctx, serialNumber, tokenCode);
      let seconds = duration ?? SESSION_TOKEN_DURATION.default;
      if (caller.kind === 'root') seconds = Math.min(seconds, SESSION_TOKEN_DURATION.rootMax);
      const session = createSession(ctx.state.db, {
        principal: sessionPrincipalOf(caller),
        issuedAt: ctx.now,
        expiresAt: new Date(ctx.now.getTime() + seconds * 1000),
        mfaAuthenticatedAt: mfaAt,
      });
      return { Credentials: credentialsShape(session) };
    },
  }),

  AssumeRole: operation({
    service: 'sts',
    parse: readAssumeRole,
    // Authorized inside the handler: the role's trust policy takes part in the decision.
    authorize: () => [],
    handle: assumeRole,
  }),
};
