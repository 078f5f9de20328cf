/**
 * The document: the configuration text is the model (lossless), every change is
 * a text edit computed by the core, and everything else is derived from it.
 *
 * @example
 *   store.getState().applyEdits(setBlockSetting(doc, { service: 'auth' }, 'client_limit', '2000'), 'Set auth client_limit');
 */
import type { StateCreator } from 'zustand';
import type { ConfigDocument, DovecotVersion, TextEdit } from '../core/index.ts';
import { applyEdits as apply, detectVersion, parseConfig } from '../core/index.ts';
import type { EditorState } from './editor-store.ts';
import { LARGE_TEXT_CHARS } from './limits.ts';

/** One step of a composite change: edits computed on the text as the previous steps left it. */
export type EditStep = (doc: ConfigDocument) => readonly TextEdit[];

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
  /**
   * Replace the text with an imported file: also the new diff baseline. `version`
   * is the version detected off the main thread for a large text, or (with
   * `chosen`) the version the user picked for it.
   */
  importText(text: string, fileName: string, version?: DovecotVersion, chosen?: boolean): void;
  /** Apply core text edits as one undo step. */
  applyEdits(edits: readonly TextEdit[], label: string): void;
  /** Apply several edit steps in order (each on the result of the previous one) as one undo step. */
  applyEditSteps(steps: readonly EditStep[], label: string): void;
  setVersion(version: DovecotVersion): void;
}

/** Detects the version, except for large texts (the background check detects those). */
function detectedOr(text: string, current: DovecotVersion): DovecotVersion {
  return text.length > LARGE_TEXT_CHARS ? current : detectVersion(text);
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
        ...(s.versionSource === 'detected' || name !== undefined ? { version: detectedOr(text, s.version), versionSource: 'detected' as const } : {}),
      });
    },
    importText: (text, name, version, chosen = false) => {
      set({
        text, importedText: text, fileName: name,
        version: version ?? detectedOr(text, get().version),
        versionSource: chosen && version !== undefined ? 'chosen' : 'detected',
        lastChange: `Imported ${name}`,
        // another file: its services get a fresh layout, not the old file's dragged positions
        pinned: {},
        layoutRevision: get().layoutRevision + 1,
      });
    },
    applyEdits: (edits, label) => {
      if (edits.length === 0) return;
      set({ text: apply(get().text, edits), lastChange: label });
    },
    applyEditSteps: (steps, label) => {
      const { version } = get();
      let text = get().text;
      for (const step of steps) {
        const edits = step(parseConfig(text, version).doc);
        if (edits.length > 0) text = apply(text, edits);
      }
      if (text !== get().text) set({ text, lastChange: label });
    },
    setVersion: (version) => set({ version, versionSource: 'chosen', lastChange: `Dovecot ${version}` }),
  });
}
