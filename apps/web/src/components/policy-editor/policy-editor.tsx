// The policy editor: Monaco with the `iam-policy` language, findings from the policy worker as markers while
// typing, the size against the kind's quota, Format, and the findings panel. Loaded lazily (see index.tsx).
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Alert from '@cloudscape-design/components/alert';
import { useEffect, useRef, useState } from 'react';
import type { editor } from 'monaco-editor/editor';
import type { PolicyEditorHighlight, PolicyEditorProps } from './editor-props.ts';
import { SimulatorPanel } from './simulator-panel.tsx';
import { FileButtons } from './file-buttons.tsx';
import { StartFromControl } from './start-from-control.tsx';
import { FindingsPanel } from './findings-panel.tsx';
import { toMarker } from './markers.ts';
import { modelState } from './model-state.ts';
import { monaco } from './monaco.ts';
import { POLICY_LANGUAGE } from './policy-language.ts';
import { policySize } from './policy-size.ts';
import type { EditorFinding, PolicyDocumentKind } from './service/protocol.ts';
import { policyWorker } from './worker-client.ts';
import './policy-editor.css';

const MARKER_OWNER = 'iam-policy';

/**
 * Validates the model's text whenever it changes, newest text first: while one validation runs, further
 * changes only ask for one more run, so markers never lag behind by more than one validation.
 */
function liveValidation(model: editor.ITextModel, kind: () => PolicyDocumentKind, publish: (findings: EditorFinding[]) => void) {
  const worker = policyWorker();
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const version = model.getVersionId();
        const findings = await worker.call('validate', model.getValue(), kind());
        if (model.isDisposed()) return;
        if (version !== model.getVersionId()) continue;
        const state = modelState(model);
        state.findings = findings;
        state.findingsVersion = version;
        monaco.editor.setModelMarkers(model, MARKER_OWNER, findings.map(toMarker));
        publish(findings);
      } while (again);
    } finally {
      running = false;
    }
  };
  const changes = model.onDidChangeContent(() => void run());
  const catalog = worker.onCatalogReady(() => void run());
  void run();
  return {
    revalidate: () => void run(),
    dispose() {
      changes.dispose();
      catalog();
    },
  };
}

