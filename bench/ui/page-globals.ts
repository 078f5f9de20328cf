/**
 * What the bench reads from the page: the editor store, exposed by the bench
 * page (and by the app page, when it opts in) as `window.dovecotEditorStore`.
 */
import type { EditorStore } from '../../src/store/editor-store.ts';

declare global {
  interface Window {
    dovecotEditorStore?: BenchStore;
  }
}

/** The store the bench edits. */
export type BenchStore = EditorStore;
