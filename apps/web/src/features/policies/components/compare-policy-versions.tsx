// "Compare" two versions of a managed policy: the text diff and the permissions gained and lost.
import Modal from '@cloudscape-design/components/modal';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { prettyJson } from '../../../components/json-view.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PolicyDiff } from '../../../components/policy-editor/index.tsx';
import { usePolicyVersion } from '../api/policies.ts';

export function ComparePolicyVersions({ policyArn, before, after, onClose }: { policyArn: string; before: string; after: string; onClose: () => void }) {
  const older = usePolicyVersion(policyArn, before);
  const newer = usePolicyVersion(policyArn, after);
  const error = older.error ?? newer.error;
  return (
    <Modal visible size="max" header={`Compare ${before} and ${after}`} onDismiss={onClose}>
      {error ? (
        <ErrorAlert error={error} header="Could not load the versions" />
      ) : older.data && newer.data ? (
        <PolicyDiff before={prettyJson(older.data.document)} after={prettyJson(newer.data.document)} beforeLabel={before} afterLabel={after} />
      ) : (
        <Loading />
      )}
    </Modal>
  );
}
