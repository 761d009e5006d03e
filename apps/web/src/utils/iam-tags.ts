// IAM's tag rule lives in the API contract (one rule for the SPA's editors and the BFF's validation).
export {
  MAX_TAG_KEY_LENGTH, MAX_TAG_VALUE_LENGTH, MAX_TAGS_PER_RESOURCE, TAG_REASONS, tagKeyProblem, tagsProblem, tagValueProblem,
} from '@iam-console/api-contract/rules.ts';
export type { TaggableResource, TagInput } from '@iam-console/api-contract/rules.ts';
