// Messages between the editor (main thread) and the policy worker, which holds the action catalog and runs the
// policy engine: validation, completion, hovers, the semantic diff and the simulator's evaluation.
import type { PolicyDiff } from '@iam-console/policy-engine/diff/diff-policies.ts';
import type { AuthorizationRequest, Decision, PolicyType } from '@iam-console/policy-engine/evaluate/types.ts';
import type { Finding, PolicyKind } from '@iam-console/policy-engine/validate/finding.ts';

/** Which document the editor holds: it selects the checks and the size quota. */
export interface PolicyDocumentKind {
  kind: PolicyKind;
  /** An inline identity policy of a user, group or role (sets the quota); omit for a managed policy. */
  inlineFor?: 'user' | 'group' | 'role';
}

/** A replacement of `length` characters at `offset` (0-based, in the text the request was made for). */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
}

export interface EditorFinding extends Finding {
  /** Fixes that are certain (the text they produce is what the finding asks for). */
  fixes?: QuickFix[];
}

export type CompletionKind = 'property' | 'value' | 'service' | 'action' | 'operator' | 'conditionKey' | 'resource';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  insertText: string;
  /** `insertText` is a Monaco snippet (tab stops such as ${1:Account}). */
  snippet?: boolean;
  /** Short text beside the label: an access level, a service name, a value type. */
  detail?: string;
  documentation?: string;
  /** Open the list again after inserting (a service prefix is followed by its actions). */
  retrigger?: boolean;
  sortText?: string;
}

export interface CompletionResult {
  /** The text from `from` to `to` is replaced by the chosen entry (and is what the list is filtered by). */
  from: number;
  to: number;
  items: CompletionEntry[];
}

export interface HoverResult {
  from: number;
  to: number;
  /** Markdown paragraphs. */
  contents: string[];
}

export interface SimulatedPolicy {
  text: string;
  type: PolicyType;
  name: string;
}

export interface Evaluation {
  decision: Decision;
  /** AWS's AccessDenied message for a denial. */
  deniedMessage?: string;
}

export interface WorkerMethods {
  validate(text: string, kind: PolicyDocumentKind): EditorFinding[];
  complete(text: string, offset: number, kind: PolicyDocumentKind): CompletionResult | null;
  hover(text: string, offset: number): HoverResult | null;
  diff(before: string, after: string): PolicyDiff;
  evaluate(policies: SimulatedPolicy[], request: AuthorizationRequest): Evaluation;
}

export type Method = keyof WorkerMethods;

export interface WorkerRequest<M extends Method = Method> {
  id: number;
  method: M;
  args: Parameters<WorkerMethods[M]>;
}

export type WorkerMessage =
  | { id: number; result: unknown }
  | { id: number; error: string }
  /** The catalog arrived: findings computed before it lack the catalog's checks. */
  | { event: 'catalogReady' }
  | { event: 'catalogFailed'; message: string };
