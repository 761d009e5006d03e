// Access key operations: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed.
// Without UserName they act on the caller's own keys (root: the root user's keys).
import { operation, type OperationContext, type OperationDefinition, type QueryParams, type XmlValue } from '../protocol/operation.ts';
import { ACCESS_KEY_ID, STATUS, pageRequest, paginate, requireString, validateAll } from '../protocol/params.ts';
import {
  createAccessKey,
  deleteAccessKey,
  findAccessKey,
  findAccessKeyLastUsed,
  listAccessKeys,
  updateAccessKeyStatus,
  type AccessKeyMetadata,
  type AccessKeyStatus,
} from '../model/access-keys.ts';
import { entityArn } from '../model/names.ts';
import { IamError } from '../errors.ts';
import { ownerOf, ownerTarget, userNameParam } from './credential-params.ts';

function keyShape(key: AccessKeyMetadata): { [key: string]: XmlValue } {
  return { UserName: key.userName, AccessKeyId: key.accessKeyId, Status: key.status, CreateDate: key.createDate };
}

function keyIdAndStatus(params: QueryParams): [string | undefined, string, AccessKeyStatus] {
  const [userName, accessKeyId, status] = validateAll(
    () => userNameParam(params),
    () => requireString(params, 'AccessKeyId', ACCESS_KEY_ID),
    () => requireString(params, 'Status', STATUS),
  );
  return [userName, accessKeyId, status as AccessKeyStatus];
}

function keyId(params: QueryParams): [string | undefined, string] {
  return validateAll(
    () => userNameParam(params),
    () => requireString(params, 'AccessKeyId', ACCESS_KEY_ID),
  );
}

/** GetAccessKeyLastUsed is authorized on the key's owner (root keys: the account's root ARN). */
function keyOwnerArn(ctx: OperationContext, accessKeyId: string | undefined): string {
  const key = accessKeyId ? findAccessKey(ctx.state.db, accessKeyId) : undefined;
  if (!key) return '*';
  if (key.owner.kind === 'root') return `arn:aws:iam::${ctx.state.accountId}:root`;
  return entityArn(ctx.state.accountId, 'user', key.owner.path, key.owner.userName);
}

export const accessKeyOperations: Record<string, OperationDefinition> = {
  CreateAccessKey: operation({
    service: 'iam',
    parse: userNameParam,
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:CreateAccessKey', params)],
    handle(userName, ctx) {
      const key = createAccessKey(ctx.state.db, ownerOf(userName, ctx), { now: ctx.now });
      return { AccessKey: { ...keyShape(key), SecretAccessKey: key.secretAccessKey } };
    },
  }),

  ListAccessKeys: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => userNameParam(params),
      () => pageRequest(params),
    ),
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:ListAccessKeys', params)],
    handle([userName, pageRequested], ctx) {
      const page = paginate(listAccessKeys(ctx.state.db, ownerOf(userName, ctx)), pageRequested);
      return { AccessKeyMetadata: page.items.map(keyShape), IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  }),

  UpdateAccessKey: operation({
    service: 'iam',
    parse: keyIdAndStatus,
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:UpdateAccessKey', params)],
    handle([userName, accessKeyId, status], ctx) {
      updateAccessKeyStatus(ctx.state.db, ownerOf(userName, ctx), accessKeyId, status);
      return undefined;
    },
  }),

  DeleteAccessKey: operation({
    service: 'iam',
    parse: keyId,
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:DeleteAccessKey', params)],
    handle([userName, accessKeyId], ctx) {
      deleteAccessKey(ctx.state.db, ownerOf(userName, ctx), accessKeyId);
      return undefined;
    },
  }),

  GetAccessKeyLastUsed: operation({
    service: 'iam',
    parse: (params) => requireString(params, 'AccessKeyId', ACCESS_KEY_ID),
    authorize: (params, ctx) => [{ action: 'iam:GetAccessKeyLastUsed', resource: keyOwnerArn(ctx, params.AccessKeyId) }],
    handle(accessKeyId, ctx) {
      // A key IAM does not know is refused as not authorized, not as missing (AWS's recorded answer).
      const used = findAccessKeyLastUsed(ctx.state.db, accessKeyId);
      if (!used) {
        throw new IamError('AccessDenied', `User: ${ctx.caller.arn} is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key ${accessKeyId}`);
      }
      return {
        UserName: used.userName,
        AccessKeyLastUsed: { LastUsedDate: used.lastUsedDate, ServiceName: used.serviceName, Region: used.region },
      };
    },
  }),
};
