/**
 * Creates the app's store: the embedded default, replaced by the work saved in
 * this browser, and reads a share link from the URL hash. A shared
 * configuration is opened at once unless it would replace different local
 * work; then the app asks first.
 *
 * @example const { store, pendingShare, shareError } = bootEditor(window);
 */
import { createEditorStore, type EditorStore } from '../store/editor-store.ts';
import { loadSavedWork, restoreSavedWork, type WorkStorage } from '../store/persistence.ts';
import { decodeShareHash, type SharedConfig } from '../store/share-link.ts';
import { DEFAULT_CONFIG_TEXT, DEFAULT_FILE_NAME } from './default-config.ts';

/** What the app starts with. */
export interface Boot {
  readonly store: EditorStore;
  /** A shared configuration waiting for the user's confirmation. */
  readonly pendingShare: SharedConfig | null;
  readonly shareError: string | null;
}

/** The browser's storage, or null where it is disabled. */
export function browserStorage(): WorkStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Opens a shared configuration as the document (its text is the new diff baseline). */
export function openShared(store: EditorStore, shared: SharedConfig): void {
  const s = store.getState();
  s.importText(shared.text, shared.fileName, shared.version, true);
  s.relayout();
  s.select(null);
}

/** Removes the share hash from the address bar (so a reload does not ask again). */
export function clearShareHash(): void {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}

/** Builds the store for this page load. */
export function bootEditor(): Boot {
  const store = createEditorStore(DEFAULT_CONFIG_TEXT, DEFAULT_FILE_NAME);
  const cores = navigator.hardwareConcurrency;
  if (Number.isInteger(cores) && cores > 0) store.getState().setCpuCores(cores);
  const saved = loadSavedWork(browserStorage());
  if (saved !== null) restoreSavedWork(store, saved);

  const share = decodeShareHash(location.hash);
  if (share === null) return { store, pendingShare: null, shareError: null };
  if (!share.ok) {
    clearShareHash();
    return { store, pendingShare: null, shareError: share.error };
  }
  const local = store.getState().text;
  if (saved === null || local === share.config.text || local === DEFAULT_CONFIG_TEXT) {
    openShared(store, share.config);
    store.temporal.getState().clear();
    clearShareHash();
    return { store, pendingShare: null, shareError: null };
  }
  return { store, pendingShare: share.config, shareError: null };
}
