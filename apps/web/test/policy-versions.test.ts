// Which version Save changes deletes first when a managed policy already has the five versions IAM keeps.
import { describe, expect, it } from 'vitest';
import { versionToMakeRoomFor } from '../src/features/policies/components/policy-versions.ts';

const version = (n: number, day: number, isDefaultVersion = false) => ({ versionId: `v${n}`, isDefaultVersion, createDate: `2026-01-${String(day).padStart(2, '0')}T00:00:00Z` });

describe('making room for a new policy version', () => {
  it('deletes nothing below five versions', () => {
    expect(versionToMakeRoomFor([version(1, 1), version(2, 2, true)])).toBeUndefined();
  });

  it('picks the oldest version that is not the default', () => {
    expect(versionToMakeRoomFor([version(3, 3), version(2, 2), version(4, 4), version(5, 5, true), version(6, 6)])?.versionId).toBe('v2');
    // The default version is never deleted, however old.
    expect(versionToMakeRoomFor([version(1, 1, true), version(2, 2), version(3, 3), version(4, 4), version(5, 5)])?.versionId).toBe('v2');
  });

  it('breaks a tie of creation times by version number', () => {
    expect(versionToMakeRoomFor([version(10, 1), version(9, 1), version(11, 1), version(12, 1), version(13, 2, true)])?.versionId).toBe('v9');
  });
});
