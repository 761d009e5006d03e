// GetAccountAuthorizationDetails: users, groups, roles and managed policies with their policies, paginated as
// one list across the four kinds.
import { operation, type OperationDefinition, type XmlValue } from '../protocol/operation.ts';
import { encodePolicyDocument, pageRequest, stringListParam, validateAll } from '../protocol/params.ts';
import { IamError } from '../errors.ts';
import { decodeMarker, encodeMarker } from '../model/keyset-page.ts';
import { authorizationDetails, type AuthorizationDetail, type DetailFilter, type PrincipalDetail } from '../model/authorization-details.ts';
import { policyNameOf } from '../model/attachments.ts';
import { instanceProfilesOfRole } from '../model/instance-profiles.ts';
import { boundaryShape, groupShape, instanceProfileShape, policyShape, roleShape, userShape } from './entity-shapes.ts';

const FILTERS = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;

type Shape = { [key: string]: XmlValue };

function policies(detail: PrincipalDetail): { inline: Shape[]; attached: Shape[] } {
  return {
    inline: detail.inline.map((p) => ({ PolicyName: p.name, PolicyDocument: encodePolicyDocument(p.document) })),
    attached: detail.attachedArns.map((arn) => ({ PolicyName: policyNameOf(arn), PolicyArn: arn })),
  };
}

/** The listing position a marker of ours stands for. */
function offsetOf(marker: string): number {
  const offset = Number(decodeMarker(marker));
  if (!Number.isSafeInteger(offset) || offset < 0) throw new IamError('ValidationError', 'Invalid Marker.');
  return offset;
}

export const authorizationDetailsOperations: Record<string, OperationDefinition> = {
  GetAccountAuthorizationDetails: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => stringListParam(params, 'Filter', {}, { oneOf: FILTERS }) as DetailFilter[],
      () => pageRequest(params),
    ),
    authorize: () => [{ action: 'iam:GetAccountAuthorizationDetails', resource: '*' }],
    handle([filter, request], ctx) {
      const { db, accountId } = ctx.state;
      const offset = request.marker === undefined ? 0 : offsetOf(request.marker);
      const page = authorizationDetails(db, filter, { offset, limit: request.maxItems });
      const end = offset + page.items.length;
      const of = <K extends AuthorizationDetail['kind']>(kind: K) =>
        page.items.filter((d): d is Extract<AuthorizationDetail, { kind: K }> => d.kind === kind);
      return {
        UserDetailList: of('user').map((d) => {
          const { inline, attached } = policies(d);
          return {
            ...userShape(db, accountId, d.user),
            UserPolicyList: inline,
            GroupList: d.groupNames,
            AttachedManagedPolicies: attached,
            PermissionsBoundary: boundaryShape(d.user.boundaryArn),
            Tags: d.tags,
          };
        }),
        GroupDetailList: of('group').map((d) => {
          const { inline, attached } = policies(d);
          return { ...groupShape(accountId, d.group), GroupPolicyList: inline, AttachedManagedPolicies: attached };
        }),
        RoleDetailList: of('role').map((d) => {
          const { inline, attached } = policies(d);
          const role = roleShape(db, accountId, d.role);
          return {
            Path: role.Path,
            RoleName: role.RoleName,
            RoleId: role.RoleId,
            Arn: role.Arn,
            CreateDate: role.CreateDate,
            AssumeRolePolicyDocument: role.AssumeRolePolicyDocument,
            InstanceProfileList: instanceProfilesOfRole(db, d.role.id).items.map((profile) => instanceProfileShape(db, accountId, profile, 'never')),
            RolePolicyList: inline,
            AttachedManagedPolicies: attached,
            PermissionsBoundary: boundaryShape(d.role.boundaryArn),
            Tags: d.tags,
            RoleLastUsed: d.role.lastUsedDate ? { LastUsedDate: new Date(d.role.lastUsedDate), Region: d.role.lastUsedRegion ?? undefined } : {},
          };
        }),
        Policies: of('policy').map((d) => ({
          ...policyShape(db, d.policy.policy, { counts: d.policy, description: true }),
          PolicyVersionList: d.versions.map((v) => ({
            Document: encodePolicyDocument(v.document),
            VersionId: v.versionId,
            IsDefaultVersion: v.isDefault,
            CreateDate: new Date(v.createDate),
          })),
        })),
        IsTruncated: end < page.total,
        Marker: end < page.total ? encodeMarker(String(end)) : undefined,
      };
    },
  }),
};
