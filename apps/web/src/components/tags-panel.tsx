import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import type { Tag } from '../lib/iam-types.ts';
import type { TaggableResource } from '../utils/iam-tags.ts';
import { useCapabilities } from '../lib/capabilities.ts';
import { ErrorAlert } from './error-alert.tsx';
import { editorTagsProblem, fromEditorTags, IamTagEditor, toEditorTags, type EditorTag } from './iam-tag-editor.tsx';
import { about, notifySuccess } from './notifications.tsx';

export interface TagsPanelProps {
  /** The resource's name, for the notice. */
  target: string;
  /** The resource's notification subject (`about.user(name)`…): the notice is about a part of it. */
  subject: string;
  resource: TaggableResource;
  tags: readonly Tag[];
  onSave: (tags: Tag[]) => Promise<unknown>;
}

const TAG_ACTIONS = { user: ['iam:TagUser', 'iam:UntagUser'], role: ['iam:TagRole', 'iam:UntagRole'], policy: ['iam:TagPolicy', 'iam:UntagPolicy'] } as const;

export function TagsPanel({ target, subject, resource, tags, onSave }: TagsPanelProps) {
  const { can } = useCapabilities();
  const [editing, setEditing] = useState<EditorTag[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async () => {
    if (!editing) return;
    setSaving(true);
    setError(null);
    try {
      await onSave(fromEditorTags(editing));
      notifySuccess(`Tags of ${target} saved.`, { subjects: [about.part(subject, 'tags')] });
      setEditing(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Container
      header={
        <Header
          variant="h2"
          counter={`(${tags.length})`}
          description="Key-value pairs to organize, track or control access to this resource."
          actions={
            editing ? (
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="link" onClick={() => setEditing(null)} disabled={saving}>
                  Cancel
                </Button>
                <Button variant="primary" onClick={() => void save()} loading={saving} disabled={editorTagsProblem(editing, resource) !== undefined}>
                  Save changes
                </Button>
              </SpaceBetween>
            ) : can(...TAG_ACTIONS[resource]) ? (
              <Button onClick={() => setEditing(toEditorTags(tags))}>Manage tags</Button>
            ) : null
          }
        >
          Tags
        </Header>
      }
    >
      {editing ? (
        <SpaceBetween size="m">
          <IamTagEditor tags={editing} onChange={setEditing} resource={resource} />
          {error ? <ErrorAlert error={error} header="Could not save the tags" /> : null}
        </SpaceBetween>
      ) : tags.length === 0 ? (
        <Box color="text-status-inactive">No tags associated with the resource.</Box>
      ) : (
        <Table
          variant="embedded"
          items={[...tags]}
          columnDefinitions={[
            { id: 'key', header: 'Key', cell: (tag) => tag.key },
            { id: 'value', header: 'Value', cell: (tag) => tag.value || '-' },
          ]}
        />
      )}
    </Container>
  );
}
