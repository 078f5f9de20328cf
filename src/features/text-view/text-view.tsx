/**
 * The configuration as text in a Monaco editor, two-way bound to the store.
 * Loaded lazily by the app (`React.lazy(() => import(...))`): Monaco comes in
 * with this module, from the bundle.
 *
 * @example const TextView = lazy(() => import('../features/text-view/text-view.tsx'));
 */
import { useEffect, useRef } from 'react';
import { monaco } from '../../monaco/monaco.ts';
import { useEditorStore } from '../../store/store-context.tsx';

const EDIT_DEBOUNCE_MS = 60;

/** Monaco editor on the store's text. */
export function TextView() {
  const store = useEditorStore();
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (el === null) return;
    const editor = monaco.editor.create(el, {
      value: store.getState().text,
      language: 'plaintext',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let applyingStore = false;
    const flush = () => {
      timer = undefined;
      const text = editor.getValue();
      if (text !== store.getState().text) store.getState().setText(text, 'Edit text');
    };
    const changeSub = editor.onDidChangeModelContent(() => {
      if (applyingStore) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, EDIT_DEBOUNCE_MS);
    });
    const unsub = store.subscribe((s) => {
      const model = editor.getModel();
      if (model === null || s.text === model.getValue()) return;
      applyingStore = true;
      try {
        editor.executeEdits('store', [{ range: model.getFullModelRange(), text: s.text }]);
      } finally {
        applyingStore = false;
      }
    });
    return () => {
      if (timer !== undefined) {
        clearTimeout(timer);
        flush();
      }
      unsub();
      changeSub.dispose();
      editor.dispose();
    };
  }, [store]);

  return <div className="text-view nokey nodrag nowheel" ref={host} style={{ height: '100%', minHeight: 320 }} />;
}

export default TextView;
