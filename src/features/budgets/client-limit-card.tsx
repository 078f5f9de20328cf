/**
 * One client_limit budget (auth, anvil or stats): capacity, requirement, a
 * gauge, the services counted (each selects its service), and the fix.
 *
 * @example <ClientLimitCard budget={budgets.auth} countNote="login services" />
 */
import { useState } from 'react';
import type { ClientLimitBudget } from '../../core/index.ts';
import { BUDGET_DOCS } from '../../core/data/docs.ts';
import { formatCount } from '../../components/format.ts';
import { Gauge } from '../../components/gauge.tsx';
import { Icon } from '../../components/icon.tsx';
import { useEditorStore } from '../../store/store-context.tsx';
import { clientLimitFix } from './budget-fixes.ts';

/** A client_limit budget card. */
export function ClientLimitCard({ budget: b, countNote }: { budget: ClientLimitBudget; countNote: string }) {
  const store = useEditorStore();
  const [help, setHelp] = useState(false);
  const doc = BUDGET_DOCS[b.kind];
  const fix = clientLimitFix(b);
  const wrapped = b.requiredExact !== b.required;
  const state = b.ok ? 'ok' : b.advisory ? 'advisory' : 'short';
  const helpId = `budget-help-${b.kind}`;
  return (
    <div role="group" aria-label={`${b.kind} budget`} className={`budget-card budget-${state}`}>
      <div className="budget-title">
        <h3>{b.kind} budget</h3>
        <span className={`status-pill status-${state}`}>
          {b.ok ? 'fits' : b.advisory ? 'over' : `short by ${formatCount(b.required - b.clientLimit)}`}
        </span>
        <button type="button" className="icon-button tiny" aria-label={`About the ${b.kind} budget`} aria-expanded={help} aria-controls={helpId} onClick={() => setHelp(!help)}>
          <Icon name="help" size={13} />
        </button>
      </div>
      {b.advisory ? <p className="advisory-line">advisory — not checked by Dovecot</p> : null}
      <div className="budget-numbers">
        <span className="metric"><span className="metric-key">client_limit</span> <span className="metric-value">{b.clientLimit}</span></span>
        <span className="metric"><span className="metric-key">required</span> <span className="metric-value">{b.required}</span></span>
      </div>
      <Gauge label={`${b.kind} budget use`} value={b.required} max={b.clientLimit} advisory={b.advisory} />
      {help ? (
        <div id={helpId} className="budget-help">
          <p>{doc.summary}</p>
          <p>{doc.rule}</p>
          <p className="muted">{doc.checkedBy}</p>
        </div>
      ) : null}
      {wrapped ? (
        <p className="budget-note">Dovecot adds in 32 bits: the exact sum {b.requiredExact} wraps to {b.required}. Lower the unlimited process_limit instead.</p>
      ) : null}
      {fix ? (
        <div className="fix">
          <button type="button" className={b.advisory ? 'button' : 'button primary'} onClick={() => store.getState().applyEditSteps(fix.steps, fix.label)}>
            {fix.label}
          </button>
          {b.advisory ? <span className="fix-note">advisory: Dovecot never warns about stats</span> : null}
        </div>
      ) : null}
      <div className="counted">
        <span className="counted-label" title={countNote}>counted with</span>
        <ul className="counted-list">
          {b.constant > 0 ? <li className="chip chip-static">master pipes <b>{b.constant}</b></li> : null}
          {b.items.map((i) => (
            <li key={i.service}>
              <button type="button" className="chip" onClick={() => store.getState().select(i.service)} title={`Select ${i.service}`}>
                {i.service} <b>{formatCount(i.processLimit)}</b>
              </button>
            </li>
          ))}
          {b.items.length === 0 && b.constant === 0 ? <li className="muted">nothing</li> : null}
        </ul>
      </div>
    </div>
  );
}
