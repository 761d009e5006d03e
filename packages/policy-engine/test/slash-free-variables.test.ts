// Which ARN template variables cannot stand for a "/": the rule (derived from the templates' shapes), its
// exceptions, and what it changes for RESOURCE_MATCHES_NO_ACTION on real policies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileArnTemplate, compilePolicyArn, patternsIntersect } from '../src/catalog/arn-pattern.ts';
import { createCatalog } from '../src/catalog/catalog.ts';
import type { CatalogData } from '../src/catalog/catalog-data.ts';
import { CATALOG_FILE } from '../src/catalog/load-node.ts';
import { slashFreeIn, slashFreeVariables, slashFreeVariablesOf } from '../src/catalog/slash-free-variables.ts';
import { catalog, codesOf, doc, validate } from './validate-helpers.ts';
import { readRealPolicy, REAL_POLICY_FILES } from './fixtures/real-policies.ts';

describe('slashFreeVariables', () => {
  const keys = slashFreeVariables([
    'arn:${Partition}:s3:::${BucketName}',
    'arn:${Partition}:s3:::${BucketName}/${ObjectName}',
    'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}',
    'arn:${Partition}:events:${Region}:${Account}:rule/${EventBusName}/${RuleName}',
  ]);

  it('takes a variable followed by "/" for one path segment of its service', () => {
    expect(keys.has('s3:BucketName')).toBe(true);
    expect(keys.has('s3:ObjectName')).toBe(false);
    expect(keys.has('iam:RoleNameWithPath')).toBe(false);
  });

  it('keys variables by the service of the ARN, so a name means nothing in another service', () => {
    const isSlashFree = (template: string, name: string) => slashFreeIn(template, keys)(name);
    expect(isSlashFree('arn:${Partition}:s3:::${BucketName}', 'BucketName')).toBe(true);
    expect(isSlashFree('arn:${Partition}:s3-outposts:${Region}:${Account}:bucket/${BucketName}', 'BucketName')).toBe(false);
  });

  it('keeps the documented names that contain "/" despite the template, and adds the named ones', () => {
    expect(keys.has('events:EventBusName')).toBe(false);
    expect(keys.has('lambda:FunctionName')).toBe(true);
    expect(keys.has('sqs:QueueName')).toBe(true);
  });
});

describe('compileArnTemplate with slash-free variables', () => {
  const intersects = (template: string, arn: string, slashFree: (name: string) => boolean = () => false) =>
    patternsIntersect(compileArnTemplate(template, slashFree), compilePolicyArn(arn));

  it('lets a slash-free variable match a segment and a policy wildcard, never a "/"', () => {
    const bucket = 'arn:${Partition}:s3:::${BucketName}';
    const slashFree = (name: string) => name === 'BucketName';
    expect(intersects(bucket, 'arn:aws:s3:::my-bucket', slashFree)).toBe(true);
    expect(intersects(bucket, 'arn:aws:s3:::my-*', slashFree)).toBe(true);
    expect(intersects(bucket, 'arn:aws:s3:::*', slashFree)).toBe(true);
    expect(intersects(bucket, 'arn:aws:s3:::my-bucket/*', slashFree)).toBe(false);
    expect(intersects(bucket, 'arn:aws:s3:::my-bucket/*')).toBe(true);
  });

  it('never lets partition, region or account stand for a "/"', () => {
    expect(intersects('arn:${Partition}:sqs:${Region}:${Account}:queue', 'arn:aws:sqs:us-east-1:a/b:queue')).toBe(false);
    expect(intersects('arn:${Partition}:sqs:${Region}:${Account}:queue', 'arn:aws:sqs:us-east-1:*:queue')).toBe(true);
  });
});

