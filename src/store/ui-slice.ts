/**
 * View preferences: theme, the `ulimit -n` used for the fd budget, which side
 * views are open, the service-list filter.
 *
 * @example store.getState().setUlimit(65536);
 */
import type { StateCreator } from 'zustand';
import type { EditorState } from './editor-store.ts';

/** Color theme. */
export type Theme = 'light' | 'dark' | 'system';

/** UI state. */
export interface UiSlice {
  readonly theme: Theme;
  /** `ulimit -n` the master would run with (Debian's systemd unit default is 65536). */
  readonly ulimit: number;
  readonly textViewOpen: boolean;
  readonly serviceFilter: string;
  readonly showDisabled: boolean;
  setTheme(theme: Theme): void;
  setUlimit(n: number): void;
  setTextViewOpen(open: boolean): void;
  setServiceFilter(filter: string): void;
  setShowDisabled(show: boolean): void;
}

/** Creates the UI slice. */
export const createUiSlice: StateCreator<EditorState, [], [], UiSlice> = (set) => ({
  theme: 'system',
  ulimit: 65536,
  textViewOpen: false,
  serviceFilter: '',
  showDisabled: true,
  setTheme: (theme) => set({ theme }),
  setUlimit: (ulimit) => set({ ulimit }),
  setTextViewOpen: (textViewOpen) => set({ textViewOpen }),
  setServiceFilter: (serviceFilter) => set({ serviceFilter }),
  setShowDisabled: (showDisabled) => set({ showDisabled }),
});
