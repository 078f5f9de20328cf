/**
 * Production build of the bench page (bench/ui/harness) into .cache/bench-ui,
 * served by `vite preview` for `npm run bench:ui`.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: `${here}harness`,
  base: './',
  plugins: [react()],
  build: { target: 'es2022', outDir: `${here}../../.cache/bench-ui`, emptyOutDir: true, sourcemap: true },
  worker: { format: 'es' },
  preview: { port: 4182, strictPort: true },
  server: { fs: { allow: [`${here}../..`] } },
});
