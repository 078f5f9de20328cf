/**
 * The bottom line: the document, its last change, whether a large text is
 * being checked, whether Pigeonhole is assumed, and whether the work is kept
 * in this browser.
 *
 * @example <StatusBar />
 */
import { useShallow } from 'zustand/react/shallow';
import { formatFileSize } from '../components/format.ts';
import { selectAnalysisPending, selectPigeonhole } from '../store/derived.ts';
import type { EditorState } from '../store/editor-store.ts';
import { useEditor } from '../store/store-context.tsx';

const selectStatus = (s: EditorState) => ({
  fileName: s.fileName, chars: s.text.length, lastChange: s.lastChange, storage: s.storageStatus,
  edited: s.text !== s.importedText,
});

const STORAGE_TEXT: Readonly<Record<EditorState['storageStatus'], string>> = {
  idle: 'kept in this browser',
  saved: 'saved in this browser',
  'too-large': 'too large to keep in this browser: export it',
  unavailable: 'browser storage unavailable: not kept',
};

/** The status bar. */
export function StatusBar() {
  const s = useEditor(useShallow(selectStatus));
  const pending = useEditor(selectAnalysisPending);
  const pigeonhole = useEditor(selectPigeonhole);
  return (
    <footer className="status-bar">
      <span className="mono">{s.fileName}</span>
      <span>{formatFileSize(s.chars)}</span>
      <span>{s.edited ? 'edited since import' : 'as imported'}</span>
      <span className="status-last">last change: {s.lastChange}</span>
      <span className="status-spacer" />
      {pigeonhole ? (
        <span title="The configuration enables sieve or a managesieve service, so it is checked as on a server with dovecot-managesieved (Pigeonhole) installed: managesieve and managesieve-login are built-in services.">
          checked with Pigeonhole (managesieve)
        </span>
      ) : null}
      {pending ? <span className="status-busy"><span className="spinner" aria-hidden="true" /> checking in the background…</span> : null}
      <span className={s.storage === 'too-large' || s.storage === 'unavailable' ? 'status-warn' : undefined}>{STORAGE_TEXT[s.storage]}</span>
    </footer>
  );
}
