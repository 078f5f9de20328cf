/**
 * View preferences: theme, the `ulimit -n` used for the fd budget, which side
 * views are open, the service-list search and filter, the CPU count presets
 * use, and the state of the local autosave.
 *
 * @example store.getState().setUlimit(65536);
 */
import type { StateCreator } from 'zustand';
import type { EditorState } from './editor-store.ts';

/** Color theme. */
export type Theme = 'light' | 'dark' | 'system';

/** Which services the service list shows. */
export type ServiceListFilter = 'all' | 'builtin' | 'custom' | 'enabled' | 'problems';

/** What happened to the last autosave. */
export type StorageStatus = 'idle' | 'saved' | 'too-large' | 'unavailable';

/** UI state. */
export interface UiSlice {
  readonly theme: Theme;
  /** `ulimit -n` the master would run with (Debian's systemd unit default is 65536). */
  readonly ulimit: number;
  readonly textViewOpen: boolean;
  readonly plannerOpen: boolean;
  /** The export drawer (shares the right-hand drawer with the planner: one at a time). */
  readonly exportOpen: boolean;
  /** Text typed into the service list's search box. */
  readonly serviceFilter: string;
  /** Which kind of services the list shows. */
  readonly serviceKind: ServiceListFilter;
  readonly showDisabled: boolean;
  /** CPU cores the presets size login services for (navigator.hardwareConcurrency by default). */
  readonly cpuCores: number;
  readonly storageStatus: StorageStatus;
  setTheme(theme: Theme): void;
  setUlimit(n: number): void;
  setTextViewOpen(open: boolean): void;
  setPlannerOpen(open: boolean): void;
  setExportOpen(open: boolean): void;
  setServiceFilter(filter: string): void;
  setServiceKind(kind: ServiceListFilter): void;
  setShowDisabled(show: boolean): void;
  setCpuCores(n: number): void;
  setStorageStatus(status: StorageStatus): void;
}

/** Creates the UI slice. */
export const createUiSlice: StateCreator<EditorState, [], [], UiSlice> = (set) => ({
  theme: 'system',
  ulimit: 65536,
  textViewOpen: false,
  plannerOpen: false,
  exportOpen: false,
  serviceFilter: '',
  serviceKind: 'all',
  showDisabled: true,
  cpuCores: 4,
  storageStatus: 'idle',
  setTheme: (theme) => set({ theme }),
  setUlimit: (ulimit) => set({ ulimit }),
  setTextViewOpen: (textViewOpen) => set({ textViewOpen }),
  setPlannerOpen: (plannerOpen) => set(plannerOpen ? { plannerOpen, exportOpen: false } : { plannerOpen }),
  setExportOpen: (exportOpen) => set(exportOpen ? { exportOpen, plannerOpen: false } : { exportOpen }),
  setServiceFilter: (serviceFilter) => set({ serviceFilter }),
  setServiceKind: (serviceKind) => set({ serviceKind }),
  setShowDisabled: (showDisabled) => set({ showDisabled }),
  setCpuCores: (cpuCores) => set({ cpuCores }),
  setStorageStatus: (storageStatus) => set({ storageStatus }),
});
