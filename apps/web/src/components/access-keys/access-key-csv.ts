import { stringify } from 'csv-stringify/browser/esm/sync';
import type { NewAccessKey } from '@iam-console/api-contract/users.ts';

/** The header row of the AWS console's `<user>_accessKeys.csv`. */
export const ACCESS_KEY_CSV_COLUMNS = ['Access key ID', 'Secret access key'] as const;

export function accessKeyCsv(key: NewAccessKey): string {
  return stringify([[...ACCESS_KEY_CSV_COLUMNS], [key.accessKeyId, key.secretAccessKey]], { record_delimiter: 'unix' });
}

export function accessKeyCsvFileName(userName: string): string {
  return `${userName}_accessKeys.csv`;
}

/** Saves the CSV straight from memory; the object URL is revoked at once so the secret lingers nowhere. */
export function downloadAccessKeyCsv(userName: string, key: NewAccessKey): void {
  const url = URL.createObjectURL(new Blob([accessKeyCsv(key)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = accessKeyCsvFileName(userName);
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has queued the download; revoking on the next tick keeps every browser happy.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
