/**
 * React access to the editor store: one store per app instance, provided by
 * context, read through selectors (never the whole store).
 *
 * @example const selected = useEditor((s) => s.selected);
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from './editor-store.ts';

const StoreContext = createContext<EditorStore | null>(null);

/** Provides a store to the tree. */
export function EditorStoreProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself (for `getState()` in event handlers and for undo). */
export function useEditorStore(): EditorStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useEditorStore outside EditorStoreProvider');
  return store;
}

/** Subscribes to a slice of the state. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
