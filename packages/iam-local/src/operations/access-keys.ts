// Access key operations: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed.
// Without UserName they act on the caller's own keys (root: the root user's keys).
import type { OperationContext, OperationDefinition, QueryParams, XmlValue } from '../protocol/operation.ts';
import { ACCESS_KEY_ID, STATUS, paginate, requireString, validateAll } from '../protocol/params.ts';
import {
  createAccessKey,
  deleteAccessKey,
  findAccessKey,
  getAccessKeyLastUsed,
  listAccessKeys,
  updateAccessKeyStatus,
  type AccessKeyMetadata,
  type AccessKeyStatus,
} from '../model/access-keys.ts';
import { entityArn } from '../model/names.ts';
import { ownerOf, ownerTarget, userNameParam } from './credential-params.ts';

function keyShape(key: AccessKeyMetadata): { [key: string]: XmlValue } {
  return { UserName: key.userName, AccessKeyId: key.accessKeyId, Status: key.status, CreateDate: key.createDate };
}

function keyIdAndStatus(params: QueryParams): [string, AccessKeyStatus] {
  const [, accessKeyId, status] = validateAll(
    () => userNameParam(params),
    () => requireString(params, 'AccessKeyId', ACCESS_KEY_ID),
    () => requireString(params, 'Status', STATUS),
  );
  return [accessKeyId, status as AccessKeyStatus];
}

function keyId(params: QueryParams): string {
  const [, accessKeyId] = validateAll(
    () => userNameParam(params),
    () => requireString(params, 'AccessKeyId', ACCESS_KEY_ID),
  );
  return accessKeyId;
}

/** GetAccessKeyLastUsed is authorized on the key's owner (root keys: the account's root ARN). */
function keyOwnerArn(ctx: OperationContext, accessKeyId: string | undefined): string {
  const key = accessKeyId ? findAccessKey(ctx.state.db, accessKeyId) : undefined;
  if (!key) return '*';
  if (key.owner.kind === 'root') return `arn:aws:iam::${ctx.state.accountId}:root`;
  return entityArn(ctx.state.accountId, 'user', key.owner.path, key.owner.userName);
}

export const accessKeyOperations: Record<string, OperationDefinition> = {
  CreateAccessKey: {
    service: 'iam',
    validate: (params) => void userNameParam(params),
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:CreateAccessKey', params)],
    handle(params, ctx) {
      const key = createAccessKey(ctx.state.db, ownerOf(params, ctx), { now: ctx.now });
      return { AccessKey: { ...keyShape(key), SecretAccessKey: key.secretAccessKey } };
    },
  },

  ListAccessKeys: {
    service: 'iam',
    validate: (params) => void userNameParam(params),
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:ListAccessKeys', params)],
    handle(params, ctx) {
      const page = paginate(listAccessKeys(ctx.state.db, ownerOf(params, ctx)), params);
      return { AccessKeyMetadata: page.items.map(keyShape), IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  },

  UpdateAccessKey: {
    service: 'iam',
    validate: (params) => void keyIdAndStatus(params),
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:UpdateAccessKey', params)],
    handle(params, ctx) {
      const [accessKeyId, status] = keyIdAndStatus(params);
      updateAccessKeyStatus(ctx.state.db, ownerOf(params, ctx), accessKeyId, status);
      return undefined;
    },
  },

  DeleteAccessKey: {
    service: 'iam',
    validate: (params) => void keyId(params),
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:DeleteAccessKey', params)],
    handle(params, ctx) {
      deleteAccessKey(ctx.state.db, ownerOf(params, ctx), keyId(params));
      return undefined;
    },
  },

  GetAccessKeyLastUsed: {
    service: 'iam',
    validate: (params) => void requireString(params, 'AccessKeyId', ACCESS_KEY_ID),
    authorize: (params, ctx) => [{ action: 'iam:GetAccessKeyLastUsed', resource: keyOwnerArn(ctx, params.AccessKeyId) }],
    handle(params, ctx) {
      const used = getAccessKeyLastUsed(ctx.state.db, requireString(params, 'AccessKeyId', ACCESS_KEY_ID));
      return {
        UserName: used.userName,
        AccessKeyLastUsed: { LastUsedDate: used.lastUsedDate, ServiceName: used.serviceName, Region: used.region },
      };
    },
  },
};
