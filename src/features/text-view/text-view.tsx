/**
 * The configuration as text in a Monaco editor, two-way bound to the store,
 * with doveconf's markers, quick fixes, hover and completion. The app loads
 * this module lazily (`React.lazy`), and Monaco with it, from the bundle.
 * The editor is created once and disposed in the effect's cleanup.
 *
 * @example const TextView = lazy(() => import('../features/text-view/text-view.tsx'));
 */
import { useEffect, useRef } from 'react';
import { monaco } from '../../monaco/monaco.ts';
import { DOVECOT_LANGUAGE_ID, applyPageTheme, followPageTheme, registerDovecotLanguage } from '../../monaco/dovecot-language.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';
import { bindEditor } from './editor-binding.ts';
import { registerProviders } from './language-providers.ts';
import { TextViewStatus } from './text-view-status.tsx';
// oxlint-disable-next-line import/no-unassigned-import -- the view's stylesheet, bundled with this lazy chunk
import './text-view.css';

const selectTheme = (s: EditorState) => s.theme;

let modelCount = 0;

/** Monaco editor on the store's text. */
export function TextView() {
  const store = useEditorStore();
  const host = useRef<HTMLDivElement>(null);
  const theme = useEditor(selectTheme);

  useEffect(() => {
    const el = host.current;
    if (el === null) return;
    registerDovecotLanguage(monaco);
    const stopTheme = followPageTheme(monaco, el, () => store.getState().theme);
    // the marker widget titles problems with the model's file name
    const name = store.getState().fileName.replace(/[/\\]/g, '_') || 'dovecot.conf';
    const uri = monaco.Uri.from({ scheme: 'inmemory', path: `/text-view-${++modelCount}/${name}` });
    const model = monaco.editor.createModel(store.getState().text, DOVECOT_LANGUAGE_ID, uri);
    const mono = getComputedStyle(el).getPropertyValue('--font-mono').trim();
    const editor = monaco.editor.create(el, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineHeight: 20,
      ...(mono !== '' ? { fontFamily: mono } : {}),
      scrollBeyondLastLine: false,
      renderWhitespace: 'selection',
      bracketPairColorization: { enabled: false },
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: true,
      wordBasedSuggestions: 'off',
      quickSuggestions: { other: true, comments: false, strings: false },
      suggestOnTriggerCharacters: true,
      fixedOverflowWidgets: true,
      lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.On },
      padding: { top: 8, bottom: 8 },
      ariaLabel: 'Configuration text editor',
    });
    const binding = bindEditor(monaco, editor, store);
    const providers = registerProviders(monaco, model, store, binding);
    // a problem clicked elsewhere (problems strip, inspector) asks to show its line
    let lastReveal = store.getState().reveal?.seq ?? 0;
    const showReveal = (s: EditorState): void => {
      const r = s.reveal;
      if (r === null || r.seq === lastReveal) return;
      lastReveal = r.seq;
      const line = Math.min(Math.max(1, r.line), model.getLineCount());
      const column = Math.min(Math.max(1, r.column), model.getLineMaxColumn(line));
      editor.revealLineInCenter(line);
      editor.setPosition({ lineNumber: line, column });
      editor.focus();
    };
    const initial = store.getState().reveal;
    if (initial !== null) {
      lastReveal = initial.seq - 1;
      showReveal(store.getState());
    }
    const stopReveal = store.subscribe(showReveal);
    return () => {
      stopReveal();
      providers.dispose();
      binding.dispose();
      stopTheme();
      editor.dispose();
      model.dispose();
    };
  }, [store]);

  useEffect(() => {
    // the page switches its CSS variables in its own effect: read them after it ran
    const el = host.current;
    if (el === null) return;
    const frame = requestAnimationFrame(() => applyPageTheme(monaco, el, theme));
    return () => cancelAnimationFrame(frame);
  }, [theme]);

  return (
    // the host names the region ("Configuration text"); this is its content
    <div className="text-view">
      <TextViewStatus />
      <div className="text-view-editor nokey nodrag nowheel" ref={host} />
    </div>
  );
}

export default TextView;
