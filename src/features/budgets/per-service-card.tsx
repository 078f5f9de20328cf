/**
 * Most simultaneous connections per enabled service: process_limit × the
 * clients one process really accepts (client_limit capped by the restart count).
 *
 * @example <PerServiceCard rows={budgets.perService} />
 */
import type { Budgets } from '../../core/index.ts';
import { formatCount } from '../../components/format.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';

const selectSelected = (s: EditorState) => s.selected;

/** The per-service max connections card. */
export function PerServiceCard({ rows }: { rows: Budgets['perService'] }) {
  const store = useEditorStore();
  const selected = useEditor(selectSelected);
  return (
    <div role="group" aria-label="Max connections per service" className="budget-card per-service-card">
      <div className="budget-title"><h3>Max connections per service</h3></div>
      <div className="per-service-scroll">
        <table className="per-service">
          <thead>
            <tr><th scope="col">service</th><th scope="col" className="num">process_limit</th><th scope="col" className="num">× clients</th><th scope="col" className="num">= max</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.service} className={r.service === selected ? 'is-selected' : undefined}>
                <th scope="row">
                  <button type="button" className="link mono" onClick={() => store.getState().select(r.service)}>{r.service}</button>
                </th>
                <td className="num">{formatCount(r.processLimit)}</td>
                <td className="num">{formatCount(r.clientsPerProcess)}</td>
                <td className="num strong">{formatCount(r.maxConnections)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
