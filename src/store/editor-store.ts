/**
 * One zustand store built from slices (document, selection, layout, ui, and
 * the background check of large texts) by a
 * factory, so every test starts fresh. Undo/redo (zundo) tracks the document
 * text only: each action is one step.
 *
 * @example
 *   const store = createEditorStore(DEFAULT_CONFIG_TEXT);
 *   store.getState().setText('protocols = imap\n', 'Paste');
 *   store.temporal.getState().undo();
 */
import { createStore } from 'zustand/vanilla';
import { temporal } from 'zundo';
import { createDocumentSlice, type DocumentSlice } from './document-slice.ts';
import { createSelectionSlice, type SelectionSlice } from './selection-slice.ts';
import { createLayoutSlice, type LayoutSlice } from './layout-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';
import { createCheckSlice, type CheckSlice } from './check-slice.ts';

/** The whole editor state. */
export type EditorState = DocumentSlice & SelectionSlice & LayoutSlice & UiSlice & CheckSlice;

/** The undo-tracked part. */
export type TrackedState = Pick<EditorState, 'text' | 'version' | 'versionSource' | 'lastChange'>;

/**
 * Creates an editor store.
 *
 * @example createEditorStore('protocols = imap\n', 'dovecot.conf').getState().text;
 */
export function createEditorStore(initialText: string, fileName = 'dovecot.conf') {
  const store = createStore<EditorState>()(
    temporal(
      (...a) => ({
        ...createDocumentSlice(initialText, fileName)(...a),
        ...createSelectionSlice(...a),
        ...createLayoutSlice(...a),
        ...createUiSlice(...a),
        ...createCheckSlice(...a),
      }),
      {
        limit: 200,
        partialize: (s): TrackedState => ({ text: s.text, version: s.version, versionSource: s.versionSource, lastChange: s.lastChange }),
        equality: (a, b) => a.text === b.text && a.version === b.version,
      },
    ),
  );
  // Every undo step holds a whole text: with 10 MB files, keep the history within a memory budget.
  store.temporal.subscribe((t) => {
    let chars = 0;
    let keep = t.pastStates.length;
    for (let i = t.pastStates.length - 1; i >= 0; i--) {
      chars += t.pastStates[i]?.text?.length ?? 0;
      if (chars > HISTORY_CHARS && i < t.pastStates.length - 1) break;
      keep = t.pastStates.length - i;
    }
    if (keep < t.pastStates.length) store.temporal.setState({ pastStates: t.pastStates.slice(-keep) });
  });
  return store;
}

/** Characters of text the undo history may hold (about 100 MB); the newest step is always kept. */
export const HISTORY_CHARS = 50_000_000;

/** The store type. */
export type EditorStore = ReturnType<typeof createEditorStore>;
