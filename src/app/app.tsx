/**
 * The editor: composes every feature (the only module that knows them all).
 * Service list | graph (+ text view) and problems | inspector, with the
 * connection budgets always visible below, and the planner or the export in a
 * drawer over the inspector.
 * Owns the app-wide effects: theme, undo keys, autosave, background checks.
 *
 * @example createRoot(el).render(<App boot={bootEditor()} />);
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { Icon } from '../components/icon.tsx';
import { BudgetsPanel } from '../features/budgets/budgets-panel.tsx';
import { ProblemsPanel } from '../features/diagnostics/problems-panel.tsx';
import { ServiceGraph } from '../features/graph/service-graph.tsx';
import { DropZone } from '../features/import/drop-zone.tsx';
import { ImportStatusBar } from '../features/import/import-status-bar.tsx';
import { Inspector } from '../features/inspector/inspector.tsx';
import { ServiceList } from '../features/service-list/service-list.tsx';
import { startBackgroundCheck } from '../store/background-check.ts';
import type { EditorState } from '../store/editor-store.ts';
import { startAutosave } from '../store/persistence.ts';
import { decodeShareHash } from '../store/share-link.ts';
import { EditorStoreProvider, useEditor, useEditorStore } from '../store/store-context.tsx';
import { browserStorage, clearShareHash, type Boot } from './boot.ts';
import { SharedLinkPrompt } from './shared-link-prompt.tsx';
import { StatusBar } from './status-bar.tsx';
import { TopBar } from './top-bar.tsx';
import { useTheme } from './use-theme.ts';
import { useUndoShortcuts } from './use-undo-shortcuts.ts';

// Monaco and the planner load on first use, from their own chunks.
const TextView = lazy(() => import('../features/text-view/text-view.tsx').then((m) => ({ default: m.TextView })));
const PlannerPanel = lazy(() => import('../features/planner/planner-panel.tsx').then((m) => ({ default: m.PlannerPanel })));
const ExportPanel = lazy(() => import('../features/export/export-panel.tsx').then((m) => ({ default: m.ExportPanel })));

const selectLayout = (s: EditorState) => ({ theme: s.theme, textViewOpen: s.textViewOpen, plannerOpen: s.plannerOpen, exportOpen: s.exportOpen, fileName: s.fileName });

function Loading({ what }: { what: string }) {
  return <div className="pane-loading" role="status"><span className="spinner" aria-hidden="true" /> Loading {what}…</div>;
}

/** The right-hand drawer over the inspector (planner or export); the panel inside brings its own title. */
function Drawer({ label, what, onClose, children }: { label: string; what: string; onClose: () => void; children: ReactNode }) {
  return (
    <aside className="drawer" aria-label={label}>
      <button type="button" className="icon-button small drawer-close" aria-label={`Close ${what}`} onClick={onClose}><Icon name="x" size={14} /></button>
      <div className="drawer-body">
        <ErrorBoundary name={label}>
          <Suspense fallback={<Loading what={what} />}>{children}</Suspense>
        </ErrorBoundary>
      </div>
    </aside>
  );
}

function Workspace({ boot }: { boot: Boot }) {
  const store = useEditorStore();
  const { theme, textViewOpen, plannerOpen, exportOpen, fileName } = useEditor(useShallow(selectLayout));
  const [pendingShare, setPendingShare] = useState(boot.pendingShare);
  const [shareError, setShareError] = useState(boot.shareError);
  useTheme(theme);
  useEffect(() => {
    document.title = `${fileName} · Dovecot Service Editor`;
  }, [fileName]);
  useUndoShortcuts(store);
  useEffect(() => startBackgroundCheck(store), [store]);
  // a share link opened while the editor is already open (same page, new hash)
  useEffect(() => {
    const onHash = () => {
      const share = decodeShareHash(location.hash);
      if (share === null) return;
      if (!share.ok) {
        clearShareHash();
        setShareError(share.error);
      } else if (share.config.text === store.getState().text) {
        clearShareHash();
      } else {
        setPendingShare(share.config);
      }
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store]);
  useEffect(() => {
    const storage = browserStorage();
    if (storage === null) {
      store.getState().setStorageStatus('unavailable');
      return undefined;
    }
    return startAutosave(store, storage);
  }, [store]);

  return (
    <div className="app">
      <TopBar />
      <ImportStatusBar />
      {shareError ? (
        <div className="notice-bar is-error" role="alert">
          <Icon name="error" size={14} /> <span>{shareError}</span>
          <button type="button" className="icon-button small" aria-label="Dismiss" onClick={() => setShareError(null)}><Icon name="x" size={14} /></button>
        </div>
      ) : null}
      <div className="workspace">
        <ErrorBoundary name="Service list"><ServiceList /></ErrorBoundary>
        <main className="center">
          <div className={`canvas-row${textViewOpen ? ' with-text' : ''}`}>
            <div className="graph-host">
              <ErrorBoundary name="Service graph"><ServiceGraph /></ErrorBoundary>
            </div>
            {textViewOpen ? (
              <section className="text-host" aria-label="Configuration text">
                <header className="text-host-head">
                  <h2 className="pane-title">Configuration text</h2>
                  <button type="button" className="icon-button small" aria-label="Close the text view" onClick={() => store.getState().setTextViewOpen(false)}><Icon name="x" size={14} /></button>
                </header>
                <ErrorBoundary name="Text view">
                  <Suspense fallback={<Loading what="the text editor" />}><TextView /></Suspense>
                </ErrorBoundary>
              </section>
            ) : null}
          </div>
          <ErrorBoundary name="Problems"><ProblemsPanel /></ErrorBoundary>
        </main>
        <div className="right-column">
          <ErrorBoundary name="Inspector"><Inspector /></ErrorBoundary>
          {plannerOpen ? (
            <Drawer label="Capacity planner drawer" what="the planner" onClose={() => store.getState().setPlannerOpen(false)}>
              <PlannerPanel />
            </Drawer>
          ) : null}
          {exportOpen ? (
            <Drawer label="Export drawer" what="the export" onClose={() => store.getState().setExportOpen(false)}>
              <ExportPanel />
            </Drawer>
          ) : null}
        </div>
      </div>
      <ErrorBoundary name="Connection budgets"><BudgetsPanel /></ErrorBoundary>
      <StatusBar />
      <DropZone />
      {pendingShare ? <SharedLinkPrompt shared={pendingShare} onDone={() => setPendingShare(null)} /> : null}
    </div>
  );
}

/** The whole editor for one store. */
export function App({ boot }: { boot: Boot }) {
  return (
    <EditorStoreProvider store={boot.store}>
      <Workspace boot={boot} />
    </EditorStoreProvider>
  );
}
