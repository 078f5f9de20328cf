/**
 * Monaco providers of the text view (completion, hover, quick fixes) over the
 * pure helpers of this folder, for one model only. Quick fixes run as a
 * command that applies the core's edits through the store, so each fix is one
 * labelled undo step and reaches the editor like any other external edit.
 *
 * @example const providers = registerProviders(monaco, model, store, binding); ... providers.dispose();
 */
import type * as Monaco from 'monaco-editor/editor';
import { checkConfig, parseConfig, type CheckResult } from '../../core/index.ts';
import { selectAnalysis, selectAnalysisPending } from '../../store/derived.ts';
import { LARGE_TEXT_CHARS } from '../../store/limits.ts';
import type { EditorStore } from '../../store/editor-store.ts';
import { DOVECOT_LANGUAGE_ID } from '../../monaco/dovecot-language.ts';
import { completions, type CompletionKind } from './completion.ts';
import type { EditorBinding } from './editor-binding.ts';
import { hoverAt } from './hover.ts';
import { quickFixes, type QuickFix } from './quick-fixes.ts';
import { usesPigeonhole } from '../../store/pigeonhole.ts';

type MonacoApi = typeof Monaco;

let commandCount = 0;

/**
 * Registers the providers for `model`; returns their disposer.
 *
 * @example registerProviders(monaco, editor.getModel()!, store, binding);
 */
export function registerProviders(monaco: MonacoApi, model: Monaco.editor.ITextModel, store: EditorStore, binding: EditorBinding): Monaco.IDisposable {
  const kinds = monaco.languages.CompletionItemKind;
  const KIND: Readonly<Record<CompletionKind, Monaco.languages.CompletionItemKind>> = {
    setting: kinds.Property, section: kinds.Module, value: kinds.EnumMember, service: kinds.Class, listener: kinds.Interface,
  };
  const commandId = `dovecot.applyQuickFix.${++commandCount}`;

  /**
   * The check of what the editor shows: the store's memoised one when they
   * agree, else a fresh one; null for a huge text whose check is not ready.
   */
  const analysisOfModel = (): CheckResult | null => {
    const s = store.getState();
    const text = model.getValue();
    if (text === s.text && !selectAnalysisPending(s)) return selectAnalysis(s);
    if (text.length > LARGE_TEXT_CHARS) return null;
    return checkConfig({ path: s.fileName, text }, { version: s.version, ulimit: s.ulimit, managesieve: usesPigeonhole(text) });
  };

  const command = monaco.editor.registerCommand(commandId, (_accessor: unknown, fix: QuickFix, forText: string) => {
    binding.flush();
    const s = store.getState();
    // the fix was computed for `forText`; if the text moved on since, its offsets are stale
    if (s.text === forText) s.applyEdits(fix.edits, fix.title);
  });

  const completion = monaco.languages.registerCompletionItemProvider(DOVECOT_LANGUAGE_ID, {
    triggerCharacters: ['=', ' '],
    provideCompletionItems: (m, position, context) => {
      if (m !== model) return { suggestions: [] };
      const line = m.getLineContent(position.lineNumber);
      const before = line.slice(0, position.column - 1);
      const after = line.slice(position.column - 1);
      const offset = m.getOffsetAt(position);
      const result = analysisOfModel();
      if (result === null) return { suggestions: [] };
      const doc = parseConfig(m.getValue(), result.version).doc;
      const items = completions(doc, result, offset, before);
      if (items.length === 0) return { suggestions: [] };
      // a space typed at the start of a line is indentation, not a request for keys
      if (context.triggerCharacter === ' ' && /^\s*$/.test(before)) return { suggestions: [] };
      const prefix = /[\w$.:@-]*$/.exec(before)?.[0] ?? '';
      const rest = /^[\w.-]*/.exec(after)?.[0] ?? '';
      const range = new monaco.Range(position.lineNumber, position.column - prefix.length, position.lineNumber, position.column + rest.length);
      const hasAssign = /^[\w.-]*\s*=/.test(after);
      return {
        suggestions: items.map((c) => ({
          label: c.label,
          kind: KIND[c.kind],
          detail: c.detail,
          documentation: c.doc === '' ? undefined : { value: c.doc },
          insertText: hasAssign && c.kind === 'setting' ? c.label : c.insert,
          ...(c.snippet ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet } : {}),
          sortText: `${c.rank}${c.label}`,
          range,
        })),
      };
    },
  });

  const hover = monaco.languages.registerHoverProvider(DOVECOT_LANGUAGE_ID, {
    provideHover: (m, position) => {
      if (m !== model) return null;
      const result = analysisOfModel();
      if (result === null) return null;
      const doc = parseConfig(m.getValue(), result.version).doc;
      const h = hoverAt(doc, result, m.getOffsetAt(position));
      if (h === null) return null;
      const a = m.getPositionAt(h.start);
      const b = m.getPositionAt(h.end);
      return {
        range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column),
        contents: h.contents.map((value) => ({ value })),
      };
    },
  });

  const actions = monaco.languages.registerCodeActionProvider(DOVECOT_LANGUAGE_ID, {
    provideCodeActions: (m, range, context) => {
      const empty = { actions: [], dispose: () => undefined };
      const s = store.getState();
      if (m !== model || !binding.inSync() || selectAnalysisPending(s)) return empty;
      const result = selectAnalysis(s);
      const doc = parseConfig(s.text, result.version).doc;
      const out: Monaco.languages.CodeAction[] = [];
      for (const marker of binding.markers()) {
        const r = new monaco.Range(marker.startLineNumber, marker.startColumn, marker.endLineNumber, marker.endColumn);
        if (!monaco.Range.areIntersectingOrTouching(r, range)) continue;
        const shown = context.markers.filter((x) => x.code === marker.code && monaco.Range.areIntersectingOrTouching(x, r));
        for (const fix of quickFixes(marker, doc, result)) {
          out.push({
            title: fix.title,
            kind: 'quickfix',
            isPreferred: fix.preferred,
            diagnostics: shown,
            command: { id: commandId, title: fix.title, arguments: [fix, s.text] },
          });
        }
      }
      return { actions: out, dispose: () => undefined };
    },
  }, { providedCodeActionKinds: ['quickfix'] });

  return {
    dispose: () => {
      actions.dispose();
      hover.dispose();
      completion.dispose();
      command.dispose();
    },
  };
}
