// Console password operations: Create/Get/Update/DeleteLoginProfile (an administrator) and ChangePassword (the
// calling IAM user). The account password policy is enforced by the model on every new password.
import { operation, type OperationDefinition, type QueryParams } from '../protocol/operation.ts';
import { IamError } from '../errors.ts';
import { PASSWORD, optionalBoolean, optionalString, requireString, validateAll } from '../protocol/params.ts';
import { changePassword, createLoginProfile, deleteLoginProfile, getLoginProfile, updateLoginProfile, type LoginProfile } from '../model/login-profiles.ts';
import { requireUserOwner } from '../model/credential-owner.ts';
import { ownerTarget, userNameParam, userOwnerOf } from './credential-params.ts';
import { authorizeWithPasswordGrant, passwordGrantApplies } from './password-grant.ts';

function profileShape(profile: LoginProfile) {
  return { UserName: profile.userName, CreateDate: profile.createDate, PasswordResetRequired: profile.passwordResetRequired };
}

function createParams(params: QueryParams) {
  const [userName, password, resetRequired] = validateAll(
    () => userNameParam(params),
    () => requireString(params, 'Password', PASSWORD),
    () => optionalBoolean(params, 'PasswordResetRequired'),
  );
  return { userName, password, resetRequired: resetRequired ?? false };
}

function updateParams(params: QueryParams) {
  const [userName, password, resetRequired] = validateAll(
    () => userNameParam(params),
    () => optionalString(params, 'Password', PASSWORD),
    () => optionalBoolean(params, 'PasswordResetRequired'),
  );
  return { userName, password, resetRequired };
}

function changeParams(params: QueryParams): [string, string] {
  return validateAll(
    () => requireString(params, 'OldPassword', PASSWORD),
    () => requireString(params, 'NewPassword', PASSWORD),
  );
}

export const loginProfileOperations: Record<string, OperationDefinition> = {
  CreateLoginProfile: operation({
    service: 'iam',
    parse: createParams,
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:CreateLoginProfile', params)],
    async handle({ userName, password, resetRequired }, ctx) {
      const profile = await createLoginProfile(ctx.state.db, userOwnerOf(userName, ctx), { password, passwordResetRequired: resetRequired, now: ctx.now });
      return { LoginProfile: profileShape(profile) };
    },
  }),

  GetLoginProfile: operation({
    service: 'iam',
    parse: userNameParam,
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:GetLoginProfile', params)],
    handle(userName, ctx) {
      return { LoginProfile: profileShape(getLoginProfile(ctx.state.db, userOwnerOf(userName, ctx))) };
    },
  }),

  UpdateLoginProfile: operation({
    service: 'iam',
    parse: updateParams,
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:UpdateLoginProfile', params)],
    async handle({ userName, password, resetRequired }, ctx) {
      await updateLoginProfile(ctx.state.db, userOwnerOf(userName, ctx), { password, passwordResetRequired: resetRequired, now: ctx.now });
      return undefined;
    },
  }),

  DeleteLoginProfile: operation({
    service: 'iam',
    parse: userNameParam,
    authorize: (params, ctx) => [ownerTarget(ctx, 'iam:DeleteLoginProfile', params)],
    handle(userName, ctx) {
      deleteLoginProfile(ctx.state.db, userOwnerOf(userName, ctx));
      return undefined;
    },
  }),

  ChangePassword: operation({
    service: 'iam',
    parse: changeParams,
    authorize(_params, ctx) {
      // Decided in handle when the account-level grant applies (password-grant.ts).
      if (passwordGrantApplies(ctx)) return [];
      return [{ action: 'iam:ChangePassword', resource: ctx.caller.arn }];
    },
    async handle([oldPassword, newPassword], ctx) {
      if (ctx.caller.kind !== 'user' || ctx.caller.userName === undefined) {
        throw new IamError('InvalidUserType', 'Only IAM users can change their own password with ChangePassword; the root user changes it in the console.');
      }
      if (passwordGrantApplies(ctx)) authorizeWithPasswordGrant(ctx, { action: 'iam:ChangePassword', resource: ctx.caller.arn });
      const user = requireUserOwner(ctx.state.db, ctx.caller.userName);
      await changePassword(ctx.state.db, user, oldPassword, newPassword, ctx.now);
      return undefined;
    },
  }),
};
