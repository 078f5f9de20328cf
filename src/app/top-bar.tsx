/**
 * The top bar: product name, the Dovecot version and the enabled protocols
 * (they decide which services run), then the document actions (import, paste,
 * presets, recipes, share), history, side views, reset and theme.
 *
 * @example <TopBar />
 */
import { ImportButton } from '../features/import/import-button.tsx';
import { PasteButton } from '../features/import/paste-dialog.tsx';
import { PresetsButton } from '../features/presets/presets-dialog.tsx';
import { RecipesButton } from '../features/presets/recipes-menu.tsx';
import { ProtocolsEditor } from '../features/services/protocols-editor.tsx';
import { VersionSwitch } from '../features/services/version-switch.tsx';
import { ResetButton } from './reset-button.tsx';
import { ShareButton } from './share-button.tsx';
import { ThemeSwitch } from './theme-switch.tsx';
import { UndoRedoButtons } from './undo-redo-buttons.tsx';
import { ViewToggles } from './view-toggles.tsx';

/** The top bar. */
export function TopBar() {
  return (
    <header className="top-bar">
      <div className="brand">
        <img src="/favicon.svg" alt="" width="22" height="22" />
        <h1>Dovecot Service Editor</h1>
      </div>
      <div className="top-group doc-controls">
        <VersionSwitch />
        <ProtocolsEditor />
      </div>
      <span className="top-spacer" />
      <div className="top-group" role="toolbar" aria-label="Document">
        <ImportButton />
        <PasteButton />
        <PresetsButton />
        <RecipesButton />
        <ShareButton />
      </div>
      <span className="top-divider" />
      <UndoRedoButtons />
      <span className="top-divider" />
      <ViewToggles />
      <span className="top-divider" />
      <div className="button-group">
        <ResetButton />
        <ThemeSwitch />
      </div>
    </header>
  );
}
