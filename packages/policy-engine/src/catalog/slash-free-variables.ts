// Which variables of the catalog's ARN templates stand for text without a "/". The catalog names its variables
// but never says what they may hold, and names mislead: IAM's ${RoleNameWithPath}, S3's ${ObjectName}, KMS's
// ${Alias}, CloudWatch Logs' ${LogGroupName} and ECR's ${RepositoryName} all contain slashes. The templates'
// structure does tell: where a service's ARN follows a variable with "/" (s3's ${BucketName}/${ObjectName},
// dynamodb's table/${TableName}/index/${IndexName}), the variable is one path segment, and the same name means
// the same thing in that service's other templates (s3's bucket ARN arn:${Partition}:s3:::${BucketName}).
// Being too strict costs a false RESOURCE_MATCHES_NO_ACTION, so the exceptions below are the documented
// names that contain "/" although a template puts a "/" after them.

import { ARN_TEMPLATE_PREFIX, type CompactService } from './catalog-data.ts';

/** The service field of a template, e.g. "s3" for arn:${Partition}:s3:::${BucketName}. */
function serviceOf(template: string): string {
  return template.split(':', 3)[2] ?? '';
}

/** `service:Variable` keys. */
type VariableKey = string;

/**
 * Variables that hold a "/" in real ARNs although a template puts one after them:
 * - EventBridge partner event buses and sources: "aws.partner/example.com/123/orders";
 * - budget names: any text without ":" or "\";
 * - Glue databases of a federated catalog: database/s3tablescatalog/BUCKET/NAMESPACE;
 * - load balancers: the catalog files Classic and v2 under one prefix and gives shared actions (AddTags,
 *   DeleteLoadBalancer…) only the Classic loadbalancer/${LoadBalancerName}, which must keep matching the v2
 *   loadbalancer/app/NAME/ID.
 */
const MAY_CONTAIN_SLASH: ReadonlySet<VariableKey> = new Set([
  'events:EventBusName',
  'events:EventSourceName',
  'budgets:BudgetName',
  'glue:DatabaseName',
  'elasticloadbalancing:LoadBalancerName',
]);

/**
 * Names whose templates never follow them with "/" but whose naming rules exclude it, common enough in policies
 * to matter: Lambda functions and layers, SQS queues and SNS topics (letters, digits, "-" and "_").
 */
const NAMED_WITHOUT_SLASH: readonly VariableKey[] = ['lambda:FunctionName', 'lambda:LayerName', 'sqs:QueueName', 'sns:TopicName'];

const SEGMENT_VARIABLE = /\$\{([^}]+)\}\//g;

/** Every `service:Variable` of the given full templates that cannot contain "/". */
export function slashFreeVariables(templates: Iterable<string>): ReadonlySet<VariableKey> {
  const keys = new Set<VariableKey>(NAMED_WITHOUT_SLASH);
  for (const template of templates) {
    for (const match of template.matchAll(SEGMENT_VARIABLE)) {
      const key = `${serviceOf(template)}:${match[1]}`;
      if (!MAY_CONTAIN_SLASH.has(key)) keys.add(key);
    }
  }
  return keys;
}

/** The keys for the templates of every service of a catalog, sorted (stored in the catalog file). */
export function slashFreeVariablesOf(services: readonly CompactService[]): string[] {
  const templates = services.flatMap((s) => s.r.flatMap(([, t]) => t.map((x) => ARN_TEMPLATE_PREFIX + x)));
  return [...slashFreeVariables(templates)].sort();
}

/** The test compileArnTemplate needs for one template: whether its variable `name` cannot contain "/". */
export function slashFreeIn(template: string, keys: ReadonlySet<VariableKey>): (name: string) => boolean {
  const service = serviceOf(template);
  return (name) => keys.has(`${service}:${name}`);
}
