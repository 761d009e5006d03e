// The props of the policy editor, kept apart from the lazily loaded component so importing them loads no Monaco.
import type { SourceRange } from '@iam-console/policy-engine/source/source-text.ts';
import type { EditorFinding, PolicyDocumentKind } from './service/protocol.ts';

export interface PolicyEditorHighlight {
  range: SourceRange;
  tone: 'allow' | 'deny';
}

export interface PolicyEditorProps {
  value: string;
  onChange: (value: string) => void;
  documentKind: PolicyDocumentKind;
  /** The accessible name of the text area, e.g. "Policy document". */
  ariaLabel: string;
  /** Pixels; default 420. */
  height?: number;
  /** The findings of the current text, each time they change. */
  onFindings?: (findings: EditorFinding[]) => void;
  /** Statements to mark (the simulator's deciding statement). */
  highlights?: readonly PolicyEditorHighlight[];
  /** Show the policy simulator under the editor (identity policies). */
  simulator?: boolean;
  /** Shown with its findings but not editable (a published policy); no Format button. */
  readOnly?: boolean;
  /** Offer "Start from" the bundled real-world policies and AWS managed policies (identity policies). */
  startFrom?: boolean;
  /** "Export JSON" saves `<fileName>.json`; default policy.json. */
  fileName?: string;
}

export interface PolicyDiffProps {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
}

export type { EditorFinding, PolicyDocumentKind };
