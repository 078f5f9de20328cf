import { useMemo, useState } from 'react';
import { DEFAULT_PLAN_INPUT, planCapacity, type PlanInput } from '../../core/planner/index.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';
import type { EditorState } from '../../store/editor-store.ts';

const selectText = (s: EditorState) => s.text;
const selectVersion = (s: EditorState) => s.version;

/** Capacity planner: expected load in, recommended settings out. */
export function PlannerPanel() {
  const text = useEditor(selectText);
  const version = useEditor(selectVersion);
  const store = useEditorStore();
  const [input, setInput] = useState<PlanInput>(DEFAULT_PLAN_INPUT);
  const plan = useMemo(() => planCapacity(text, input, { version }), [text, input, version]);
  return (
    <section className="planner" aria-label="Capacity planner">
      <h2>Capacity planner</h2>
      <label>
        Expected IMAP connections
        <input type="number" min={0} value={input.connections.imap}
          onChange={(e) => setInput({ ...input, connections: { ...input.connections, imap: Number(e.target.value) } })} />
      </label>
      <label>
        CPU cores
        <input type="number" min={1} value={input.cores} onChange={(e) => setInput({ ...input, cores: Number(e.target.value) })} />
      </label>
      <label>
        Login mode
        <select value={input.loginMode} onChange={(e) => setInput({ ...input, loginMode: e.target.value === 'high-performance' ? 'high-performance' : 'high-security' })}>
          <option value="high-security">high-security</option>
          <option value="high-performance">high-performance</option>
        </select>
      </label>
      <table>
        <thead><tr><th>Service</th><th>Setting</th><th>Current</th><th>Planned</th><th>Rule</th></tr></thead>
        <tbody>
          {plan.recommendations.map((r) => (
            <tr key={`${r.service}/${r.key}`}><td>{r.service}</td><td>{r.key}</td><td>{r.current}</td><td>{r.value}</td><td>{r.rule}</td></tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => store.getState().applyEdits(plan.edits, 'Apply capacity plan')}>Apply plan</button>
    </section>
  );
}

export default PlannerPanel;
