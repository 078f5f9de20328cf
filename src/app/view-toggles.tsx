/**
 * Toggles for the side views: the configuration text (Monaco), the capacity
 * planner and the export (the last two share the right-hand drawer).
 *
 * @example <ViewToggles />
 */
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../components/icon.tsx';
import type { EditorState } from '../store/editor-store.ts';
import { useEditor, useEditorStore } from '../store/store-context.tsx';

const selectViews = (s: EditorState) => ({ text: s.textViewOpen, planner: s.plannerOpen, exporting: s.exportOpen });

/** The text view and planner toggles. */
export function ViewToggles() {
  const store = useEditorStore();
  const { text, planner, exporting } = useEditor(useShallow(selectViews));
  return (
    <div className="button-group" role="group" aria-label="Views">
      <button type="button" className={`button toolbar-button secondary${text ? ' is-on' : ''}`} aria-pressed={text} onClick={() => store.getState().setTextViewOpen(!text)} title="Show the configuration text next to the graph">
        <Icon name="code" />
        <span>Text</span>
      </button>
      <button type="button" className={`button toolbar-button secondary${planner ? ' is-on' : ''}`} aria-pressed={planner} onClick={() => store.getState().setPlannerOpen(!planner)} title="Plan capacity from the expected load">
        <Icon name="planner" />
        <span>Planner</span>
      </button>
      <button type="button" className={`button toolbar-button${exporting ? ' is-on' : ''}`} aria-pressed={exporting} onClick={() => store.getState().setExportOpen(!exporting)} title="Export 10-master.conf for Dovecot 2.3 or 2.4">
        <Icon name="download" />
        <span>Export</span>
      </button>
    </div>
  );
}
