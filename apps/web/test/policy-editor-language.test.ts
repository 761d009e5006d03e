// Completion and hovers of the policy editor, from the real action catalog (as the policy worker runs them).
import { describe, expect, it } from 'vitest';
import { loadCatalogSync } from '@iam-console/policy-engine/catalog/load-node.ts';
import { arnTemplateSnippet, completePolicy, conditionKeySnippet } from '../src/components/policy-editor/service/completion.ts';
import { hoverPolicy } from '../src/components/policy-editor/service/hover.ts';

const catalog = loadCatalogSync();
/** The text with `|` removed, and the cursor's offset. */
const at = (text: string) => ({ text: text.replace('|', ''), offset: text.indexOf('|') });
const complete = (text: string, kind: 'identity' | 'trust' = 'identity') => {
  const { text: plain, offset } = at(text);
  return completePolicy(plain, offset, kind, catalog);
};
const labels = (text: string, kind: 'identity' | 'trust' = 'identity') => complete(text, kind)?.items.map((i) => i.label) ?? [];

describe('completion', () => {
  it('offers service prefixes in an Action string, then that service\'s actions with access level and description', () => {
    const services = complete('{"Statement": [{"Action": "ia|"}]}');
    expect(services?.items.find((i) => i.label === 'iam')).toMatchObject({ kind: 'service', insertText: 'iam:', detail: 'AWS Identity and Access Management (IAM)', retrigger: true });
    const actions = complete('{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "iam:Get|"]}]}');
    const text = '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "iam:Get"]}]}';
    expect(actions?.from).toBe(text.indexOf('iam:Get'));
    expect(actions?.to).toBe(text.indexOf('iam:Get') + 'iam:Get'.length);
    const getUser = actions?.items.find((i) => i.label === 'iam:GetUser');
    expect(getUser).toMatchObject({ kind: 'action', insertText: 'iam:GetUser', detail: 'Read' });
    expect(getUser?.documentation).toMatch(/user/i);
    expect(actions?.items[0]?.label).toBe('iam:*');
  });

  it('completes an unterminated string while it is typed', () => {
    const result = complete('{"Statement": [{"Action": "iam:Li|,\n"Resource": "*"}]}');
    expect(result?.items.some((i) => i.label === 'iam:ListUsers')).toBe(true);
    // Only what was typed is replaced, not the rest of the line the open string runs into.
    const text = '{"Statement": [{"Action": "iam:Li,\n"Resource": "*"}]}';
    expect([result?.from, result?.to]).toEqual([text.indexOf('iam:Li'), text.indexOf('iam:Li') + 6]);
  });

  it('offers Allow and Deny for Effect, 2012-10-17 for Version, quoted when outside a string', () => {
    expect(labels('{"Statement": [{"Effect": "|"}]}')).toEqual(['Allow', 'Deny']);
    expect(complete('{"Statement": [{"Effect": |}]}')?.items[0]?.insertText).toBe('"Allow"');
    expect(labels('{"Version": "|"}')).toEqual(['2012-10-17']);
  });

  it('offers the elements of the document and of a statement for its kind', () => {
    expect(labels('{"|"}')).toEqual(['Version', 'Statement', 'Id']);
    expect(labels('{"Statement": [{"|"}]}')).toEqual(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
    expect(labels('{"Statement": [{"|"}]}', 'trust')).toEqual(['Sid', 'Effect', 'Principal', 'Action', 'NotAction', 'Condition']);
    const outside = complete('{"Statement": {|}}');
    expect(outside?.items.find((i) => i.label === 'Effect')).toMatchObject({ insertText: '"Effect": "$0"', snippet: true });
  });

  it('offers condition operators, then global keys and the statement\'s own keys, then Bool values', () => {
    expect(labels('{"Statement": [{"Condition": {"|"}}]}')).toEqual(expect.arrayContaining(['StringEquals', 'ForAnyValue:StringLike', 'BoolIfExists', 'Null']));
    const keys = complete('{"Statement": [{"Action": "s3:GetObject", "Condition": {"StringEquals": {"|"}}}]}');
    const names = keys?.items.map((i) => i.label) ?? [];
    expect(names).toEqual(expect.arrayContaining(['aws:username', 'aws:SourceIp', 's3:ExistingObjectTag/<key>', 'aws:ResourceTag/${TagKey}']));
    expect(keys?.items.find((i) => i.label === 'aws:ResourceTag/${TagKey}')?.insertText).toBe('aws:ResourceTag/${1:TagKey}');
    expect(conditionKeySnippet('s3:ExistingObjectTag/<key>')).toBe('s3:ExistingObjectTag/${1:key}');
    expect(labels('{"Statement": [{"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "|"}}}]}')).toEqual(['true', 'false']);
  });

  it('offers * and the ARN templates of the statement\'s actions as Resource', () => {
    const result = complete('{"Statement": [{"Action": "iam:GetUser", "Resource": "|"}]}');
    expect(result?.items[0]?.label).toBe('*');
    expect(result?.items.find((i) => i.detail === 'iam:user')?.insertText).toBe('arn:aws:iam::${1:Account}:user/${2:UserNameWithPath}');
    expect(arnTemplateSnippet('arn:${Partition}:s3:::${BucketName}/${ObjectName}')).toBe('arn:aws:s3:::${1:BucketName}/${2:ObjectName}');
  });

  it('offers nothing where nothing is known to fit, and what needs no catalog without one', () => {
    expect(complete('{"Statement": [{"Sid": "|"}]}')).toBeNull();
    const { text, offset } = at('{"Statement": [{"Effect": "|"}]}');
    expect(completePolicy(text, offset, 'identity', undefined)?.items.map((i) => i.label)).toEqual(['Allow', 'Deny']);
    const action = at('{"Statement": [{"Action": "iam:|"}]}');
    expect(completePolicy(action.text, action.offset, 'identity', undefined)).toBeNull();
  });
});

describe('hover', () => {
  const hover = (text: string) => {
    const { text: plain, offset } = at(text);
    return hoverPolicy(plain, offset, catalog);
  };

  it('describes an action: access level, description and resource types', () => {
    const result = hover('{"Statement": [{"Action": ["iam:Get|User"]}]}');
    expect(result?.contents[0]).toBe('**iam:GetUser** — Read');
    expect(result?.contents[2]).toBe('Resource types: user (required)');
    const text = '{"Statement": [{"Action": ["iam:GetUser"]}]}';
    expect([result?.from, result?.to]).toEqual([text.indexOf('"iam:GetUser"'), text.indexOf('"iam:GetUser"') + 13]);
  });

  it('counts what a wildcard stands for', () => {
    const expected = catalog.expandActionPattern('iam:Get*').length;
    const result = hover('{"Statement": [{"Action": "iam:Get|*"}]}');
    expect(result?.contents[0]).toBe(`**iam:Get\\*** matches ${expected} actions.`);
    expect(result?.contents[1]?.split('\n').at(-1)).toBe(`- … and ${expected - 10} more`);
    expect(hover('{"Statement": [{"Action": "iam:Nothing|*"}]}')?.contents).toEqual(['**iam:Nothing\\*** matches no action.']);
  });

  it('describes condition keys and operators, and says nothing elsewhere', () => {
    expect(hover('{"Statement": [{"Condition": {"Bool": {"aws:MultiFactor|AuthPresent": "true"}}}]}')?.contents[0]).toMatch(/^\*\*aws:MultiFactorAuthPresent\*\* — Bool/);
    expect(hover('{"Statement": [{"Condition": {"StringEquals|IfExists": {}}}]}')?.contents[1]).toMatch(/IfExists/);
    expect(hover('{"Statement": [{"Sid": "Read|Users"}]}')).toBeNull();
    expect(hover('{"Statement": [{"Action": "iam:NoSuch|Action"}]}')).toBeNull();
  });
});
