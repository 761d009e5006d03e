// Parameter readers shared by the entity operations (on top of protocol/params.ts).
import type { QueryParams } from '../protocol/operation.ts';
import { IamError } from '../errors.ts';
import { ARN, PATH, PATH_PREFIX, POLICY_DOCUMENT, optionalString, requireString } from '../protocol/params.ts';

const POLICY_ARN = /^arn:aws:iam::(\d{12}|aws):policy\/(?:[\u0021-\u007E]*\/)?[\w+=,.@-]+$/;

const PATH_SHAPE = new RegExp(`^(?:${PATH.pattern})$`, 'u');

/**
 * `Path`, default `/`. Its length is model validation (reported with the other members); a path of the wrong form
 * gets IAM's own sentence instead of the pattern, as AWS answers CreateVirtualMFADevice (localstack's recorded
 * snapshots, test_iam_mfa) — taken to hold for every entity's path.
 */
export function pathParam(params: QueryParams, name = 'Path'): string {
  const path = optionalString(params, name, { min: PATH.min, max: PATH.max });
  if (path === undefined) return '/';
  if (!PATH_SHAPE.test(path)) {
    throw new IamError(
      'ValidationError',
      'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
    );
  }
  return path;
}

export function pathPrefixParam(params: QueryParams): string | undefined {
  return optionalString(params, 'PathPrefix', PATH_PREFIX);
}

/**
 * A managed policy ARN, refused in AWS's words (localstack's recorded snapshots, test_iam_roles): "ARN x is not
 * valid." as ValidationError when x is no ARN at all (`longpolicynamebutnoarn`), as InvalidInput when it is an ARN of
 * something else (`arn:aws:iam::…:not_a_policy/invalid`).
 */
export function policyArnParam(params: QueryParams, name = 'PolicyArn'): string {
  const arn = requireString(params, name, ARN);
  if (!POLICY_ARN.test(arn)) {
    const isArn = arn.startsWith('arn:') && arn.split(':').length >= 6;
    throw new IamError(isArn ? 'InvalidInput' : 'ValidationError', `ARN ${arn} is not valid.`);
  }
  return arn;
}

/** Optional permissions boundary ARN (its existence is checked by the handler: requireBoundaryPolicy). */
export function boundaryParam(params: QueryParams, name = 'PermissionsBoundary'): string | undefined {
  return params[name] === undefined ? undefined : policyArnParam(params, name);
}

export function documentParam(params: QueryParams, name = 'PolicyDocument'): string {
  return requireString(params, name, POLICY_DOCUMENT);
}
