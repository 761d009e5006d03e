// Two versions of a policy side by side in Monaco's diff editor, with the semantic diff beside them.
import Alert from '@cloudscape-design/components/alert';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useEffect, useRef, useState } from 'react';
import type { PolicyDiff as SemanticPolicyDiff } from '@iam-console/policy-engine/diff/diff-policies.ts';
import { monaco } from './monaco.ts';
import { POLICY_LANGUAGE } from './policy-language.ts';
import type { PolicyDiffProps } from './editor-props.ts';
import { SemanticDiff } from './semantic-diff.tsx';
import { policyWorker } from './worker-client.ts';
import './policy-editor.css';

export default function PolicyDiff({ before, after, beforeLabel, afterLabel }: PolicyDiffProps) {
  const host = useRef<HTMLDivElement>(null);
  const [diff, setDiff] = useState<SemanticPolicyDiff | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!host.current) return undefined;
    const original = monaco.editor.createModel(before, POLICY_LANGUAGE);
    const modified = monaco.editor.createModel(after, POLICY_LANGUAGE);
    const editor = monaco.editor.createDiffEditor(host.current, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      renderSideBySide: true,
      fontSize: 14,
      originalAriaLabel: beforeLabel,
      modifiedAriaLabel: afterLabel,
    });
    editor.setModel({ original, modified });
    return () => {
      editor.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [before, after, beforeLabel, afterLabel]);

  useEffect(() => {
    let current = true;
    setDiff(null);
    policyWorker()
      .call('diff', before, after)
      .then((result) => current && setDiff(result))
      .catch((error: unknown) => current && setProblem(error instanceof Error ? error.message : String(error)));
    return () => {
      current = false;
    };
  }, [before, after]);

  return (
    <ColumnLayout columns={2} variant="text-grid">
      <SpaceBetween size="xs">
        <Header variant="h3">
          {beforeLabel} → {afterLabel}
        </Header>
        <div className="policy-editor-surface" style={{ height: 480 }} ref={host} data-testid="policy-diff" />
      </SpaceBetween>
      <SpaceBetween size="xs">
        <Header variant="h3" description="After wildcard expansion with the action catalog.">
          What changes
        </Header>
        {problem ? <Alert type="error" header="Could not compare the permissions">{problem}</Alert> : diff ? <SemanticDiff diff={diff} /> : <Spinner />}
      </SpaceBetween>
    </ColumnLayout>
  );
}
