/**
 * Canvas positions of graph nodes, kept apart from the Dovecot model
 * (style.md habit 4). Dragged positions are kept; `relayout` clears them so the
 * automatic layout takes over again.
 *
 * @example store.getState().moveNodes({ 'imap-login': { x: 10, y: 20 } });
 */
import type { StateCreator } from 'zustand';
import type { EditorState } from './editor-store.ts';

/** A canvas position. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Layout state. */
export interface LayoutSlice {
  /** Positions the user dragged nodes to (by service name). */
  readonly pinned: Readonly<Record<string, Point>>;
  /** Bumped to ask the graph for a fresh automatic layout. */
  readonly layoutRevision: number;
  moveNodes(moves: Readonly<Record<string, Point>>): void;
  relayout(): void;
}

/** Creates the layout slice. */
export const createLayoutSlice: StateCreator<EditorState, [], [], LayoutSlice> = (set, get) => ({
  pinned: {},
  layoutRevision: 0,
  moveNodes: (moves) => set({ pinned: { ...get().pinned, ...moves } }),
  relayout: () => set({ pinned: {}, layoutRevision: get().layoutRevision + 1 }),
});
