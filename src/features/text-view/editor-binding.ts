/**
 * Two-way binding between a Monaco editor and the store's text:
 *  - typing reaches the store (`setText(text, 'Edit text')`) 40 ms after the
 *    last key, so the graph and budgets follow within 100 ms;
 *  - an edit made elsewhere (graph, inspector, budget fix, undo) reaches the
 *    editor as minimal replacements through `executeEdits`, so the cursor,
 *    selection, folding and undo history survive; `setValue` only on import;
 *  - markers are refreshed from the memoised analysis whenever the editor and
 *    the store hold the same text.
 *
 * @example const binding = bindEditor(monaco, editor, store); ... binding.dispose();
 */
import type * as Monaco from 'monaco-editor/editor';
import { selectAnalysis, selectAnalysisPending } from '../../store/derived.ts';
import type { EditorState, EditorStore } from '../../store/editor-store.ts';
import { diagnosticMarkers, type TextMarker } from './markers.ts';
import { rebase, diffEdits, type Replacement } from './minimal-edit.ts';

type MonacoApi = typeof Monaco;

/** Quiet time after the last key before the text goes to the store. */
export const EDIT_DEBOUNCE_MS = 40;

/** Owner name of this binding's markers. */
export const MARKER_OWNER = 'doveconf';

/** A live binding. */
export interface EditorBinding {
  /** Markers currently shown (for quick fixes). */
  markers(): readonly TextMarker[];
  /** The editor holds exactly the store's text (no typing waiting for the debounce). */
  inSync(): boolean;
  /** Sends pending typing to the store now. */
  flush(): void;
  dispose(): void;
}

const SEVERITY: Readonly<Record<TextMarker['severity'], Monaco.MarkerSeverity>> = {
  error: 8, warning: 4, info: 2,
};

/**
 * Binds an editor (whose model already holds the store's text) to the store.
 *
 * @example bindEditor(monaco, editor, store);
 */
export function bindEditor(monaco: MonacoApi, editor: Monaco.editor.IStandaloneCodeEditor, store: EditorStore): EditorBinding {
  const model = editor.getModel();
  if (model === null) throw new Error('bindEditor: the editor has no model');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let applying = false;
  let current: TextMarker[] = [];

  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const text = model.getValue();
    if (text !== store.getState().text) store.getState().setText(text, 'Edit text');
  };

  const refreshMarkers = (s: EditorState): void => {
    // markers are computed for the store's text: wait until the editor holds it again
    // (and, for a text checked in the background, until that check is current)
    if (model.getValue() !== s.text || selectAnalysisPending(s)) return;
    current = diagnosticMarkers(selectAnalysis(s), s.text);
    monaco.editor.setModelMarkers(model, MARKER_OWNER, current.map((m) => ({
      startLineNumber: m.startLineNumber, startColumn: m.startColumn, endLineNumber: m.endLineNumber, endColumn: m.endColumn,
      severity: SEVERITY[m.severity], message: m.message, code: m.code, source: m.source,
    })));
  };

  const toMonacoEdits = (edits: readonly Replacement[]): Monaco.editor.IIdentifiedSingleEditOperation[] =>
    edits.map((e) => {
      const a = model.getPositionAt(e.start);
      const b = model.getPositionAt(e.end);
      return { range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: e.text, forceMoveMarkers: false };
    });

  const applyExternal = (prevText: string, nextText: string): void => {
    const mine = model.getValue();
    if (mine === nextText) return;
    // typing still waiting for the debounce was made against the previous store text: carry the change over it
    const pending = mine !== prevText;
    let edits = pending ? rebase(prevText, mine, nextText) : diffEdits(mine, nextText);
    if (edits === null) {
      // the same lines changed on both sides: the store's version wins, the typed text stays in the undo history
      edits = diffEdits(mine, nextText);
    }
    applying = true;
    try {
      editor.pushUndoStop();
      editor.executeEdits('store', toMonacoEdits(edits));
      editor.pushUndoStop();
    } finally {
      applying = false;
    }
    if (pending) {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, EDIT_DEBOUNCE_MS);
    }
  };

  const contentSub = model.onDidChangeContent(() => {
    if (applying) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, EDIT_DEBOUNCE_MS);
  });

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.importedText !== prev.importedText && s.text === s.importedText) {
      // a new file: replace everything, undo history included
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      applying = true;
      try {
        model.setValue(s.text);
      } finally {
        applying = false;
      }
    } else if (s.text !== prev.text) {
      applyExternal(prev.text, s.text);
    }
    const inputs = s.text !== prev.text || s.version !== prev.version || s.ulimit !== prev.ulimit || s.fileName !== prev.fileName;
    if (inputs || s.background !== prev.background) refreshMarkers(s);
  });

  refreshMarkers(store.getState());

  return {
    markers: () => current,
    inSync: () => model.getValue() === store.getState().text,
    flush,
    dispose: () => {
      if (timer !== undefined) flush();
      unsubscribe();
      contentSub.dispose();
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
    },
  };
}
