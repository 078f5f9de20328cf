/**
 * The result of the off-main-thread check of a large text (background-check.ts),
 * with the inputs it was computed for, so `selectAnalysis` can tell whether it
 * is current.
 *
 * @example store.getState().setBackground({ text, version: '2.4', ulimit: 65536, detected: '2.4', result });
 */
import type { StateCreator } from 'zustand';
import type { CheckResult, DovecotVersion } from '../core/index.ts';
import type { EditorState } from './editor-store.ts';

/** A check computed by the worker. */
export interface BackgroundAnalysis {
  readonly text: string;
  readonly version: DovecotVersion;
  readonly ulimit: number;
  /** Version the worker detected from the text. */
  readonly detected: DovecotVersion;
  readonly result: CheckResult;
}

/** Background-check state. */
export interface CheckSlice {
  readonly background: BackgroundAnalysis | null;
  setBackground(background: BackgroundAnalysis | null): void;
}

/** Creates the check slice. */
export const createCheckSlice: StateCreator<EditorState, [], [], CheckSlice> = (set) => ({
  background: null,
  setBackground: (background) => set({ background }),
});
