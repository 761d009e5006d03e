// The account password policy: GetAccountPasswordPolicy, UpdateAccountPasswordPolicy, DeleteAccountPasswordPolicy.
import { noParameters, operation, type OperationDefinition, type QueryParams } from '../protocol/operation.ts';
import { optionalBoolean, optionalInt, validateAll } from '../protocol/params.ts';
import {
  PASSWORD_POLICY_RANGES,
  deletePasswordPolicy,
  requirePasswordPolicy,
  updatePasswordPolicy,
  type PasswordPolicyUpdate,
} from '../model/password-policy.ts';
import { authorizeWithPasswordGrant, passwordGrantApplies } from './password-grant.ts';

// In the order AWS lists their failures (recorded: minimumPasswordLength, passwordReusePrevention, maxPasswordAge).
const INT_FIELDS = ['MinimumPasswordLength', 'PasswordReusePrevention', 'MaxPasswordAge'] as const;
const BOOLEAN_FIELDS = [
  'RequireSymbols',
  'RequireNumbers',
  'RequireUppercaseCharacters',
  'RequireLowercaseCharacters',
  'AllowUsersToChangePassword',
  'HardExpiry',
] as const;

/** Every field at once, so all range and type errors are reported together as AWS does. */
function updateParams(params: QueryParams): PasswordPolicyUpdate {
  const values = validateAll<(number | boolean | undefined)[]>(
    ...INT_FIELDS.map((field) => () => optionalInt(params, field, PASSWORD_POLICY_RANGES[field])),
    ...BOOLEAN_FIELDS.map((field) => () => optionalBoolean(params, field)),
  );
  const fields = [...INT_FIELDS, ...BOOLEAN_FIELDS];
  return Object.fromEntries(fields.map((field, i) => [field, values[i]])) as PasswordPolicyUpdate;
}

const GET_TARGET = { action: 'iam:GetAccountPasswordPolicy', resource: '*' };

export const passwordPolicyOperations: Record<string, OperationDefinition> = {
  GetAccountPasswordPolicy: operation({
    service: 'iam',
    parse: noParameters,
    authorize: (_params, ctx) => (passwordGrantApplies(ctx) ? [] : [GET_TARGET]),
    handle(_input, ctx) {
      if (passwordGrantApplies(ctx)) authorizeWithPasswordGrant(ctx, GET_TARGET);
      const policy = requirePasswordPolicy(ctx.state.db, ctx.state.accountId);
      // AWS leaves HardExpiry out unless it is on (recorded GetAccountPasswordPolicy answers).
      return { PasswordPolicy: { ...policy, HardExpiry: policy.HardExpiry ? true : undefined } };
    },
  }),

  UpdateAccountPasswordPolicy: operation({
    service: 'iam',
    parse: updateParams,
    authorize: () => [{ action: 'iam:UpdateAccountPasswordPolicy', resource: '*' }],
    handle(update, ctx) {
      updatePasswordPolicy(ctx.state.db, update);
      return undefined;
    },
  }),

  DeleteAccountPasswordPolicy: operation({
    service: 'iam',
    parse: noParameters,
    authorize: () => [{ action: 'iam:DeleteAccountPasswordPolicy', resource: '*' }],
    handle(_input, ctx) {
      deletePasswordPolicy(ctx.state.db);
      return undefined;
    },
  }),
};
