// IAM keeps at most five versions of a managed policy (IAM User Guide, "Versioning IAM policies"); a new one then
// needs an old one deleted first, and the default version can never be deleted.
export const MAX_POLICY_VERSIONS = 5;

export interface VersionInfo {
  versionId: string;
  isDefaultVersion: boolean;
  createDate: string;
}

/** The version to delete before a new one can be created: the oldest that is not the default; none below the limit. */
export function versionToMakeRoomFor(versions: readonly VersionInfo[]): VersionInfo | undefined {
  if (versions.length < MAX_POLICY_VERSIONS) return undefined;
  return [...versions]
    .filter((v) => !v.isDefaultVersion)
    .sort((a, b) => a.createDate.localeCompare(b.createDate) || versionNumber(a.versionId) - versionNumber(b.versionId))[0];
}

const versionNumber = (versionId: string) => Number(versionId.replace(/^v/, '')) || 0;
