// Virtual MFA operations: CreateVirtualMFADevice, EnableMFADevice, ResyncMFADevice, DeactivateMFADevice,
// DeleteVirtualMFADevice, ListMFADevices, ListVirtualMFADevices. Seeds and QR codes are blobs (base64) on the wire.
import type { OperationContext, OperationDefinition, QueryParams, XmlValue } from '../protocol/operation.ts';
import {
  AUTHENTICATION_CODE,
  SERIAL_NUMBER,
  USER_NAME,
  VIRTUAL_MFA_DEVICE_NAME,
  paginate,
  requireString,
  tagsParam,
  validateAll,
  optionalString,
} from '../protocol/params.ts';
import {
  createVirtualMfaDevice,
  deactivateMfaDevice,
  deleteVirtualMfaDevice,
  enableMfaDevice,
  listMfaDevices,
  listVirtualMfaDevices,
  MFA_TAG_RESOURCE,
  mfaSerialNumber,
  resyncMfaDevice,
  type AssignmentStatus,
  type MfaDeviceRow,
} from '../model/mfa.ts';
import { findUserById } from '../model/users.ts';
import { getAccount } from '../model/account.ts';
import { tagsShape, userShape } from './entity-shapes.ts';
import type { Tag } from '../model/tags.ts';
import { pathParam } from './entity-params.ts';
import { ownerOf, ownerTarget, userNameParam } from './credential-params.ts';
import { requestTagContext } from './targets.ts';

const ASSIGNMENT_STATUS = { oneOf: ['Assigned', 'Unassigned', 'Any'] } as const;

function createParams(params: QueryParams): { name: string; path: string; tags: Tag[] } {
  const [name, path, tags] = validateAll(
    () => requireString(params, 'VirtualMFADeviceName', VIRTUAL_MFA_DEVICE_NAME),
    () => pathParam(params),
    () => tagsParam(params),
  );
  return { name, path, tags };
}

/** UserName (optional: the caller's own), SerialNumber and, when `codes`, the two authentication codes. */
function deviceParams(params: QueryParams, codes: boolean): { serialNumber: string; code1: string; code2: string } {
  const [, serialNumber, code1, code2] = validateAll(
    () => userNameParam(params),
    () => requireString(params, 'SerialNumber', SERIAL_NUMBER),
    () => (codes ? requireString(params, 'AuthenticationCode1', AUTHENTICATION_CODE) : ''),
    () => (codes ? requireString(params, 'AuthenticationCode2', AUTHENTICATION_CODE) : ''),
  );
  return { serialNumber, code1, code2 };
}

/** Base64 of the text, as blobs travel in the Query protocol's XML. */
const blob = (data: Buffer | string) => Buffer.from(data).toString('base64');

function assignedUser(ctx: OperationContext, device: MfaDeviceRow): XmlValue {
  if (device.assignedTo === 'root') {
    const account = getAccount(ctx.state.db);
    return { UserId: ctx.state.accountId, Arn: `arn:aws:iam::${ctx.state.accountId}:root`, CreateDate: account?.createDate };
  }
  const user = device.userId ? findUserById(ctx.state.db, device.userId) : undefined;
  return user ? userShape(ctx.state.db, ctx.state.accountId, user) : undefined;
}

export const mfaOperations: Record<string, OperationDefinition> = {
  CreateVirtualMFADevice: {
    service: 'iam',
    validate: (params) => void createParams(params),
    authorize(params, ctx) {
      const resource = mfaSerialNumber(ctx.state.accountId, params.Path ?? '/', params.VirtualMFADeviceName ?? '');
      const tags = requestTagContext(params);
      return [
        { action: 'iam:CreateVirtualMFADevice', resource, context: tags },
        ...(Object.keys(tags).length > 0 ? [{ action: 'iam:TagMFADevice', resource, context: tags }] : []),
      ];
    },
    async handle(params, ctx) {
      const { name, path, tags } = createParams(params);
      const device = await createVirtualMfaDevice(ctx.state.db, { name, path, tags, now: ctx.now });
      return {
        VirtualMFADevice: {
          SerialNumber: device.serialNumber,
          Base32StringSeed: blob(device.base32Seed),
          QRCodePNG: blob(device.qrCodePng),
          Tags: tags.length > 0 ? tags : undefined,
        },
      };
    },
  },

  EnableMFADevice: {
    service: 'iam',
    validate: (params) => void validateAll(() => requireString(params, 'UserName', USER_NAME), () => deviceParams(params, true)),
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:EnableMFADevice', params)],
    handle(params, ctx) {
      const { serialNumber, code1, code2 } = deviceParams(params, true);
      enableMfaDevice(ctx.state.db, ownerOf(params, ctx), serialNumber, code1, code2, ctx.now);
      return undefined;
    },
  },

  ResyncMFADevice: {
    service: 'iam',
    validate: (params) => void validateAll(() => requireString(params, 'UserName', USER_NAME), () => deviceParams(params, true)),
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:ResyncMFADevice', params)],
    handle(params, ctx) {
      const { serialNumber, code1, code2 } = deviceParams(params, true);
      resyncMfaDevice(ctx.state.db, ownerOf(params, ctx), serialNumber, code1, code2, ctx.now);
      return undefined;
    },
  },

  DeactivateMFADevice: {
    service: 'iam',
    validate: (params) => void deviceParams(params, false),
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:DeactivateMFADevice', params)],
    handle(params, ctx) {
      deactivateMfaDevice(ctx.state.db, ownerOf(params, ctx), deviceParams(params, false).serialNumber);
      return undefined;
    },
  },

  DeleteVirtualMFADevice: {
    service: 'iam',
    validate: (params) => void requireString(params, 'SerialNumber', SERIAL_NUMBER),
    authorize: (params) => [{ action: 'iam:DeleteVirtualMFADevice', resource: params.SerialNumber ?? '*' }],
    handle(params, ctx) {
      deleteVirtualMfaDevice(ctx.state.db, requireString(params, 'SerialNumber', SERIAL_NUMBER));
      return undefined;
    },
  },

  ListMFADevices: {
    service: 'iam',
    validate: (params) => void userNameParam(params),
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:ListMFADevices', params)],
    handle(params, ctx) {
      const owner = ownerOf(params, ctx);
      const page = paginate(listMfaDevices(ctx.state.db, owner), params);
      return {
        MFADevices: page.items.map((device) => ({
          UserName: owner.kind === 'user' ? owner.userName : undefined,
          SerialNumber: device.serialNumber,
          EnableDate: device.enableDate,
        })),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
  },

  ListVirtualMFADevices: {
    service: 'iam',
    validate: (params) => void optionalString(params, 'AssignmentStatus', ASSIGNMENT_STATUS),
    authorize: (_params, ctx) => [{ action: 'iam:ListVirtualMFADevices', resource: `arn:aws:iam::${ctx.state.accountId}:mfa/` }],
    handle(params, ctx) {
      const status = (optionalString(params, 'AssignmentStatus', ASSIGNMENT_STATUS) ?? 'Any') as AssignmentStatus;
      const page = paginate(listVirtualMfaDevices(ctx.state.db, status), params);
      return {
        VirtualMFADevices: page.items.map((device) => ({
          SerialNumber: device.serialNumber,
          User: device.assignedTo ? assignedUser(ctx, device) : undefined,
          EnableDate: device.enableDate,
          Tags: tagsShape(ctx.state.db, MFA_TAG_RESOURCE, device.serialNumber),
        })),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
  },
};