describe('catalog: ARN matching with slash-free names', () => {
  const names = (action: string, arn: string) => catalog.resourceTypesMatchingArn(action, arn).map((rt) => rt.name);

  it('keeps S3 buckets and objects apart', () => {
    expect(names('s3:ListBucket', 'arn:aws:s3:::my-bucket/*')).toEqual([]);
    expect(names('s3:ListBucket', 'arn:aws:s3:::my-bucket')).toEqual(['bucket']);
    expect(names('s3:ListBucket', 'arn:aws:s3:::my-bucket*')).toEqual(['bucket']);
    expect(names('s3:GetObject', 'arn:aws:s3:::my-bucket')).toEqual([]);
    expect(names('s3:GetObject', 'arn:aws:s3:::my-bucket/*')).toEqual(['object']);
    expect(names('s3:GetObject', 'arn:aws:s3:::my-bucket/reports/2024/*')).toEqual(['object']);
  });

  it('keeps a DynamoDB table apart from its indexes, and a Lambda function from paths', () => {
    expect(names('dynamodb:GetItem', 'arn:aws:dynamodb:us-east-1:111122223333:table/Music/index/*')).toEqual([]);
    expect(names('dynamodb:Query', 'arn:aws:dynamodb:us-east-1:111122223333:table/Music/index/*')).toEqual(['index']);
    expect(names('lambda:InvokeFunction', 'arn:aws:lambda:us-east-1:111122223333:function:app/*')).toEqual([]);
    expect(names('lambda:InvokeFunction', 'arn:aws:lambda:us-east-1:111122223333:function:app:*')).toEqual(['function']);
  });

  it('still lets names with paths match: IAM paths, log groups, SSM parameters, partner event buses, federated Glue databases, v2 load balancers', () => {
    expect(names('iam:GetRole', 'arn:aws:iam::111122223333:role/service/team/app')).toEqual(['role']);
    expect(names('logs:DeleteLogGroup', 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/app')).toEqual(['log-group']);
    expect(names('logs:PutLogEvents', 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/app:*')).toEqual(['log-stream']);
    expect(names('ssm:GetParameter', 'arn:aws:ssm:us-east-1:111122223333:parameter/app/prod/db-url')).toEqual(['parameter']);
    expect(names('kms:CreateAlias', 'arn:aws:kms:us-east-1:111122223333:alias/app/prod')).toContain('alias');
    expect(names('ecr:GetDownloadUrlForLayer', 'arn:aws:ecr:us-east-1:111122223333:repository/team/app')).toEqual(['repository']);
    expect(names('secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf')).toEqual(['Secret']);
    expect(names('events:PutEvents', 'arn:aws:events:us-east-1:111122223333:event-bus/aws.partner/example.com/123/orders')).toEqual(['event-bus']);
    expect(names('glue:GetDatabase', 'arn:aws:glue:us-east-1:111122223333:database/s3tablescatalog/bucket/ns')).toContain('database');
    expect(names('elasticloadbalancing:AddTags', 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188')).not.toEqual([]);
  });
});

describe('the slash-free keys in the catalog file', () => {
  const data = JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as CatalogData;

  it('are what the rule derives from the templates', () => {
    expect(data.sf).toEqual(slashFreeVariablesOf(data.s));
    expect(data.sf).toContain('s3:BucketName');
  });

  it('are derived on first use by a catalog file built without them', () => {
    const { sf: _dropped, ...withoutKeys } = data;
    const older = createCatalog(withoutKeys);
    expect(older.resourceTypesMatchingArn('s3:ListBucket', 'arn:aws:s3:::my-bucket/*')).toEqual([]);
    expect(older.resourceTypesMatchingArn('s3:ListBucket', 'arn:aws:s3:::my-bucket').map((rt) => rt.name)).toEqual(['bucket']);
  });
});

describe('RESOURCE_MATCHES_NO_ACTION for bucket and object ARNs', () => {
  const statement = (Action: string | string[], Resource: string | string[]) => doc({ Effect: 'Allow', Action, Resource });

  it('reports s3:ListBucket on the objects of a bucket, at the ARN', () => {
    const text = statement('s3:ListBucket', 'arn:aws:s3:::my-bucket/*');
    const [finding] = validate(text).filter((f) => f.issueCode === 'RESOURCE_MATCHES_NO_ACTION');
    expect(finding?.findingType).toBe('WARNING');
    expect(text.slice(finding!.range.offset, finding!.range.offset + finding!.range.length)).toBe('"arn:aws:s3:::my-bucket/*"');
    expect(finding?.message).toMatch(/s3:ListBucket/);
  });

  it('reports s3:GetObject on the bucket itself', () => {
    expect(codesOf(statement('s3:GetObject', 'arn:aws:s3:::my-bucket'))).toContain('RESOURCE_MATCHES_NO_ACTION');
  });

  it('leaves the standard pattern clean: ListBucket on the bucket, GetObject on its objects', () => {
    const text = doc(
      { Sid: 'List', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-bucket' },
      { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::my-bucket/*' },
    );
    expect(validate(text)).toEqual([]);
    // One statement for both: each ARN matches one of the actions, which is what IAM needs.
    expect(codesOf(statement(['s3:ListBucket', 's3:GetObject'], ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*']))).toEqual([]);
  });

  it('gives none of the real-world policies this finding', () => {
    const files = REAL_POLICY_FILES;
    const found = files.flatMap((file) => {
      const kind = file.startsWith('guide-trust-') ? 'trust' : 'identity';
      return validate(readRealPolicy(file), { kind }).filter((f) => f.issueCode === 'RESOURCE_MATCHES_NO_ACTION').map((f) => `${file}: ${f.message}`);
    });
    expect(files.length).toBeGreaterThan(20);
    expect(found).toEqual([]);
  });
});
