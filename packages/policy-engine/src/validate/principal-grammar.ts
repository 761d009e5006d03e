// Principal / NotPrincipal: where they may appear (kind of policy) and what their values may look like.
import type { Node } from 'jsonc-parser';
import type { CheckContext } from './context.ts';
import { keyOf, valueOf, jsonTypeName, type PrincipalElement, type PrincipalEntry, type PrincipalType } from './model.ts';
import { looksLikePlaceholder } from './placeholder.ts';
import { didYouMean } from './suggest.ts';

const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
const ACCOUNT_ID = /^\d{12}$/;
const PRINCIPAL_ARN = /^arn:[a-z-]+:(iam::(\d{12}|aws):(root|user\/.+|role\/.+|federated-user\/.+)|iam::cloudfront:user\/.+|sts::\d{12}:(assumed-role\/.+|federated-user\/.+))$/;
/** IAM shows a deleted principal by its unique ID (AIDA… user, AROA… role) and accepts the document with it. */
const UNIQUE_ID = /^(AIDA|AROA|AIPA|ANPA|ANVA|AGPA)[A-Z0-9]{12,}$/;
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com|amazonaws\.com\.cn|amazon\.com|c2s\.ic\.gov|sc2s\.sgov\.gov)$/;
const FEDERATED_ARN = /^arn:[a-z-]+:iam::\d{12}:(saml-provider|oidc-provider)\/.+$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/.*)?$/i;
const CANONICAL_USER = /^[0-9a-f]{64}$/i;

function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

function checkValue(ctx: CheckContext, type: PrincipalType, value: string, node: Node): void {
  if (value.includes('${')) return; // reported by the policy-variable checks
  switch (type) {
    case 'AWS':
      if (value === '*' || ACCOUNT_ID.test(value) || UNIQUE_ID.test(value) || (PRINCIPAL_ARN.test(value) && !hasWildcard(value))) return;
      if (hasWildcard(value)) ctx.report('UNSUPPORTED_WILDCARD_IN_PRINCIPAL', node, `Wildcards are not allowed inside a principal (${value}); use "*" alone with a condition such as aws:PrincipalArn instead.`);
      else if (looksLikePlaceholder(value)) ctx.report('INVALID_PRINCIPAL_FORMAT', node, `The AWS principal ${value} looks like a placeholder; IAM rejects it on save. Replace it with a 12-digit account ID or an ARN.`);
      else if (value.trim() !== value) ctx.report('INVALID_PRINCIPAL_FORMAT', node, `The AWS principal ${JSON.stringify(value)} has leading or trailing spaces; IAM rejects it on save. Remove them.`);
      else ctx.report('INVALID_PRINCIPAL_FORMAT', node, `The AWS principal ${value} is not valid; use a 12-digit account ID or the ARN of an account root, user or role.`);
      return;
    case 'Service':
      if (SERVICE_PRINCIPAL.test(value)) return;
      if (hasWildcard(value)) ctx.report('UNSUPPORTED_WILDCARD_IN_PRINCIPAL', node, `Wildcards are not allowed in a service principal (${value}).`);
      else ctx.report('INVALID_SERVICE_PRINCIPAL_FORMAT', node, `The service principal ${value} is not valid; it looks like ec2.amazonaws.com.`);
      return;
    case 'Federated':
      if (FEDERATED_ARN.test(value) || (DOMAIN.test(value) && !value.startsWith('arn:'))) return;
      ctx.report('INVALID_PRINCIPAL_FORMAT', node, `The federated principal ${value} is not valid; use a SAML or OIDC provider ARN or an identity provider such as cognito-identity.amazonaws.com.`);
      return;
    case 'CanonicalUser':
      if (!CANONICAL_USER.test(value)) ctx.report('INVALID_PRINCIPAL_FORMAT', node, `The canonical user ID ${value} is not valid; it is 64 hexadecimal characters.`);
  }
}

