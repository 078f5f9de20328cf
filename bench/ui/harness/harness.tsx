/**
 * Bench page: the service graph alone on a store loaded with a generated
 * configuration (`?n=500`), the store exposed as `window.dovecotEditorStore`
 * for the bench to edit. Used while the app page does not expose its store.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditorStore } from '../../../src/store/editor-store.ts';
import { EditorStoreProvider } from '../../../src/store/store-context.tsx';
import { ServiceGraph } from '../../../src/features/graph/service-graph.tsx';
import { DEFAULT_CONFIG_TEXT } from '../../../src/app/default-config.ts';
import { generateConfig } from '../generate-config.ts';

import type { BenchStore } from '../page-globals.ts';

const params = new URLSearchParams(location.search);
// the app sets data-theme from the user's choice; the bench page follows the system
document.documentElement.dataset['theme'] = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
const n = Number(params.get('n') ?? '0');
const store: BenchStore = createEditorStore(n > 0 ? generateConfig(n) : DEFAULT_CONFIG_TEXT, n > 0 ? `generated-${n}.conf` : 'dovecot.conf');
window.dovecotEditorStore = store;
const root = document.getElementById('root');
if (root === null) throw new Error('harness page has no #root');
createRoot(root).render(
  <StrictMode>
    <EditorStoreProvider store={store}>
      <ServiceGraph />
    </EditorStoreProvider>
  </StrictMode>,
);
