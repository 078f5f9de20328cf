/**
 * Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (⌘ on macOS), except while the
 * focus is in a text field or in Monaco: those keep their own undo.
 *
 * @example useUndoShortcuts(store);
 */
import { useEffect } from 'react';
import type { EditorStore } from '../store/editor-store.ts';

function ownsUndo(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('.monaco-editor') !== null) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'file', 'range', 'color'].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/** Installs the undo/redo keys on the window. */
export function useUndoShortcuts(store: EditorStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || ownsUndo(e.target)) return;
      const key = e.key.toLowerCase();
      const t = store.temporal.getState();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        t.undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        t.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
