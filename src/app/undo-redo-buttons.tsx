/**
 * Undo and redo, with the change each would take back or bring back.
 *
 * @example <UndoRedoButtons />
 */
import { useStore } from 'zustand';
import { Icon } from '../components/icon.tsx';
import type { EditorState } from '../store/editor-store.ts';
import { useEditor, useEditorStore } from '../store/store-context.tsx';

const selectLastChange = (s: EditorState) => s.lastChange;

/** The undo/redo pair. */
export function UndoRedoButtons() {
  const store = useEditorStore();
  const past = useStore(store.temporal, (t) => t.pastStates.length);
  const next = useStore(store.temporal, (t) => t.futureStates[t.futureStates.length - 1]?.lastChange ?? null);
  const last = useEditor(selectLastChange);
  return (
    <div className="button-group" role="group" aria-label="History">
      <button type="button" className="icon-button bordered" aria-label="Undo" title={past > 0 ? `Undo: ${last} (Ctrl+Z)` : 'Nothing to undo'} disabled={past === 0} onClick={() => store.temporal.getState().undo()}>
        <Icon name="undo" />
      </button>
      <button type="button" className="icon-button bordered" aria-label="Redo" title={next !== null ? `Redo: ${next} (Ctrl+Shift+Z)` : 'Nothing to redo'} disabled={next === null} onClick={() => store.temporal.getState().redo()}>
        <Icon name="redo" />
      </button>
    </div>
  );
}
