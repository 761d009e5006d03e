import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TagEditor, { type TagEditorProps } from '@cloudscape-design/components/tag-editor';
import { useState } from 'react';
import type { Tag } from '../lib/iam-types.ts';
import { ErrorAlert } from './error-alert.tsx';
import { notifySuccess } from './notifications.tsx';

export function toEditorTags(tags: readonly Tag[]): TagEditorProps.Tag[] {
  return tags.map((tag) => ({ key: tag.key, value: tag.value, existing: true }));
}

/** The tags the editor holds once saved: removed rows dropped, blank keys ignored. */
export function fromEditorTags(tags: readonly TagEditorProps.Tag[]): Tag[] {
  return tags.filter((tag) => !tag.markedForRemoval && tag.key.trim() !== '').map((tag) => ({ key: tag.key.trim(), value: tag.value }));
}

export function TagsPanel({ target, tags, onSave }: { target: string; tags: readonly Tag[]; onSave: (tags: Tag[]) => Promise<unknown> }) {
  const [editing, setEditing] = useState<TagEditorProps.Tag[] | null>(null);
  const [valid, setValid] = useState(true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async () => {
    if (!editing) return;
    setSaving(true);
    setError(null);
    try {
      await onSave(fromEditorTags(editing));
      notifySuccess(`Tags of ${target} saved.`);
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
                <Button variant="primary" onClick={() => void save()} loading={saving} disabled={!valid}>
                  Save changes
                </Button>
              </SpaceBetween>
            ) : (
              <Button onClick={() => setEditing(toEditorTags(tags))}>Manage tags</Button>
            )
          }
        >
          Tags
        </Header>
      }
    >
      {editing ? (
        <SpaceBetween size="m">
          <TagEditor
            tags={editing}
            onChange={({ detail }) => {
              setEditing([...detail.tags]);
              setValid(detail.valid);
            }}
            tagLimit={50}
            allowedCharacterPattern="^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$"
          />
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
