/**
 * Monaco's diff editor (read-only), side by side: the export of the file as
 * imported against the export of the text as edited. Loaded lazily: Monaco
 * comes with this module only when the diff is opened.
 *
 * @example const DiffView = lazy(() => import('./diff-view.tsx'));
 */
import { useEffect, useRef } from 'react';
import type * as Monaco from 'monaco-editor/editor';
import { monaco } from '../../monaco/monaco.ts';
import { DOVECOT_LANGUAGE_ID, applyPageTheme, followPageTheme, registerDovecotLanguage } from '../../monaco/dovecot-language.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';

const selectTheme = (s: EditorState) => s.theme;

/** Props of the diff. */
export interface DiffViewProps {
  readonly original: string;
  readonly modified: string;
}

/** A read-only side-by-side diff. */
export function DiffView({ original, modified }: DiffViewProps) {
  const store = useEditorStore();
  const theme = useEditor(selectTheme);
  const host = useRef<HTMLDivElement>(null);
  const models = useRef<{ original: Monaco.editor.ITextModel; modified: Monaco.editor.ITextModel } | null>(null);

  useEffect(() => {
    const el = host.current;
    if (el === null) return;
    registerDovecotLanguage(monaco);
    const stopTheme = followPageTheme(monaco, el, () => store.getState().theme);
    const pair = {
      original: monaco.editor.createModel('', DOVECOT_LANGUAGE_ID),
      modified: monaco.editor.createModel('', DOVECOT_LANGUAGE_ID),
    };
    const mono = getComputedStyle(el).getPropertyValue('--font-mono').trim();
    const diff = monaco.editor.createDiffEditor(el, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      ...(mono !== '' ? { fontFamily: mono } : {}),
      renderOverviewRuler: false,
      ariaLabel: 'Diff against the imported file',
    });
    diff.setModel(pair);
    models.current = pair;
    return () => {
      models.current = null;
      stopTheme();
      diff.dispose();
      pair.original.dispose();
      pair.modified.dispose();
    };
  }, [store]);

  useEffect(() => {
    const pair = models.current;
    if (pair === null) return;
    if (pair.original.getValue() !== original) pair.original.setValue(original);
    if (pair.modified.getValue() !== modified) pair.modified.setValue(modified);
  }, [original, modified]);

  useEffect(() => {
    const el = host.current;
    if (el === null) return;
    const frame = requestAnimationFrame(() => applyPageTheme(monaco, el, theme));
    return () => cancelAnimationFrame(frame);
  }, [theme]);

  return <div className="export-diff nokey nodrag nowheel" ref={host} />;
}

export default DiffView;
