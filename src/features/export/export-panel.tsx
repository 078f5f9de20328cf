/**
 * Export of the configuration as conf.d/10-master.conf: the changed service
 * settings or the whole file, for Dovecot 2.3 or 2.4 (converted by the core),
 * with what the conversion did, doveconf's verdict on the result, copy,
 * download, and a diff against the file as imported. The app loads it lazily;
 * Monaco is only loaded when the diff is opened.
 *
 * @example const ExportPanel = lazy(() => import('../features/export/export-panel.tsx'));
 */
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DovecotVersion } from '../../core/index.ts';
import { selectAnalysis, selectAnalysisPending } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor } from '../../store/store-context.tsx';
import { downloadText } from './download.ts';
import { ExportNotes } from './export-notes.tsx';
import { buildExport, EXPORT_FILE_NAME, type ExportForm } from './export-text.ts';
import { ExportVerdict } from './export-verdict.tsx';
// oxlint-disable-next-line import/no-unassigned-import -- the panel's stylesheet, bundled with this lazy chunk
import './export-panel.css';

const DiffView = lazy(() => import('./diff-view.tsx'));

const selectSource = (s: EditorState) => ({
  text: s.text,
  version: s.version,
  fileName: s.fileName,
  importedText: s.importedText,
  // the store's check of this very text, when it is current
  analysis: selectAnalysisPending(s) ? null : selectAnalysis(s),
});

const FORMS: readonly { readonly value: ExportForm; readonly label: string; readonly hint: string }[] = [
  { value: 'changed', label: 'Changed settings only', hint: 'What differs from the defaults, like doveconf -n' },
  { value: 'whole', label: 'Whole file as edited', hint: 'Every line, comments included' },
];

/** The export panel. */
export function ExportPanel() {
  const src = useEditor(useShallow(selectSource));
  const [form, setForm] = useState<ExportForm>('changed');
  const [chosenTarget, setChosenTarget] = useState<DovecotVersion | null>(null);
  const [showDiff, setShowDiff] = useState(false);
  const [status, setStatus] = useState('');
  const target = chosenTarget ?? src.version;
  const ids = useId();

  const result = useMemo(
    () => buildExport({ text: src.text, version: src.version, fileName: src.fileName }, form, target, src.analysis ?? undefined),
    [src.text, src.version, src.fileName, src.analysis, form, target],
  );
  const baseline = useMemo(
    () => (showDiff ? buildExport({ text: src.importedText, version: src.version, fileName: src.fileName }, form, target).text : ''),
    [showDiff, src.importedText, src.version, src.fileName, form, target],
  );

  const copy = () => {
    navigator.clipboard.writeText(result.text).then(
      () => setStatus(`Copied ${EXPORT_FILE_NAME} (${result.text.length} characters) to the clipboard.`),
      (e: unknown) => setStatus(`Copying failed: ${e instanceof Error ? e.message : String(e)}. Use the download instead.`),
    );
  };
  const download = () => {
    downloadText(EXPORT_FILE_NAME, result.text);
    setStatus(`Downloaded ${EXPORT_FILE_NAME} for Dovecot ${target}.`);
  };

  return (
    <section className="export-panel" aria-labelledby={`${ids}-title`}>
      <header className="export-head">
        <h2 id={`${ids}-title`}>Export {EXPORT_FILE_NAME}</h2>
        <div className="export-actions">
          <button type="button" onClick={copy}>Copy</button>
          <button type="button" className="export-primary" onClick={download}>Download {EXPORT_FILE_NAME}</button>
        </div>
      </header>
      <div className="export-controls">
        <fieldset className="export-forms">
          <legend>Content</legend>
          {FORMS.map((f) => (
            <label key={f.value} title={f.hint}>
              <input type="radio" name={`${ids}-form`} value={f.value} checked={form === f.value} onChange={() => setForm(f.value)} />
              {f.label}
            </label>
          ))}
        </fieldset>
        <label className="export-target">
          Target version
          <select value={target} onChange={(e) => setChosenTarget(e.target.value === '2.3' ? '2.3' : '2.4')}>
            <option value="2.3">Dovecot 2.3</option>
            <option value="2.4">Dovecot 2.4</option>
          </select>
        </label>
        <label className="export-diff-toggle">
          <input type="checkbox" checked={showDiff} onChange={(e) => setShowDiff(e.target.checked)} />
          Diff against the imported file
        </label>
      </div>
      <p className="export-status" role="status" aria-live="polite">{status}</p>
      <ExportVerdict check={result.check} target={target} form={form} sourceErrors={result.sourceErrors} />
      <h3 className="export-subhead">
        {src.version === target ? `Notes (Dovecot ${target})` : `Converted from Dovecot ${src.version} to ${target}`}
      </h3>
      <ExportNotes notes={result.notes} showLines={form === 'whole'} />
      {showDiff ? (
        <Suspense fallback={<p className="export-empty">Loading the diff view…</p>}>
          <DiffView original={baseline} modified={result.text} />
        </Suspense>
      ) : (
        <pre className="export-preview" aria-label={`Exported ${EXPORT_FILE_NAME}`} tabIndex={0}>{result.text}</pre>
      )}
    </section>
  );
}

export default ExportPanel;
