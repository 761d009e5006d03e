// CreateServiceLinkedRole, DeleteServiceLinkedRole, GetServiceLinkedRoleDeletionStatus.
import { operation, type OperationDefinition, type QueryParams } from '../protocol/operation.ts';
import { ROLE_DESCRIPTION, ROLE_NAME, optionalString, requireString, validateAll, type StringRule } from '../protocol/params.ts';
import {
  createServiceLinkedRole,
  deleteServiceLinkedRole,
  deletionTaskRoleArn,
  deletionTaskStatus,
  serviceLinkedRoleName,
  serviceRolePath,
} from '../model/service-linked-roles.ts';
import { entityArn } from '../model/names.ts';
import { createdRoleShape } from './entity-shapes.ts';
import { roleTarget } from './targets.ts';

// Shapes of the IAM API model: AWSServiceName is a groupNameType, CustomSuffix a customSuffixType.
const SERVICE_NAME: StringRule = { pattern: '[\\w+=,.@-]+', min: 1, max: 128 };
const CUSTOM_SUFFIX: StringRule = { pattern: '[\\w+=,.@-]+', min: 1, max: 64 };
const DELETION_TASK_ID: StringRule = { min: 1, max: 1000 };

export const serviceLinkedRoleOperations: Record<string, OperationDefinition> = {
  CreateServiceLinkedRole: operation({
    service: 'iam',
    parse: (params) => validateAll(
      () => requireString(params, 'AWSServiceName', SERVICE_NAME),
      () => optionalString(params, 'Description', ROLE_DESCRIPTION),
      () => optionalString(params, 'CustomSuffix', CUSTOM_SUFFIX),
    ),
    authorize(params, ctx) {
      const service = params.AWSServiceName ?? '';
      let name: string;
      try {
        name = serviceLinkedRoleName(service, params.CustomSuffix);
      } catch {
        name = serviceLinkedRoleName(service, undefined);
      }
      const resource = entityArn(ctx.state.accountId, 'role', serviceRolePath(service), name);
      return [{ action: 'iam:CreateServiceLinkedRole', resource, context: { 'iam:AWSServiceName': service } }];
    },
    handle([service, description, customSuffix], ctx) {
      const role = createServiceLinkedRole(ctx.state.db, { service, description, customSuffix }, ctx.now);
      return { Role: createdRoleShape(ctx.state.db, ctx.state.accountId, role) };
    },
  }),

  DeleteServiceLinkedRole: operation({
    service: 'iam',
    parse: (params: QueryParams) => requireString(params, 'RoleName', ROLE_NAME),
    authorize: (params, ctx) => [roleTarget(ctx, 'iam:DeleteServiceLinkedRole', params)],
    handle(name, ctx) {
      return { DeletionTaskId: deleteServiceLinkedRole(ctx.state.db, name, ctx.now) };
    },
  }),

  GetServiceLinkedRoleDeletionStatus: operation({
    service: 'iam',
    parse: (params: QueryParams) => requireString(params, 'DeletionTaskId', DELETION_TASK_ID),
    authorize: (params, ctx) => [
      { action: 'iam:GetServiceLinkedRoleDeletionStatus', resource: deletionTaskRoleArn(ctx.state.accountId, params.DeletionTaskId ?? '') },
    ],
    handle(taskId, ctx) {
      const task = deletionTaskStatus(ctx.state.db, taskId);
      return { Status: task.status, Reason: task.reason === null ? undefined : { Reason: task.reason } };
    },
  }),
};
