/**
 * The connection budgets, always visible and recomputed on every edit from
 * `selectAnalysis`: auth, anvil and (advisory) stats client_limit budgets, the
 * master's fd requirement against the `ulimit -n` field, the totals, and the
 * most connections each enabled service can hold.
 *
 * @example <BudgetsPanel />
 */
// oxlint-disable-next-line import/no-unassigned-import -- this feature's stylesheet
import './budgets.css';
import { selectAnalysis, selectAnalysisPending } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor } from '../../store/store-context.tsx';
import { ClientLimitCard } from './client-limit-card.tsx';
import { FdCard } from './fd-card.tsx';
import { PerServiceCard } from './per-service-card.tsx';
import { TotalsCard } from './totals-card.tsx';

const selectBudgets = (s: EditorState) => selectAnalysis(s).budgets;
const selectVersion = (s: EditorState) => selectAnalysis(s).version;
const selectSkipped = (s: EditorState) => selectAnalysis(s).checksSkipped;

/** The budgets region. */
export function BudgetsPanel() {
  const budgets = useEditor(selectBudgets);
  const version = useEditor(selectVersion);
  const pending = useEditor(selectAnalysisPending);
  const skipped = useEditor(selectSkipped);
  const countName = version === '2.3' ? 'service_count' : 'restart_request_count';
  return (
    <section className="budgets" aria-labelledby="budgets-title" aria-busy={pending}>
      <header className="budgets-header">
        <h2 id="budgets-title">Connection budgets</h2>
        <span className="budgets-sub">
          Dovecot {version} · what each shared service must accept when every process is busy
          {pending ? <span className="pending-tag"> · updating…</span> : null}
        </span>
        {skipped ? (
          <span className="note-tag" title="A service value uses $SET: or %{…}; doveconf -n then skips its service checks (doveconf -n -x and the master run them).">
            doveconf -n skips these checks here ($SET:/%{} in a limit)
          </span>
        ) : null}
      </header>
      <div className="budgets-row">
        <ClientLimitCard budget={budgets.auth} countNote={`protocol services with ${countName} ≠ 1, and login services`} />
        <ClientLimitCard budget={budgets.anvil} countNote="login services and auth, plus the master's 2 pipes" />
        <ClientLimitCard budget={budgets.stats} countNote="every enabled service" />
        <FdCard fd={budgets.fd} />
        <TotalsCard totals={budgets.totals} />
        <PerServiceCard rows={budgets.perService} />
      </div>
    </section>
  );
}
