import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Monaco is large and only needed once the text view opens: it gets its own
// chunk, and the app must reach it through a dynamic `import()` only.
const monacoChunk = { name: 'monaco', test: /node_modules[\\/]monaco-editor[\\/]/ };

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    // Monaco alone is ~2.7 MB minified; it is lazy, so its size is expected.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      output: {
        // Without `includeDependenciesRecursively: false` the group also swallows
        // shared helpers (Vite's preload helper), and the entry then imports the
        // Monaco chunk eagerly.
        codeSplitting: { includeDependenciesRecursively: false, groups: [monacoChunk] },
      },
    },
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
