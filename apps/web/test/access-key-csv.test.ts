// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accessKeyCsv, accessKeyCsvFileName, downloadAccessKeyCsv } from '../src/components/access-keys/access-key-csv.ts';

const key = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

describe('access key .csv', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has the AWS console columns and the key on the second row', () => {
    expect(accessKeyCsv(key)).toBe('Access key ID,Secret access key\nAKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
  });

  it('quotes a value that would break the row', () => {
    expect(accessKeyCsv({ accessKeyId: 'a,b', secretAccessKey: 'say "x"' }).split('\n')[1]).toBe('"a,b","say ""x"""');
  });

  it('is named like the console names it', () => {
    expect(accessKeyCsvFileName('alice')).toBe('alice_accessKeys.csv');
  });

  it('downloads the file from memory and revokes the object URL', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    const create = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:test/1';
    });
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    downloadAccessKeyCsv('alice', key);

    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('alice_accessKeys.csv');
    expect(clicked[0]?.isConnected).toBe(false);
    expect(await blobs[0]?.text()).toBe(accessKeyCsv(key));
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
    vi.useRealTimers();
  });
});
