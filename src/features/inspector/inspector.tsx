/**
 * The inspector: every setting of the selected service and of each of its
 * listeners, with effective defaults, their sources, doveconf's messages and
 * the documentation.
 *
 * @example <Inspector />
 */
import { useEffect, useRef } from 'react';
// oxlint-disable-next-line import/no-unassigned-import
import './inspector.css';
import { selectAnalysis } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor } from '../../store/store-context.tsx';
import { InspectorOverview } from './inspector-overview.tsx';
import { ServiceInspector } from './service-inspector.tsx';

const selectSelected = (s: EditorState) => s.selected;
const selectResolved = (s: EditorState) => selectAnalysis(s).resolved;

/** The inspector region. */
export function Inspector() {
  const selected = useEditor(selectSelected);
  const resolved = useEditor(selectResolved);
  const service = selected === null ? undefined : resolved.services.find((s) => s.name === selected);
  const pane = useRef<HTMLElement>(null);
  // another service starts at its top (a selected listener scrolls itself into view)
  const shown = useRef<string | null>(selected);
  useEffect(() => {
    if (shown.current === selected) return;
    shown.current = selected;
    pane.current?.scrollTo({ top: 0 });
  });
  return (
    <section ref={pane} className="inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title" className="pane-title">Inspector</h2>
      {service ? (
        <ServiceInspector key={service.name} service={service} />
      ) : selected !== null ? (
        <div className="empty-state">
          <p>Service <code>{selected}</code> is no longer in the configuration.</p>
        </div>
      ) : (
        <InspectorOverview />
      )}
    </section>
  );
}
