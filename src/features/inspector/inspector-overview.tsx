/**
 * What the inspector shows with nothing selected: the document at a glance
 * (services running, edited, custom, with problems) and how to get going.
 *
 * @example <InspectorOverview />
 */
import { useShallow } from 'zustand/react/shallow';
import { plural } from '../../components/format.ts';
import { selectAnalysis, selectServiceProblems } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';

const selectSummary = (s: EditorState) => {
  const a = selectAnalysis(s);
  const services = a.resolved.services;
  return {
    total: services.length,
    running: services.filter((x) => x.enabled).length,
    edited: services.filter((x) => x.block !== undefined).map((x) => x.name).join(' '),
    custom: services.filter((x) => !x.builtin).length,
    problems: selectServiceProblems(s).size,
    version: a.version,
  };
};

/** The overview. */
export function InspectorOverview() {
  const store = useEditorStore();
  const s = useEditor(useShallow(selectSummary));
  const edited = s.edited === '' ? [] : s.edited.split(' ');
  return (
    <div className="overview">
      <p className="empty-title">No service selected</p>
      <p className="muted">Select a service in the list or on the graph to see and edit every setting of it and of its listeners.</p>
      <dl className="overview-facts">
        <div><dt>running</dt><dd>{s.running} / {s.total}</dd></div>
        <div><dt>custom</dt><dd>{s.custom}</dd></div>
        <div><dt>with problems</dt><dd>{s.problems}</dd></div>
      </dl>
      {edited.length > 0 ? (
        <div className="overview-edited">
          <p className="group-title">Written in this file ({plural(edited.length, 'service')})</p>
          <ul>
            {edited.map((name) => (
              <li key={name}><button type="button" className="link mono" onClick={() => store.getState().select(name)}>{name}</button></li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="overview-tips">
        <li>Edits are text edits: comments and layout survive. Ctrl+Z undoes, Ctrl+Shift+Z redoes.</li>
        <li>Budgets below are what Dovecot {s.version} computes; every short budget has a one-click fix.</li>
        <li>Recipes add the usual Postfix sockets and permissions; Presets start from a known layout.</li>
      </ul>
    </div>
  );
}
