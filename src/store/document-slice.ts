/**
 * The document: the configuration text is the model (lossless), every change is
 * a text edit computed by the core, and everything else is derived from it.
 *
 * @example
 *   store.getState().applyEdits(setBlockSetting(doc, { service: 'auth' }, 'client_limit', '2000'), 'Set auth client_limit');
 */
import type { StateCreator } from 'zustand';
import type { DovecotVersion, TextEdit } from '../core/index.ts';
import { applyEdits as apply, detectVersion } from '../core/index.ts';
import type { EditorState } from './editor-store.ts';

/** Document state and its actions. */
export interface DocumentSlice {
  /** Main configuration text as the user has it. */
  readonly text: string;
  readonly fileName: string;
  /** The text as last imported or loaded: the baseline of the export diff. */
  readonly importedText: string;
  /** Version chosen by the user, or detected from the text. */
  readonly version: DovecotVersion;
  readonly versionSource: 'detected' | 'chosen';
  /** Label of the last change (for the undo tooltip and status line). */
  readonly lastChange: string;
  /** Replace the whole text (paste, text view). */
  setText(text: string, label: string, fileName?: string): void;
  /** Replace the text with an imported file: also the new diff baseline. */
  importText(text: string, fileName: string): void;
  /** Apply core text edits as one undo step. */
  applyEdits(edits: readonly TextEdit[], label: string): void;
  setVersion(version: DovecotVersion): void;
}

/** Creates the document slice for a starting text. */
export function createDocumentSlice(initialText: string, fileName: string): StateCreator<EditorState, [], [], DocumentSlice> {
  return (set, get) => ({
    text: initialText,
    fileName,
    importedText: initialText,
    version: detectVersion(initialText),
    versionSource: 'detected',
    lastChange: 'Loaded',
    setText: (text, label, name) => {
      const s = get();
      set({
        text,
        lastChange: label,
        ...(name !== undefined ? { fileName: name } : {}),
        ...(s.versionSource === 'detected' || name !== undefined ? { version: detectVersion(text), versionSource: 'detected' as const } : {}),
      });
    },
    importText: (text, name) => {
      set({ text, importedText: text, fileName: name, version: detectVersion(text), versionSource: 'detected', lastChange: `Imported ${name}` });
    },
    applyEdits: (edits, label) => {
      if (edits.length === 0) return;
      set({ text: apply(get().text, edits), lastChange: label });
    },
    setVersion: (version) => set({ version, versionSource: 'chosen', lastChange: `Dovecot ${version}` }),
  });
}
