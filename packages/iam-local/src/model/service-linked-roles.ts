// Service-linked roles (IAM User Guide, "Using service-linked roles"): created for a service principal under
// /aws-service-role/<service>/, named by the service, trusted by it alone, with the service's AWS managed policy
// attached; nobody but the service changes them, and deleting one is a task whose status is asked for afterwards.
import { randomUUID } from 'node:crypto';
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { IamError } from '../errors.ts';
import { isoSeconds } from './names.ts';
import { byId, createRole, findRole, type Role } from './roles.ts';
import { awsManagedPolicy } from './aws-managed-policies.ts';
import { attachPolicy } from './attachments.ts';
import { bumpPolicyState } from './policy-state.ts';
import { dropTags } from './tags.ts';

interface LinkedService {
  /** The role's name without a suffix. */
  roleName: string;
  /** Name of the AWS managed policy under /aws-service-role/ the service attaches. */
  policy: string;
  /** Whether CreateServiceLinkedRole takes a CustomSuffix for this service (few do). */
  suffix: boolean;
}

// The services' own role names and policies, as their documentation lists them (IAM User Guide, "AWS services that
// work with IAM", and each service's "Using service-linked roles" page). Autoscaling, Amazon Connect and Lex V2 take
// a custom suffix; AWS refuses one for the others ("Custom suffix is not allowed for es.amazonaws.com").
const SERVICES: Readonly<Record<string, LinkedService>> = {
  'access-analyzer.amazonaws.com': { roleName: 'AWSServiceRoleForAccessAnalyzer', policy: 'AccessAnalyzerServiceRolePolicy', suffix: false },
  'acm.amazonaws.com': { roleName: 'AWSServiceRoleForCertificateManager', policy: 'CertificateManagerServiceRolePolicy', suffix: false },
  'autoscaling.amazonaws.com': { roleName: 'AWSServiceRoleForAutoScaling', policy: 'AutoScalingServiceRolePolicy', suffix: true },
  'backup.amazonaws.com': { roleName: 'AWSServiceRoleForBackup', policy: 'AWSBackupServiceLinkedRolePolicyForBackup', suffix: false },
  'cloudtrail.amazonaws.com': { roleName: 'AWSServiceRoleForCloudTrail', policy: 'CloudTrailServiceRolePolicy', suffix: false },
  'config.amazonaws.com': { roleName: 'AWSServiceRoleForConfig', policy: 'AWSConfigServiceRolePolicy', suffix: false },
  'connect.amazonaws.com': { roleName: 'AWSServiceRoleForAmazonConnect', policy: 'AmazonConnectServiceLinkedRolePolicy', suffix: true },
  'ecs.amazonaws.com': { roleName: 'AWSServiceRoleForECS', policy: 'AmazonECSServiceRolePolicy', suffix: false },
  'eks.amazonaws.com': { roleName: 'AWSServiceRoleForAmazonEKS', policy: 'AmazonEKSServiceRolePolicy', suffix: false },
  'elasticache.amazonaws.com': { roleName: 'AWSServiceRoleForElastiCache', policy: 'ElastiCacheServiceRolePolicy', suffix: false },
  'elasticbeanstalk.amazonaws.com': { roleName: 'AWSServiceRoleForElasticBeanstalk', policy: 'AWSElasticBeanstalkServiceRolePolicy', suffix: false },
  'elasticloadbalancing.amazonaws.com': {
    roleName: 'AWSServiceRoleForElasticLoadBalancing',
    policy: 'AWSElasticLoadBalancingServiceRolePolicy',
    suffix: false,
  },
  'es.amazonaws.com': { roleName: 'AWSServiceRoleForAmazonElasticsearchService', policy: 'AmazonElasticsearchServiceRolePolicy', suffix: false },
  'guardduty.amazonaws.com': { roleName: 'AWSServiceRoleForAmazonGuardDuty', policy: 'AmazonGuardDutyServiceRolePolicy', suffix: false },
  'lexv2.amazonaws.com': { roleName: 'AWSServiceRoleForLexV2Bots', policy: 'AmazonLexV2BotPolicy', suffix: true },
  'opensearchservice.amazonaws.com': { roleName: 'AWSServiceRoleForAmazonOpenSearchService', policy: 'AmazonOpenSearchServiceRolePolicy', suffix: false },
  'ops.apigateway.amazonaws.com': { roleName: 'AWSServiceRoleForAPIGateway', policy: 'APIGatewayServiceRolePolicy', suffix: false },
  'organizations.amazonaws.com': { roleName: 'AWSServiceRoleForOrganizations', policy: 'AWSOrganizationsServiceTrustPolicy', suffix: false },
  'rds.amazonaws.com': { roleName: 'AWSServiceRoleForRDS', policy: 'AmazonRDSServiceRolePolicy', suffix: false },
  'redshift.amazonaws.com': { roleName: 'AWSServiceRoleForRedshift', policy: 'AmazonRedshiftServiceLinkedRolePolicy', suffix: false },
  'securityhub.amazonaws.com': { roleName: 'AWSServiceRoleForSecurityHub', policy: 'AWSSecurityHubServiceRolePolicy', suffix: false },
  'spot.amazonaws.com': { roleName: 'AWSServiceRoleForEC2Spot', policy: 'AWSEC2SpotServiceRolePolicy', suffix: false },
  'ssm.amazonaws.com': { roleName: 'AWSServiceRoleForAmazonSSM', policy: 'AmazonSSMServiceRolePolicy', suffix: false },
  'sso.amazonaws.com': { roleName: 'AWSServiceRoleForSSO', policy: 'AWSSSOServiceRolePolicy', suffix: false },
  'trustedadvisor.amazonaws.com': { roleName: 'AWSServiceRoleForTrustedAdvisor', policy: 'AWSTrustedAdvisorServiceRolePolicy', suffix: false },
};

