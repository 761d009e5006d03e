// GetAccountAuthorizationDetails, every page, as one JSON document shaped as the AWS CLI prints it
// (UserDetailList, GroupDetailList, RoleDetailList, Policies; policy documents decoded to JSON). Each list is read
// with its own Filter so the document can be written list by list, a page at a time, never whole in memory.
import { paginateGetAccountAuthorizationDetails } from '@aws-sdk/client-iam';
import type { EntityType, GetAccountAuthorizationDetailsCommandOutput, IAMClient } from '@aws-sdk/client-iam';
import type { ChunkWriter } from '../http/download.ts';

// Pages smaller than IAM's largest (1000): each page's XML and its parsed form are what the download holds in memory
// at once, and 1000 users' details are several MB of both.
const PAGE_SIZE = 200;

const LISTS: readonly { key: string; filter: EntityType[]; items: (page: GetAccountAuthorizationDetailsCommandOutput) => unknown[] | undefined }[] = [
  { key: 'UserDetailList', filter: ['User'], items: (p) => p.UserDetailList },
  { key: 'GroupDetailList', filter: ['Group'], items: (p) => p.GroupDetailList },
  { key: 'RoleDetailList', filter: ['Role'], items: (p) => p.RoleDetailList },
  { key: 'Policies', filter: ['LocalManagedPolicy', 'AWSManagedPolicy'], items: (p) => p.Policies },
];

/** IAM sends policy documents URL-encoded; the CLI shows them as JSON, and so does this file. */
function decodeDocument(document: string): unknown {
  const text = decodeURIComponent(document);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function readable(key: string, value: unknown): unknown {
  return (key === 'PolicyDocument' || key === 'AssumeRolePolicyDocument') && typeof value === 'string' ? decodeDocument(value) : value;
}

/** Writes the account's authorization details as JSON; the first write comes after IAM answered the first page. */
export async function writeAuthorizationDetails(iam: IAMClient, write: ChunkWriter): Promise<void> {
  let opening = '{';
  for (const list of LISTS) {
    let chunk = `${opening}\n  ${JSON.stringify(list.key)}: [`;
    let first = true;
    for await (const page of paginateGetAccountAuthorizationDetails({ client: iam, pageSize: PAGE_SIZE }, { Filter: list.filter })) {
      for (const item of list.items(page) ?? []) {
        chunk += `${first ? '' : ','}\n    ${JSON.stringify(item, readable)}`;
        first = false;
      }
      await write(chunk);
      chunk = '';
    }
    await write(`${chunk}${first ? ']' : '\n  ]'}`);
    opening = ',';
  }
  await write('\n}\n');
}
