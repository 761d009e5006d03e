// Virtual MFA operations: CreateVirtualMFADevice, EnableMFADevice, ResyncMFADevice, DeactivateMFADevice,
// DeleteVirtualMFADevice, ListMFADevices, ListVirtualMFADevices. Seeds and QR codes are blobs (base64) on the wire.
import { operation, type OperationContext, type OperationDefinition, type QueryParams, type XmlValue } from '../protocol/operation.ts';
import {
  AUTHENTICATION_CODE,
  SERIAL_NUMBER,
  USER_NAME,
  VIRTUAL_MFA_DEVICE_NAME,
  pageRequest,
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

interface DeviceInput {
  userName: string | undefined;
  serialNumber: string;
}

interface DeviceCodesInput extends DeviceInput {
  code1: string;
  code2: string;
}

/** UserName (optional: the caller's own) and SerialNumber. */
function deviceParams(params: QueryParams): DeviceInput {
  const [userName, serialNumber] = validateAll(
    () => userNameParam(params),
    () => requireString(params, 'SerialNumber', SERIAL_NUMBER),
  );
  return { userName, serialNumber };
}

/** UserName (required by the API model), SerialNumber and the two consecutive authentication codes. */
function deviceCodeParams(params: QueryParams): DeviceCodesInput {
  const [userName, serialNumber, code1, code2] = validateAll(
    () => requireString(params, 'UserName', USER_NAME),
    () => requireString(params, 'SerialNumber', SERIAL_NUMBER),
    () => requireString(params, 'AuthenticationCode1', AUTHENTICATION_CODE),
    () => requireString(params, 'AuthenticationCode2', AUTHENTICATION_CODE),
  );
  return { userName, serialNumber, code1, code2 };
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
  CreateVirtualMFADevice: operation({
    service: 'iam',
    parse: createParams,
    authorize(params, ctx) {
      const resource = mfaSerialNumber(ctx.state.accountId, params.Path ?? '/', params.VirtualMFADeviceName ?? '');
      const tags = requestTagContext(params);
      return [
        { action: 'iam:CreateVirtualMFADevice', resource, context: tags },
        ...(Object.keys(tags).length > 0 ? [{ action: 'iam:TagMFADevice', resource, context: tags }] : []),
      ];
    },
    async handle({ name, path, tags }, ctx) {
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
  }),

  EnableMFADevice: operation({
    service: 'iam',
    parse: deviceCodeParams,
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:EnableMFADevice', params)],
    handle({ userName, serialNumber, code1, code2 }, ctx) {
      enableMfaDevice(ctx.state.db, ownerOf(userName, ctx), serialNumber, code1, code2, ctx.now);
      return undefined;
    },
  }),

  ResyncMFADevice: operation({
    service: 'iam',
    parse: deviceCodeParams,
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:ResyncMFADevice', params)],
    handle({ userName, serialNumber, code1, code2 }, ctx) {
      resyncMfaDevice(ctx.state.db, ownerOf(userName, ctx), serialNumber, code1, code2, ctx.now);
      return undefined;
    },
  }),

  DeactivateMFADevice: operation({
    service: 'iam',
    parse: deviceParams,
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:DeactivateMFADevice', params)],
    handle({ userName, serialNumber }, ctx) {
      deactivateMfaDevice(ctx.state.db, ownerOf(userName, ctx), serialNumber);
      return undefined;
    },
  }),

  DeleteVirtualMFADevice: operation({
    service: 'iam',
    parse: (params) => requireString(params, 'SerialNumber', SERIAL_NUMBER),
    authorize: (params) => [{ action: 'iam:DeleteVirtualMFADevice', resource: params.SerialNumber ?? '*' }],
    handle(serialNumber, ctx) {
      deleteVirtualMfaDevice(ctx.state.db, serialNumber);
      return undefined;
    },
  }),

  ListMFADevices: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => userNameParam(params),
      () => pageRequest(params),
    ),
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:ListMFADevices', params)],
    handle([userName, pageRequested], ctx) {
      const owner = ownerOf(userName, ctx);
      const page = paginate(listMfaDevices(ctx.state.db, owner), pageRequested);
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
  }),

  ListVirtualMFADevices: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => (optionalString(params, 'AssignmentStatus', ASSIGNMENT_STATUS) ?? 'Any') as AssignmentStatus,
      () => pageRequest(params),
    ),
    authorize: (_params, ctx) => [{ action: 'iam:ListVirtualMFADevices', resource: `arn:aws:iam::${ctx.state.accountId}:mfa/` }],
    handle([status, pageRequested], ctx) {
      const page = paginate(listVirtualMfaDevices(ctx.state.db, status), pageRequested);
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
  }),
};
