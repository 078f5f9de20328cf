/**
 * What the user has selected: a service (graph node id = service name), and
 * optionally one of its listeners; and the last place in the text the user
 * asked to see (a diagnostic's line and column), for the text view.
 *
 * @example store.getState().select('imap-login');
 */
import type { StateCreator } from 'zustand';
import type { EditorState } from './editor-store.ts';

/** A position in the text the user asked to see; `seq` changes on every request. */
export interface RevealRequest {
  readonly line: number;
  readonly column: number;
  readonly seq: number;
}

/** Selection state. */
export interface SelectionSlice {
  readonly selected: string | null;
  readonly selectedListener: string | null;
  readonly reveal: RevealRequest | null;
  select(service: string | null, listener?: string | null): void;
  /** Ask the text view to show a line (opens it). */
  revealAt(line: number, column: number): void;
}

/** Creates the selection slice. */
export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set, get) => ({
  selected: null,
  selectedListener: null,
  reveal: null,
  select: (service, listener = null) => set({ selected: service, selectedListener: listener }),
  revealAt: (line, column) => set({ reveal: { line, column, seq: (get().reveal?.seq ?? 0) + 1 }, textViewOpen: true }),
});
