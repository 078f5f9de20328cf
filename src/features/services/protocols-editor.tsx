/**
 * The enabled protocols as checkbox chips: the protocols the version's built-in
 * services belong to, plus any other word the file lists (shown as unknown, so
 * it can be removed). Writes the root `protocols` setting (one undo step).
 *
 * @example <ProtocolsEditor />
 */
// oxlint-disable-next-line import/no-unassigned-import -- this feature's stylesheet
import './services.css';
import { setGlobal } from '../../core/index.ts';
import { selectAnalysis, selectDocument } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';

const selectResolved = (s: EditorState) => selectAnalysis(s).resolved;

/** The order admins write them in; anything else follows alphabetically. */
const USUAL = ['imap', 'pop3', 'lmtp', 'submission', 'sieve'];

function byUsualOrder(a: string, b: string): number {
  const ia = USUAL.indexOf(a);
  const ib = USUAL.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? USUAL.length : ia) - (ib === -1 ? USUAL.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The protocols chips. */
export function ProtocolsEditor() {
  const store = useEditorStore();
  const resolved = useEditor(selectResolved);
  const known = [...new Set(resolved.services.filter((s) => s.builtin && s.protocol !== '').map((s) => s.protocol))].sort(byUsualOrder);
  const enabled = resolved.protocols;
  const all = [...known, ...enabled.filter((p) => !known.includes(p))];

  const toggle = (p: string, on: boolean) => {
    const next = all.filter((x) => (x === p ? on : enabled.includes(x)));
    const s = store.getState();
    const value = next.join(' ');
    s.applyEdits(setGlobal(selectDocument(s), 'protocols', value), `Set protocols = ${value === '' ? '(none)' : value}`);
  };

  return (
    <fieldset className="protocols">
      <legend className="control-label">protocols</legend>
      {all.map((p) => {
        const on = enabled.includes(p);
        const unknown = !known.includes(p);
        return (
          <label key={p} className={`proto-chip${on ? ' is-on' : ''}${unknown ? ' is-unknown' : ''}`} title={unknown ? `No ${resolved.version} service has protocol ${p}: doveconf fails with "Unknown protocol"` : `Run the ${p} services`}>
            <input type="checkbox" checked={on} onChange={(e) => toggle(p, e.target.checked)} />
            {p}
          </label>
        );
      })}
    </fieldset>
  );
}