export default function PolicyEditor({ value, onChange, documentKind, ariaLabel, height = 420, onFindings, highlights: given, readOnly = false, simulator = false, startFrom = false, fileName }: PolicyEditorProps) {
  const [fileProblem, setFileProblem] = useState<string>();
  const [simulated, setSimulated] = useState<PolicyEditorHighlight[]>([]);
  const highlights = given ?? simulated;
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const validation = useRef<{ revalidate(): void } | null>(null);
  const decorations = useRef<editor.IEditorDecorationsCollection | null>(null);
  const latest = useRef({ onChange, onFindings, documentKind });
  latest.current = { onChange, onFindings, documentKind };
  const [findings, setFindings] = useState<EditorFinding[]>([]);
  /** Texts passed to onChange that the parent has not given back as `value` yet, oldest first. */
  const emitted = useRef<string[]>([]);

  useEffect(() => {
    if (!host.current) return undefined;
    const model = monaco.editor.createModel(value, POLICY_LANGUAGE);
    modelState(model).kind = latest.current.documentKind;
    const instance = monaco.editor.create(host.current, {
      model,
      ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      tabSize: 2,
      fontSize: 14,
      wordBasedSuggestions: 'off',
      // Action names, ARNs and condition keys are written inside strings: suggest there as one types.
      quickSuggestions: { strings: 'on', other: 'on', comments: 'off' },
      suggest: { showWords: false, filterGraceful: true },
      renderValidationDecorations: 'on',
      readOnly,
      domReadOnly: readOnly,
    });
    editorRef.current = instance;
    decorations.current = instance.createDecorationsCollection();
    const live = liveValidation(model, () => modelState(model).kind, (next) => {
      setFindings(next);
      latest.current.onFindings?.(next);
    });
    validation.current = live;
    const typing = model.onDidChangeContent(() => {
      const text = model.getValue();
      emitted.current.push(text);
      latest.current.onChange(text);
    });
    return () => {
      typing.dispose();
      live.dispose();
      instance.dispose();
      model.dispose();
      editorRef.current = null;
      validation.current = null;
    };
    // The editor is created once; value and kind changes are applied by the effects below.
  }, []);

  useEffect(() => {
    // Only a value the parent set itself replaces the text. One the editor emitted may be older than the model
    // (keys typed between that render and this effect), and writing it back would drop those keys.
    const model = editorRef.current?.getModel();
    if (!model) return;
    const ours = emitted.current.indexOf(value);
    if (ours >= 0) {
      emitted.current.splice(0, ours + 1);
      return;
    }
    if (model.getValue() !== value) model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
  }, [value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    modelState(model).kind = documentKind;
    validation.current?.revalidate();
  }, [documentKind.kind, documentKind.inlineFor]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || !decorations.current) return;
    decorations.current.set(
      (highlights ?? []).map(({ range, tone }) => {
        const start = model.getPositionAt(range.offset);
        const end = model.getPositionAt(range.offset + range.length);
        return {
          range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
          options: { isWholeLine: true, className: tone === 'deny' ? 'policy-editor-highlight-deny' : 'policy-editor-highlight' },
        };
      }),
    );
    const first = highlights?.[0];
    if (first) editorRef.current?.revealLineInCenterIfOutsideViewport(model.getPositionAt(first.range.offset).lineNumber);
  }, [highlights]);

  const select = (finding: EditorFinding) => {
    const instance = editorRef.current;
    const model = instance?.getModel();
    if (!instance || !model) return;
    const start = model.getPositionAt(finding.range.offset);
    const end = model.getPositionAt(finding.range.offset + finding.range.length);
    const selection = new monaco.Selection(start.lineNumber, start.column, end.lineNumber, end.column);
    instance.setSelection(selection);
    instance.revealRangeInCenterIfOutsideViewport(selection);
    instance.focus();
  };

  /** Replaces the whole text as one edit, so Undo brings the previous text back. */
  const replaceText = (text: string) => {
    const model = editorRef.current?.getModel();
    if (model && model.getValue() !== text) model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
  };

  const size = policySize(value, documentKind);
  return (
    <SpaceBetween size="s">
      {startFrom && !readOnly ? <StartFromControl current={value} onReplace={replaceText} /> : null}
      <SpaceBetween direction="horizontal" size="m" alignItems="center">
        {readOnly ? null : (
          <Button iconName="script" formAction="none" onClick={() => void editorRef.current?.getAction('editor.action.formatDocument')?.run()}>
            Format
          </Button>
        )}
        <FileButtons text={value} fileName={fileName} onImport={readOnly ? undefined : replaceText} onProblem={setFileProblem} />
        <span data-testid="policy-size">
          <StatusIndicator type={size.over ? 'error' : 'success'} colorOverride={size.over ? undefined : 'grey'}>
            {size.size.toLocaleString('en-US')} of {size.limit.toLocaleString('en-US')} characters
          </StatusIndicator>
        </span>
        <Box color="text-body-secondary" fontSize="body-s">
          Counted without whitespace; the quota of {size.what}. Ctrl+Space suggests actions, keys and values.
        </Box>
      </SpaceBetween>
      {fileProblem ? (
        <Alert type="error" dismissible onDismiss={() => setFileProblem(undefined)}>
          {fileProblem}
        </Alert>
      ) : null}
      <div className="policy-editor-surface" style={{ height }} ref={host} data-testid="policy-editor" />
      <FindingsPanel findings={findings} onSelect={select} />
      {simulator ? <SimulatorPanel text={value} onHighlight={setSimulated} /> : null}
    </SpaceBetween>
  );
}
