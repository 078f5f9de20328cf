/**
 * The one place Monaco is wired: its API entry, the editor contributions the
 * app uses, and the worker. Everything Monaco comes from the bundle (a worker
 * built by Vite from our own origin), never from a CDN. Import this module only
 * through a dynamic `import()` so Monaco stays out of the first page load.
 *
 * @example const { monaco } = await import('../../monaco/monaco.ts');
 */
/* oxlint-disable import/no-unassigned-import -- Monaco contributions register themselves on import. */
import * as monaco from 'monaco-editor/editor';
// oxlint-disable-next-line import/default -- `?worker` is a Vite module (vite/client types), invisible to the linter.
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
// Editor contributions are opt-in with the 0.57 `editor` entry: only these are loaded.
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/suggest/register';
// `features/suggest/register` only brings inline completions: the suggest widget is its controller.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/inlineProgress/register';

self.MonacoEnvironment = {
  // Monaco's only worker here is the editor worker (diff computation, word ranges).
  getWorker: () => new EditorWorker(),
};

export { monaco };
