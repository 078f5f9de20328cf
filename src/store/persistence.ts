/**
 * Autosave to the browser's storage and restore on reload: the text, its file
 * name and import baseline, the version, pinned node positions and the view
 * preferences. Saving is debounced; a text too large for the storage quota is
 * not kept (the stale copy is removed, so a reload never brings back older work
 * silently) and the UI says so through `storageStatus`.
 *
 * @example
 *   const saved = loadSavedWork(localStorage);
 *   if (saved) restoreSavedWork(store, saved);
 *   const stop = startAutosave(store, localStorage);
 */
import type { DovecotVersion } from '../core/index.ts';
import type { EditorState, EditorStore } from './editor-store.ts';
import type { Point } from './layout-slice.ts';
import type { ServiceListFilter, Theme } from './ui-slice.ts';

/** Storage key (versioned: a new shape gets a new key). */
export const STORAGE_KEY = 'dovecot-service-editor:saved-work:v1';

/** What is kept between visits. */
export interface SavedWork {
  readonly text: string;
  readonly fileName: string;
  readonly importedText: string;
  readonly version: DovecotVersion;
  readonly versionSource: 'detected' | 'chosen';
  readonly pinned: Readonly<Record<string, Point>>;
  readonly ui: {
    readonly theme: Theme;
    readonly ulimit: number;
    readonly textViewOpen: boolean;
    readonly plannerOpen: boolean;
    readonly exportOpen: boolean;
    readonly serviceKind: ServiceListFilter;
    readonly showDisabled: boolean;
    readonly cpuCores: number;
  };
}

/** The minimal Storage surface used (localStorage in the app, a Map in tests). */
export type WorkStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const THEMES: readonly Theme[] = ['light', 'dark', 'system'];
const KINDS: readonly ServiceListFilter[] = ['all', 'builtin', 'custom', 'enabled', 'problems'];

/** The saved part of a state. */
export function savedWorkOf(s: EditorState): SavedWork {
  return {
    text: s.text, fileName: s.fileName, importedText: s.importedText, version: s.version, versionSource: s.versionSource,
    pinned: s.pinned,
    ui: {
      theme: s.theme, ulimit: s.ulimit, textViewOpen: s.textViewOpen, plannerOpen: s.plannerOpen, exportOpen: s.exportOpen,
      serviceKind: s.serviceKind, showDisabled: s.showDisabled, cpuCores: s.cpuCores,
    },
  };
}

function isPoint(v: unknown): v is Point {
  return typeof v === 'object' && v !== null && Number.isFinite((v as Point).x) && Number.isFinite((v as Point).y);
}

function positiveInt(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback;
}

/**
 * Reads and validates the saved work; null when there is none or it is unusable.
 *
 * @example loadSavedWork(localStorage)?.fileName;
 */
export function loadSavedWork(storage: WorkStorage | null): SavedWork | null {
  let raw: string | null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  let o: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    o = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  const { text, fileName, version } = o;
  if (typeof text !== 'string' || typeof fileName !== 'string' || (version !== '2.3' && version !== '2.4')) return null;
  const importedText = typeof o['importedText'] === 'string' ? o['importedText'] : text;
  const pinned: Record<string, Point> = {};
  if (typeof o['pinned'] === 'object' && o['pinned'] !== null) {
    for (const [k, v] of Object.entries(o['pinned'] as Record<string, unknown>)) if (isPoint(v)) pinned[k] = { x: v.x, y: v.y };
  }
  const ui = (typeof o['ui'] === 'object' && o['ui'] !== null ? o['ui'] : {}) as Record<string, unknown>;
  return {
    text, fileName, importedText, version,
    versionSource: o['versionSource'] === 'chosen' ? 'chosen' : 'detected',
    pinned,
    ui: {
      theme: THEMES.includes(ui['theme'] as Theme) ? (ui['theme'] as Theme) : 'system',
      ulimit: positiveInt(ui['ulimit'], 65536),
      textViewOpen: ui['textViewOpen'] === true,
      plannerOpen: ui['plannerOpen'] === true,
      exportOpen: ui['exportOpen'] === true && ui['plannerOpen'] !== true,
      serviceKind: KINDS.includes(ui['serviceKind'] as ServiceListFilter) ? (ui['serviceKind'] as ServiceListFilter) : 'all',
      showDisabled: ui['showDisabled'] !== false,
      cpuCores: positiveInt(ui['cpuCores'], 4),
    },
  };
}

/**
 * Puts saved work into a store; the restored state is the start of the undo history.
 *
 * @example restoreSavedWork(store, saved);
 */
export function restoreSavedWork(store: EditorStore, saved: SavedWork): void {
  store.setState({
    text: saved.text, fileName: saved.fileName, importedText: saved.importedText,
    version: saved.version, versionSource: saved.versionSource, lastChange: 'Restored',
    pinned: saved.pinned, ...saved.ui,
  });
  store.temporal.getState().clear();
}

/**
 * Writes the saved part of the state; returns whether it fit.
 *
 * @example saveWork(localStorage, store.getState()); // 'saved'
 */
export function saveWork(storage: WorkStorage, s: EditorState): 'saved' | 'too-large' | 'unavailable' {
  const w = savedWorkOf(s);
  // the baseline usually equals the text: keep one copy
  const json = JSON.stringify(w.importedText === w.text ? { ...w, importedText: undefined } : w);
  try {
    storage.setItem(STORAGE_KEY, json);
    return 'saved';
  } catch (err) {
    const quota = err instanceof DOMException && (err.name === 'QuotaExceededError' || err.code === 22);
    try {
      storage.removeItem(STORAGE_KEY);
    } catch {
      // storage disabled altogether: nothing to remove
    }
    return quota ? 'too-large' : 'unavailable';
  }
}

const SAVED_FIELDS: readonly (keyof EditorState)[] = [
  'text', 'fileName', 'importedText', 'version', 'versionSource', 'pinned',
  'theme', 'ulimit', 'textViewOpen', 'plannerOpen', 'exportOpen', 'serviceKind', 'showDisabled', 'cpuCores',
];

/**
 * Saves after every change of a saved field, debounced; returns the stop function
 * (which saves what is pending).
 *
 * @example useEffect(() => startAutosave(store, localStorage), [store]);
 */
export function startAutosave(store: EditorStore, storage: WorkStorage, delayMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    timer = undefined;
    const status = saveWork(storage, store.getState());
    if (store.getState().storageStatus !== status) store.getState().setStorageStatus(status);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (!SAVED_FIELDS.some((k) => s[k] !== prev[k])) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });
  const onHide = (): void => {
    if (timer !== undefined) {
      clearTimeout(timer);
      flush();
    }
  };
  globalThis.addEventListener?.('pagehide', onHide);
  return () => {
    unsubscribe();
    globalThis.removeEventListener?.('pagehide', onHide);
    onHide();
  };
}
