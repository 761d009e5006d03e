// What the language providers need to know about each editor model: the kind of policy it holds (checks,
// quota, completion) and the findings of its current text (the quick fixes come with them).
import type { editor } from 'monaco-editor/editor';
import type { EditorFinding, PolicyDocumentKind } from './service/protocol.ts';

export interface ModelState {
  kind: PolicyDocumentKind;
  findings: EditorFinding[];
  /** The model version the findings were computed for; fixes apply only to that text. */
  findingsVersion: number;
}

const states = new WeakMap<editor.ITextModel, ModelState>();

export function modelState(model: editor.ITextModel): ModelState {
  let state = states.get(model);
  if (!state) {
    state = { kind: { kind: 'identity' }, findings: [], findingsVersion: -1 };
    states.set(model, state);
  }
  return state;
}
