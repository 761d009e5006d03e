// /api/me: "My security credentials", the signed-in principal's own access keys, MFA devices and password.
// Every call is about the caller (never a user named in the request), so a self-service policy allows it.
import type { Request, Response, Router } from 'express';
import * as contract from '@iam-console/api-contract/me.ts';
import { audited } from '../audit/audit-middleware.ts';
import type { AwsClientFactory } from '../aws/clients.ts';
import { ApiError } from '../http/api-error.ts';
import { awsFor } from '../http/locals.ts';
import { resourceRouter } from '../http/path-names.ts';
import { body, params } from '../http/validate.ts';
import type { CredentialCipher } from '../session/credential-cipher.ts';
import type { SessionClients } from '../session/session-clients.ts';
import * as state from '../session/self-service-state.ts';
import { createOwnAccessKey, deleteOwnAccessKey, setOwnAccessKeyStatus } from '../services/self-service/access-keys.ts';
import { callerOf } from '../services/self-service/caller.ts';
import { deactivateOwnAccessKey } from '../services/self-service/deactivate-key.ts';
import * as mfa from '../services/self-service/mfa.ts';
import { securityCredentials } from '../services/self-service/overview.ts';
import { changeOwnPassword } from '../services/self-service/password.ts';

export interface MeRouterOptions {
  cipher: CredentialCipher;
  makeClients: AwsClientFactory;
  sessionClients: SessionClients;
}

/** Audit target: the caller, and the key or device when the path names one. */
const target = (req: Request) => {
  const self = req.session.auth?.identity.arn ?? '';
  const item = req.params.accessKeyId ?? req.params.serialNumber ?? (req.body as { serialNumber?: unknown } | undefined)?.serialNumber;
  return typeof item === 'string' ? `${self} ${item}` : self;
};

export function meRouter(options: MeRouterOptions): Router {
  const { cipher } = options;
  const router = resourceRouter();
  const caller = (res: Response) => callerOf(res.locals.identity);

  router.get('/security-credentials', async (req, res) => {
    const sessionKey = state.sessionAccessKey(req.session, req.sessionID, cipher);
    res.json(await securityCredentials(awsFor(res).iam, caller(res), sessionKey?.accessKeyId));
  });

  router.post('/access-keys', audited('CreateAccessKey', target), async (req, res) => {
    const { description } = body(req, contract.createOwnAccessKeyRequest);
    const created = await createOwnAccessKey(awsFor(res).iam, caller(res), description);
    state.keepCreatedAccessKey(req.session, req.sessionID, cipher, created);
    res.status(201).json(created);
  });

  router.patch('/access-keys/:accessKeyId', audited('UpdateAccessKey', target), async (req, res) => {
    caller(res);
    const { accessKeyId } = params(req, contract.ownAccessKeyParams);
    const { status, confirm } = body(req, contract.updateOwnAccessKeyRequest);
    const iam = awsFor(res).iam;
    if (status === 'Active') {
      await setOwnAccessKeyStatus(iam, accessKeyId, 'Active');
      res.json({ session: 'kept' });
      return;
    }
    const outcome = await deactivateOwnAccessKey(iam, accessKeyId, confirm === true, {
      makeClients: options.makeClients,
      sessionKeyId: state.sessionAccessKey(req.session, req.sessionID, cipher)?.accessKeyId,
      createdKeys: state.createdAccessKeys(req.session, req.sessionID, cipher),
    });
    if (outcome.newSessionKey) state.switchSessionKey(req.session, req.sessionID, cipher, outcome.newSessionKey);
    if (outcome.session === 'ended') {
      // Confirmed: the session's key no longer works, so the sign-in is over (the SPA goes to sign-in).
      options.sessionClients.forget(req.sessionID);
      delete req.session.auth;
    }
    res.json({ session: outcome.session });
  });

  router.delete('/access-keys/:accessKeyId', audited('DeleteAccessKey', target), async (req, res) => {
    const { accessKeyId } = params(req, contract.ownAccessKeyParams);
    await deleteOwnAccessKey(awsFor(res).iam, caller(res), accessKeyId);
    state.forgetCreatedAccessKey(req.session, accessKeyId);
    res.status(204).end();
  });

  router.post('/mfa-devices/virtual', audited('CreateVirtualMFADevice', target), async (req, res) => {
    caller(res);
    const { deviceName } = body(req, contract.createVirtualMfaDeviceRequest);
    const device = await mfa.createOwnVirtualMfaDevice(awsFor(res).iam, deviceName);
    state.addPendingMfaDevice(req.session, device.serialNumber);
    res.status(201).json(device);
  });

  router.delete('/mfa-devices/virtual/:serialNumber', audited('DeleteVirtualMFADevice', target), async (req, res) => {
    const { serialNumber } = params(req, contract.ownMfaDeviceParams);
    if (!state.isPendingMfaDevice(req.session, serialNumber)) {
      throw new ApiError(409, 'NotPendingMfaDevice', `${serialNumber} is not a device this session started to assign; only those are deleted when an assignment is cancelled.`);
    }
    await mfa.deletePendingMfaDevice(awsFor(res).iam, serialNumber);
    state.dropPendingMfaDevice(req.session, serialNumber);
    res.status(204).end();
  });

  router.post('/mfa-devices', audited('EnableMFADevice', target), async (req, res) => {
    const input = body(req, contract.enableMfaDeviceRequest);
    await mfa.enableOwnMfaDevice(awsFor(res).iam, caller(res), input.serialNumber, input.authenticationCode1, input.authenticationCode2);
    state.dropPendingMfaDevice(req.session, input.serialNumber);
    res.status(204).end();
  });

  router.post('/mfa-devices/:serialNumber/resync', audited('ResyncMFADevice', target), async (req, res) => {
    const { serialNumber } = params(req, contract.ownMfaDeviceParams);
    const codes = body(req, contract.resyncMfaDeviceRequest);
    await mfa.resyncOwnMfaDevice(awsFor(res).iam, caller(res), serialNumber, codes.authenticationCode1, codes.authenticationCode2);
    res.status(204).end();
  });

  router.delete('/mfa-devices/:serialNumber', audited('DeactivateMFADevice', target), async (req, res) => {
    const { serialNumber } = params(req, contract.ownMfaDeviceParams);
    res.json(await mfa.removeOwnMfaDevice(awsFor(res).iam, caller(res), serialNumber));
  });

  router.put('/password', audited('ChangePassword', target), async (req, res) => {
    caller(res);
    const { oldPassword, newPassword } = body(req, contract.changePasswordRequest);
    await changeOwnPassword(awsFor(res).iam, oldPassword, newPassword);
    // The endpoint lifts a reset-required sign-in's restriction on the same credentials once the password is new.
    if (req.session.auth?.passwordResetRequired) delete req.session.auth.passwordResetRequired;
    res.status(204).end();
  });

  return router;
}
