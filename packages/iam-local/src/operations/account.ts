// Account-level operations: CreateAccountAlias, DeleteAccountAlias, ListAccountAliases, GetAccountSummary.
import { XmlMap, type OperationDefinition, type QueryParams } from '../protocol/operation.ts';
import { ACCOUNT_ALIAS, paginate, requireString } from '../protocol/params.ts';
import { createAccountAlias, deleteAccountAlias, listAccountAliases } from '../model/account.ts';
import { getAccountSummary } from '../model/account-summary.ts';

const aliasParam = (params: QueryParams) => requireString(params, 'AccountAlias', ACCOUNT_ALIAS);

export const accountOperations: Record<string, OperationDefinition> = {
  CreateAccountAlias: {
    service: 'iam',
    validate: (params) => void aliasParam(params),
    authorize: () => [{ action: 'iam:CreateAccountAlias', resource: '*' }],
    handle(params, ctx) {
      createAccountAlias(ctx.state.db, aliasParam(params));
      return undefined;
    },
  },

  DeleteAccountAlias: {
    service: 'iam',
    validate: (params) => void aliasParam(params),
    authorize: () => [{ action: 'iam:DeleteAccountAlias', resource: '*' }],
    handle(params, ctx) {
      deleteAccountAlias(ctx.state.db, aliasParam(params));
      return undefined;
    },
  },

  ListAccountAliases: {
    service: 'iam',
    authorize: () => [{ action: 'iam:ListAccountAliases', resource: '*' }],
    handle(params, ctx) {
      const page = paginate(listAccountAliases(ctx.state.db), params);
      return { AccountAliases: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  },

  GetAccountSummary: {
    service: 'iam',
    authorize: () => [{ action: 'iam:GetAccountSummary', resource: '*' }],
    handle(_params, ctx) {
      return { SummaryMap: new XmlMap(Object.entries(getAccountSummary(ctx.state.db))) };
    },
  },
};
