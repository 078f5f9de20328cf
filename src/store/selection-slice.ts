/**
 * What the user has selected: a service (graph node id = service name), and
 * optionally one of its listeners.
 *
 * @example store.getState().select('imap-login');
 */
import type { StateCreator } from 'zustand';
import type { EditorState } from './editor-store.ts';

/** Selection state. */
export interface SelectionSlice {
  readonly selected: string | null;
  readonly selectedListener: string | null;
  select(service: string | null, listener?: string | null): void;
}

/** Creates the selection slice. */
export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set) => ({
  selected: null,
  selectedListener: null,
  select: (service, listener = null) => set({ selected: service, selectedListener: listener }),
});