function principalValues(ctx: CheckContext, type: PrincipalType, valueNode: Node, entries: PrincipalEntry[]): void {
  const items = valueNode.type === 'array' ? (valueNode.children ?? []) : [valueNode];
  if (valueNode.type === 'array' && items.length === 0) ctx.report('EMPTY_ARRAY_PRINCIPAL', valueNode, `The ${type} principal list is empty; add principals or remove it.`);
  for (const item of items) {
    if (item.type !== 'string') {
      ctx.report('DATA_TYPE_MISMATCH', item, `A ${type} principal must be a string${valueNode.type === 'array' ? '' : ' or a list of strings'}, not ${jsonTypeName(item)}.`);
      continue;
    }
    const value = item.value as string;
    checkValue(ctx, type, value, item);
    entries.push({ type, value, node: item });
  }
}

/**
 * Checks the Principal or NotPrincipal `property` of a statement (undefined when it has neither) and returns its
 * valid entries. `anchor` is where a missing principal is reported.
 */
export function checkPrincipalElement(ctx: CheckContext, property: Node | undefined, anchor: Node): PrincipalElement | undefined {
  const identityLike = ctx.kind === 'identity' || ctx.kind === 'boundary';
  if (!property) {
    if (!identityLike) ctx.report('MISSING_PRINCIPAL', anchor, `Add a Principal element: a ${ctx.kind} policy must say who it applies to.`);
    return undefined;
  }
  const keyNode = keyOf(property);
  const valueNode = valueOf(property);
  const name = keyNode?.value as 'Principal' | 'NotPrincipal';
  if (!keyNode || !valueNode) return undefined;
  if (identityLike) {
    ctx.report('UNSUPPORTED_PRINCIPAL', keyNode, `${name} is not supported in ${ctx.kind === 'identity' ? 'an identity policy' : 'a permissions boundary'}: the principal is the user, group or role the policy is attached to. Remove it.`);
    return undefined;
  }
  if (ctx.kind === 'trust' && name === 'NotPrincipal') {
    ctx.report('ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL', keyNode, 'NotPrincipal is not supported in a role trust policy; name the allowed principals in Principal.');
  }
  const entries: PrincipalEntry[] = [];
  if (valueNode.type === 'string') {
    if (valueNode.value === '*') entries.push({ type: undefined, value: '*', node: valueNode });
    else ctx.report('INVALID_PRINCIPAL_FORMAT', valueNode, `${name} as a string may only be "*"; write {"AWS": ${JSON.stringify(valueNode.value)}} for an account or ARN.`);
  } else if (valueNode.type === 'object') {
    const properties = valueNode.children ?? [];
    if (properties.length === 0) ctx.report('EMPTY_OBJECT_PRINCIPAL', valueNode, `The ${name} object is empty; name at least one principal.`);
    for (const typeProperty of properties) {
      const typeKey = keyOf(typeProperty);
      const typeValue = valueOf(typeProperty);
      const type = PRINCIPAL_TYPES.find((t) => t === typeKey?.value);
      if (!typeKey || !typeValue) continue;
      if (!type) {
        ctx.report('INVALID_PRINCIPAL_KEY', typeKey, `The principal type ${String(typeKey.value)} is not valid; use AWS, Service, Federated or CanonicalUser.${didYouMean(String(typeKey.value), PRINCIPAL_TYPES)}`);
        continue;
      }
      principalValues(ctx, type, typeValue, entries);
    }
    // IAM refuses a statement whose Principal names no one ("a statement with no principals").
    const named = properties.some((p) => { const v = valueOf(p); return v !== undefined && (v.type !== 'array' || (v.children?.length ?? 0) > 0); });
    if (!named) ctx.report('MISSING_PRINCIPAL', valueNode, `The ${name} element names no principal; a ${ctx.kind} policy must say who it applies to.`);
  } else {
    ctx.report('DATA_TYPE_MISMATCH', valueNode, `${name} must be "*" or an object such as {"AWS": "123456789012"}, not ${jsonTypeName(valueNode)}.`);
  }
  return { name, keyNode, valueNode, entries };
}
