import FormField from '@cloudscape-design/components/form-field';
import TagEditor, { type TagEditorProps } from '@cloudscape-design/components/tag-editor';
import type { Tag } from '../lib/iam-types.ts';
import { MAX_TAGS_PER_RESOURCE, TAG_REASONS, tagsProblem, type TaggableResource } from '../utils/iam-tags.ts';

export type EditorTag = TagEditorProps.Tag;

export function toEditorTags(tags: readonly Tag[]): EditorTag[] {
  return tags.map((tag) => ({ key: tag.key, value: tag.value, existing: true }));
}

/** The tags the editor holds once saved: removed rows dropped, rows left blank (key and value) ignored. */
export function fromEditorTags(tags: readonly EditorTag[]): Tag[] {
  return tags
    .filter((tag) => !tag.markedForRemoval && !(tag.key.trim() === '' && tag.value === ''))
    .map((tag) => ({ key: tag.key.trim(), value: tag.value }));
}

/** Why IAM would refuse what the editor holds, or undefined. */
export const editorTagsProblem = (tags: readonly EditorTag[], resource: TaggableResource): string | undefined =>
  tagsProblem(fromEditorTags(tags), resource);

// The editor's own row messages, worded as IAM's rule words them.
const ROW_MESSAGES: TagEditorProps.I18nStrings = {
  emptyKeyError: TAG_REASONS.emptyKey,
  maxKeyCharLengthError: TAG_REASONS.keyTooLong,
  maxValueCharLengthError: TAG_REASONS.valueTooLong,
  invalidKeyError: TAG_REASONS.keyCharacters,
  invalidValueError: TAG_REASONS.valueCharacters,
  awsPrefixError: TAG_REASONS.reservedKey,
  duplicateKeyError: TAG_REASONS.duplicateKey,
};

export interface IamTagEditorProps {
  tags: readonly EditorTag[];
  onChange: (tags: EditorTag[]) => void;
  resource: TaggableResource;
  /** Whether to say what IAM would refuse (a wizard waits until the person tries to go on). */
  showErrors?: boolean;
}

/**
 * Cloudscape's tag editor under IAM's tag rule (`utils/iam-tags.ts`): the rows mark what they can see, the
 * rule below names anything IAM would refuse, including what a row cannot see (keys that differ only in case
 * on users and roles, a value beginning with aws:). No `allowedCharacterPattern`: the editor compiles it
 * without the `u` flag, which turns \p{L} into literal letters; its default is IAM's pattern, compiled right.
 */
export function IamTagEditor({ tags, onChange, resource, showErrors = true }: IamTagEditorProps) {
  const problem = showErrors ? editorTagsProblem(tags, resource) : undefined;
  return (
    <FormField stretch errorText={problem}>
      <TagEditor tags={tags} onChange={({ detail }) => onChange([...detail.tags])} tagLimit={MAX_TAGS_PER_RESOURCE} i18nStrings={ROW_MESSAGES} />
    </FormField>
  );
}
