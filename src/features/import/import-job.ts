/**
 * Importing a configuration: read the file (with progress for large ones),
 * check a large text in the worker before it lands (so the page never
 * freezes and the text arrives with its analysis), then hand the whole text to
 * the store as the new document and diff baseline. Never truncates. The
 * progress and outcome live in a small store of their own, shared by the
 * import button, the paste dialog and the drop zone.
 *
 * @example await importFile(store, file);
 */
import { createStore } from 'zustand/vanilla';
import type { DovecotVersion } from '../../core/index.ts';
import { checkOffMainThread, type WorkerJob } from '../../store/background-check.ts';
import type { EditorStore } from '../../store/editor-store.ts';
import { LARGE_TEXT_CHARS } from '../../store/limits.ts';
import { selectAnalysis } from '../../store/derived.ts';

/** Where an import is. */
export type ImportStatus =
  | { readonly phase: 'idle' }
  | { readonly phase: 'reading'; readonly name: string; readonly loaded: number; readonly total: number }
  | { readonly phase: 'checking'; readonly name: string; readonly total: number }
  | { readonly phase: 'done'; readonly name: string; readonly version: DovecotVersion; readonly detected: boolean; readonly errors: number; readonly warnings: number; readonly chars: number }
  | { readonly phase: 'failed'; readonly name: string; readonly message: string };

/** The import progress store. */
export const importStatus = createStore<{ status: ImportStatus }>()(() => ({ status: { phase: 'idle' } }));

let running: { cancel(): void } | null = null;

function setStatus(status: ImportStatus): void {
  importStatus.setState({ status });
}

/** Clears the last outcome. */
export function dismissImportStatus(): void {
  if (running === null) setStatus({ phase: 'idle' });
}

/** Stops a running import (the document is left as it was). */
export function cancelImport(): void {
  running?.cancel();
  running = null;
  setStatus({ phase: 'idle' });
}

function readFile(file: File, onProgress: (loaded: number) => void): { promise: Promise<string>; cancel(): void } {
  const reader = new FileReader();
  const promise = new Promise<string>((resolve, reject) => {
    reader.addEventListener('progress', (e) => onProgress(e.loaded));
    reader.addEventListener('load', () => resolve(typeof reader.result === 'string' ? reader.result : ''));
    reader.addEventListener('error', () => reject(reader.error ?? new Error('The file could not be read')));
    reader.addEventListener('abort', () => reject(new DOMException('Import cancelled', 'AbortError')));
  });
  reader.readAsText(file);
  return { promise, cancel: () => reader.abort() };
}

/**
 * Imports a text as the new document; `version` forces a version (otherwise detected).
 *
 * @example await importText(store, 'protocols = imap\n', 'pasted.conf');
 */
export async function importText(store: EditorStore, text: string, name: string, version?: DovecotVersion): Promise<void> {
  let job: WorkerJob | null = null;
  try {
    if (text.length > LARGE_TEXT_CHARS) {
      setStatus({ phase: 'checking', name, total: text.length });
      job = checkOffMainThread({ text, fileName: name, version: version ?? null, ulimit: store.getState().ulimit });
      running = job;
      const r = await job.promise;
      running = null;
      const s = store.getState();
      s.importText(text, name, r.version, version !== undefined);
      s.setBackground({ text, version: r.version, ulimit: s.ulimit, detected: r.detected, result: r.result });
    } else {
      store.getState().importText(text, name, version, version !== undefined);
    }
    const s = store.getState();
    s.relayout();
    if (s.selected !== null && !selectAnalysis(s).resolved.services.some((x) => x.name === s.selected)) s.select(null);
    const a = selectAnalysis(s);
    setStatus({
      phase: 'done', name, version: s.version, detected: version === undefined, chars: text.length,
      errors: a.allErrors.length, warnings: a.warnings.length,
    });
  } catch (err) {
    running = null;
    if (err instanceof DOMException && err.name === 'AbortError') return;
    setStatus({ phase: 'failed', name, message: err instanceof Error ? err.message : String(err) });
  }
}

/**
 * Reads a file the user picked or dropped and imports it.
 *
 * @example input.onchange = () => importFile(store, input.files[0]);
 */
export async function importFile(store: EditorStore, file: File): Promise<void> {
  cancelImport();
  setStatus({ phase: 'reading', name: file.name, loaded: 0, total: file.size });
  const read = readFile(file, (loaded) => setStatus({ phase: 'reading', name: file.name, loaded, total: file.size }));
  running = read;
  let text: string;
  try {
    text = await read.promise;
  } catch (err) {
    running = null;
    if (err instanceof DOMException && err.name === 'AbortError') return;
    setStatus({ phase: 'failed', name: file.name, message: err instanceof Error ? err.message : String(err) });
    return;
  }
  running = null;
  await importText(store, text, file.name);
}
