/**
 * Light, dark, or follow the system.
 *
 * @example <ThemeSwitch />
 */
import { Icon, type IconName } from '../components/icon.tsx';
import type { EditorState } from '../store/editor-store.ts';
import type { Theme } from '../store/ui-slice.ts';
import { useEditor, useEditorStore } from '../store/store-context.tsx';

const selectTheme = (s: EditorState) => s.theme;
const ORDER: readonly Theme[] = ['system', 'light', 'dark'];
const ICONS: Readonly<Record<Theme, IconName>> = { system: 'monitor', light: 'sun', dark: 'moon' };

/** A button cycling system → light → dark. */
export function ThemeSwitch() {
  const store = useEditorStore();
  const theme = useEditor(selectTheme);
  const next = ORDER[(ORDER.indexOf(theme) + 1) % ORDER.length]!;
  return (
    <button type="button" className="icon-button bordered" aria-label={`Theme: ${theme}. Switch to ${next}`} title={`Theme: ${theme} (click for ${next})`} onClick={() => store.getState().setTheme(next)}>
      <Icon name={ICONS[theme]} />
    </button>
  );
}
