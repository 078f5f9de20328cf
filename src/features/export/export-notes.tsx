/**
 * What the export changed or left out: the core's conversion notes (renamed,
 * removed, not convertible) and the export's own (version lines, globals
 * that stay in dovecot.conf).
 *
 * @example <ExportNotes notes={result.notes} showLines />
 */
import type { ExportNote } from './export-text.ts';

const KIND_LABEL: Readonly<Record<ExportNote['kind'], string>> = {
  changed: 'changed',
  removed: 'removed',
  unconvertible: 'not converted',
  'left-out': 'left out',
};

/** The notes as a list; `showLines` prints the source line of each. */
export function ExportNotes({ notes, showLines }: { notes: readonly ExportNote[]; showLines: boolean }) {
  if (notes.length === 0) return <p className="export-empty">Nothing to convert: the text is exported as it is.</p>;
  return (
    <ul className="export-notes" aria-label="Conversion notes">
      {notes.map((n, i) => (
        <li key={`${i}-${n.line}`} data-kind={n.kind}>
          <span className="export-note-kind">{KIND_LABEL[n.kind]}</span>
          {showLines && n.line > 0 ? <span className="export-note-line">line {n.line}</span> : null}
          <span className="export-note-text">{n.message}</span>
        </li>
      ))}
    </ul>
  );
}
