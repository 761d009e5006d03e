// Account-level operations: CreateAccountAlias, DeleteAccountAlias, ListAccountAliases, GetAccountSummary.
import { XmlMap, noParameters, operation, type OperationDefinition, type QueryParams } from '../protocol/operation.ts';
import { ACCOUNT_ALIAS, pageRequest, paginate, requireString } from '../protocol/params.ts';
import { createAccountAlias, deleteAccountAlias, listAccountAliases } from '../model/account.ts';
import { getAccountSummary } from '../model/account-summary.ts';

const aliasParam = (params: QueryParams) => requireString(params, 'AccountAlias', ACCOUNT_ALIAS);

export const accountOperations: Record<string, OperationDefinition> = {
  CreateAccountAlias: operation({
    service: 'iam',
    parse: aliasParam,
    authorize: () => [{ action: 'iam:CreateAccountAlias', resource: '*' }],
    handle(alias, ctx) {
      createAccountAlias(ctx.state.db, alias);
      return undefined;
    },
  }),

  DeleteAccountAlias: operation({
    service: 'iam',
    parse: aliasParam,
    authorize: () => [{ action: 'iam:DeleteAccountAlias', resource: '*' }],
    handle(alias, ctx) {
      deleteAccountAlias(ctx.state.db, alias);
      return undefined;
    },
  }),

  ListAccountAliases: operation({
    service: 'iam',
    parse: pageRequest,
    authorize: () => [{ action: 'iam:ListAccountAliases', resource: '*' }],
    handle(pageRequested, ctx) {
      const page = paginate(listAccountAliases(ctx.state.db), pageRequested);
      return { AccountAliases: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  }),

  GetAccountSummary: operation({
    service: 'iam',
    parse: noParameters,
    authorize: () => [{ action: 'iam:GetAccountSummary', resource: '*' }],
    handle(_input, ctx) {
      return { SummaryMap: new XmlMap(Object.entries(getAccountSummary(ctx.state.db))) };
    },
  }),
};
