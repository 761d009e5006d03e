// The policy editor as the rest of the SPA uses it: Monaco loads in its own chunk the first time an editor is
// shown, never with the first page.
import { lazy, Suspense } from 'react';
import { Loading } from '../loading.tsx';
import type { PolicyEditorProps } from './editor-props.ts';

const LazyPolicyEditor = lazy(() => import('./policy-editor.tsx'));

export function PolicyEditor(props: PolicyEditorProps) {
  return (
    <Suspense fallback={<Loading label="Loading the policy editor" />}>
      <LazyPolicyEditor {...props} />
    </Suspense>
  );
}

export type { EditorFinding, PolicyDocumentKind, PolicyEditorHighlight, PolicyEditorProps } from './editor-props.ts';
