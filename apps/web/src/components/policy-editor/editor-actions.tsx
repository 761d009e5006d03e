import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';

/** Cancel and the save action of an editor shown in place of a document. */
export function EditorActions({ saveLabel, saving, onSave, onCancel }: { saveLabel: string; saving: boolean; onSave: () => void; onCancel: () => void }) {
  return (
    <SpaceBetween direction="horizontal" size="xs">
      <Button variant="link" onClick={onCancel} disabled={saving}>
        Cancel
      </Button>
      <Button variant="primary" loading={saving} onClick={onSave}>
        {saveLabel}
      </Button>
    </SpaceBetween>
  );
}