export const SERVICE_ROLE_PATH_PREFIX = '/aws-service-role/';

/** The role name and policy for a service; a service not in the table gets AWSServiceRoleFor<Name> and no policy. */
function linkedService(service: string): LinkedService | undefined {
  return Object.hasOwn(SERVICES, service) ? SERVICES[service] : undefined;
}

function genericRoleName(service: string): string {
  const first = service.split('.')[0] ?? service;
  return `AWSServiceRoleFor${first.charAt(0).toUpperCase()}${first.slice(1)}`;
}

/** The role a CreateServiceLinkedRole call would create (needs no state: the authorizer names it before the call). */
export function serviceLinkedRoleName(service: string, customSuffix: string | undefined): string {
  const known = linkedService(service);
  if (customSuffix !== undefined && known && !known.suffix) throw new IamError('InvalidInput', `Custom suffix is not allowed for ${service}`);
  const base = known?.roleName ?? genericRoleName(service);
  return customSuffix === undefined ? base : `${base}_${customSuffix}`;
}

export function serviceRolePath(service: string): string {
  return `${SERVICE_ROLE_PATH_PREFIX}${service}/`;
}

export function createServiceLinkedRole(
  db: Db,
  input: { service: string; customSuffix?: string | undefined; description?: string | undefined },
  now: Date,
): Role {
  const name = serviceLinkedRoleName(input.service, input.customSuffix);
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: input.service }, Action: 'sts:AssumeRole' }],
  });
  return db.transaction(() => {
    if (findRole(db, name)) throw new IamError('InvalidInput', `Service role name ${name} has been taken in this account, please try a different suffix.`);
    const role = createRole(db, { name, path: serviceRolePath(input.service), assumeRolePolicy: trust, description: input.description }, now);
    prepared(db, 'UPDATE iam_roles SET service_linked_service = ? WHERE id = ?').run(input.service, role.id);
    const policy = linkedService(input.service)?.policy;
    const policyArn = policy === undefined ? undefined : `arn:aws:iam::aws:policy/aws-service-role/${policy}`;
    if (policyArn !== undefined && awsManagedPolicy(policyArn)) attachPolicy(db, { type: 'role', id: role.id }, policyArn);
    return byId(db, role.id);
  })();
}

/** A role DeleteServiceLinkedRole may delete: it exists and is service-linked. */
export function requireServiceLinkedRole(db: Db, name: string): Role {
  const role = findRole(db, name);
  if (!role) throw new IamError('NoSuchEntity', `The role with name ${name} cannot be found.`);
  if (role.serviceLinkedService === null) throw new IamError('InvalidInput', `Role ${role.name} is not a service-linked role.`);
  return role;
}

/**
 * Deletes the role as its service would: its policies go with it, unless an instance profile still holds the role,
 * which fails the task (the role stays). Answers the task's id,
 * `task/aws-service-role/<service>/<role name>/<uuid>` as the API reference describes it.
 */
export function deleteServiceLinkedRole(db: Db, name: string, now: Date): string {
  return db.transaction(() => {
    const role = requireServiceLinkedRole(db, name);
    const taskId = `task${role.path}${role.name}/${randomUUID()}`;
    const held = prepared(db, 'SELECT 1 FROM iam_instance_profile_roles WHERE role_id = ? LIMIT 1').get(role.id) !== undefined;
    if (held) {
      prepared(db, "INSERT INTO iam_slr_deletion_tasks (id, status, reason, create_date) VALUES (?, 'FAILED', ?, ?)").run(
        taskId,
        'The role is in use by an instance profile.',
        isoSeconds(now),
      );
      return taskId;
    }
    prepared(db, "DELETE FROM iam_attachments WHERE principal_type = 'role' AND principal_id = ?").run(role.id);
    prepared(db, "DELETE FROM iam_inline_policies WHERE principal_type = 'role' AND principal_id = ?").run(role.id);
    prepared(db, 'DELETE FROM iam_roles WHERE id = ?').run(role.id);
    dropTags(db, 'role', role.id);
    bumpPolicyState(db);
    prepared(db, "INSERT INTO iam_slr_deletion_tasks (id, status, create_date) VALUES (?, 'SUCCEEDED', ?)").run(taskId, isoSeconds(now));
    return taskId;
  })();
}

export interface DeletionTaskStatus {
  status: 'SUCCEEDED' | 'FAILED';
  reason: string | null;
}

export function deletionTaskStatus(db: Db, taskId: string): DeletionTaskStatus {
  const row = prepared(db, 'SELECT status, reason FROM iam_slr_deletion_tasks WHERE id = ?').get(taskId) as DeletionTaskStatus | undefined;
  if (!row) throw new IamError('NoSuchEntity', `Deletion task ${taskId} cannot be found.`);
  return row;
}

/** The role ARN a deletion task id names (`task/aws-service-role/<service>/<name>/<uuid>`), for authorization. */
export function deletionTaskRoleArn(accountId: string, taskId: string): string {
  const match = /^task(\/aws-service-role\/[^/]+\/)([^/]+)\/[^/]+$/.exec(taskId);
  return match ? `arn:aws:iam::${accountId}:role${match[1]}${match[2]}` : `arn:aws:iam::${accountId}:role/aws-service-role/*`;
}
