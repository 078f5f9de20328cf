import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Monaco is large and only needed once the text view opens: it gets its own
// chunk, and the app must reach it through a dynamic `import()` only.
const monacoChunk = { name: 'monaco', test: /node_modules[\\/]monaco-editor[\\/]/ };

/**
 * Content-Security-Policy of the built app (README, "Content-Security-Policy"):
 * everything from the page's own origin, no inline or evaluated script, no
 * remote origin. `style-src 'unsafe-inline'` because Monaco creates <style>
 * elements at run time (theme colors, decorations) and has no nonce hook.
 * Only in builds: the dev server injects inline scripts (React refresh).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // first in <head>, so it governs every element after it
      handler: (html) => html.replace(/<head>/i, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    // Monaco 0.57's editor core with the contributions the text view registers is ~3.4 MB
    // minified; it is lazy, so its size is expected.
    chunkSizeWarningLimit: 3600,
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
