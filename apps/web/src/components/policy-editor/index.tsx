// The policy editor as the rest of the SPA uses it: Monaco loads in its own chunk the first time an editor is
// shown, never with the first page.
import { lazy, Suspense } from 'react';
import { Loading } from '../loading.tsx';
import type { PolicyDiffProps, PolicyEditorProps } from './editor-props.ts';

const LazyPolicyEditor = lazy(() => import('./policy-editor.tsx'));
const LazyPolicyDiff = lazy(() => import('./policy-diff.tsx'));

export function PolicyEditor(props: PolicyEditorProps) {
  return (
    <Suspense fallback={<Loading label="Loading the policy editor" />}>
      <LazyPolicyEditor {...props} />
    </Suspense>
  );
}

/** Two policy texts in Monaco's diff editor, with the actions and resources gained and lost beside them. */
export function PolicyDiff(props: PolicyDiffProps) {
  return (
    <Suspense fallback={<Loading label="Loading the comparison" />}>
      <LazyPolicyDiff {...props} />
    </Suspense>
  );
}

export type { PolicyDiffProps, EditorFinding, PolicyDocumentKind, PolicyEditorHighlight, PolicyEditorProps } from './editor-props.ts';
