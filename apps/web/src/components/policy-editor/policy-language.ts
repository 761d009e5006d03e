// The `iam-policy` language: JSON tokens and brackets, and the policy worker behind completion, hovers, quick
// fixes; formatting with jsonc-parser (keeps the text as written, duplicate keys included, only re-indents).
import { format } from 'jsonc-parser';
import type * as Monaco from 'monaco-editor/editor';
import { modelState } from './model-state.ts';
import type { CompletionKind, TextEdit } from './service/protocol.ts';
import { policyWorker } from './worker-client.ts';

export const POLICY_LANGUAGE = 'iam-policy';

type MonacoApi = typeof Monaco;

function completionKinds(monaco: MonacoApi): Record<CompletionKind, Monaco.languages.CompletionItemKind> {
  const k = monaco.languages.CompletionItemKind;
  return { property: k.Property, value: k.Value, service: k.Module, action: k.Function, operator: k.Operator, conditionKey: k.Field, resource: k.Reference };
}

function rangeOf(model: Monaco.editor.ITextModel, monaco: MonacoApi, from: number, to: number): Monaco.Range {
  const start = model.getPositionAt(from);
  const end = model.getPositionAt(to);
  return new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
}

const toMonacoEdit = (model: Monaco.editor.ITextModel, monaco: MonacoApi, edit: TextEdit) => ({
  range: rangeOf(model, monaco, edit.offset, edit.offset + edit.length),
  text: edit.text,
});

export function registerPolicyLanguage(monaco: MonacoApi): void {
  monaco.languages.register({ id: POLICY_LANGUAGE, extensions: ['.json'], aliases: ['IAM policy'] });
  monaco.languages.setLanguageConfiguration(POLICY_LANGUAGE, {
    brackets: [['{', '}'], ['[', ']']],
    autoClosingPairs: [{ open: '{', close: '}' }, { open: '[', close: ']' }, { open: '"', close: '"', notIn: ['string'] }],
    surroundingPairs: [{ open: '{', close: '}' }, { open: '[', close: ']' }, { open: '"', close: '"' }],
    // A policy word includes the characters of action names and ARNs, so a double click selects one whole.
    wordPattern: /[A-Za-z0-9_:*?\-/.${}]+/,
  });
  monaco.languages.setMonarchTokensProvider(POLICY_LANGUAGE, {
    tokenizer: {
      root: [
        [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'type'],
        [/"(?:[^"\\]|\\.)*"/, 'string'],
        // A lone quote is not a string yet: typing one then gets its closing quote (auto-close skips strings).
        [/"/, 'delimiter'],
        [/-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/, 'number'],
        [/\b(?:true|false|null)\b/, 'keyword'],
        [/[{}[\]]/, '@brackets'],
        [/[,:]/, 'delimiter'],
      ],
    },
  });

  const worker = policyWorker();
  const kinds = completionKinds(monaco);
  monaco.languages.registerCompletionItemProvider(POLICY_LANGUAGE, {
    triggerCharacters: ['"', ':'],
    async provideCompletionItems(model, position) {
      const result = await worker.call('complete', model.getValue(), model.getOffsetAt(position), modelState(model).kind);
      if (!result) return { suggestions: [] };
      const range = rangeOf(model, monaco, result.from, Math.max(result.to, model.getOffsetAt(position)));
      return {
        suggestions: result.items.map((item) => ({
          label: item.label,
          kind: kinds[item.kind],
          insertText: item.insertText,
          ...(item.snippet ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet } : {}),
          ...(item.detail ? { detail: item.detail } : {}),
          ...(item.documentation ? { documentation: item.documentation } : {}),
          ...(item.sortText ? { sortText: item.sortText } : {}),
          ...(item.retrigger ? { command: { id: 'editor.action.triggerSuggest', title: 'Suggest' } } : {}),
          range,
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider(POLICY_LANGUAGE, {
    async provideHover(model, position) {
      const result = await worker.call('hover', model.getValue(), model.getOffsetAt(position));
      if (!result) return null;
      return { range: rangeOf(model, monaco, result.from, result.to), contents: result.contents.map((value) => ({ value })) };
    },
  });
  monaco.languages.registerCodeActionProvider(POLICY_LANGUAGE, {
    provideCodeActions(model, range) {
      const state = modelState(model);
      if (state.findingsVersion !== model.getVersionId()) return { actions: [], dispose() {} };
      const actions: Monaco.languages.CodeAction[] = [];
      for (const finding of state.findings) {
        const findingRange = rangeOf(model, monaco, finding.range.offset, finding.range.offset + finding.range.length);
        if (!finding.fixes || !monaco.Range.areIntersectingOrTouching(findingRange, range)) continue;
        for (const fix of finding.fixes) {
          actions.push({
            title: fix.title,
            kind: 'quickfix',
            isPreferred: true,
            edit: { edits: fix.edits.map((edit) => ({ resource: model.uri, versionId: model.getVersionId(), textEdit: toMonacoEdit(model, monaco, edit) })) },
          });
        }
      }
      return { actions, dispose() {} };
    },
  });
  monaco.languages.registerDocumentFormattingEditProvider(POLICY_LANGUAGE, {
    provideDocumentFormattingEdits(model, options) {
      const edits = format(model.getValue(), undefined, { tabSize: options.tabSize, insertSpaces: options.insertSpaces, eol: model.getEOL() });
      return edits.map((edit) => toMonacoEdit(model, monaco, { offset: edit.offset, length: edit.length, text: edit.content }));
    },
  });
}
