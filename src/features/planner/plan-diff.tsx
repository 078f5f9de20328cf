/**
 * The plan as a diff against the current configuration: each setting's
 * current effective value, the planned one, the rule that produced it and
 * where that rule comes from; one button applies every change as one undo step.
 *
 * @example <PlanDiff plan={plan} onApply={apply} />
 */
import { PLAN_RULES, RULE_SOURCES, type Plan, type Recommendation } from '../../core/planner/index.ts';

/** Props of the diff. */
export interface PlanDiffProps {
  readonly plan: Plan;
  readonly onApply: () => void;
  /** Message after applying. */
  readonly status: string;
}

const SOURCE_TEXT: Record<Recommendation['currentSource'], string> = {
  service: 'set in the service block',
  root: '2.4 root service_* setting',
  builtin: 'built-in default of this service',
  global: 'default_* setting',
  default: 'Dovecot default',
  history: 'dovecot_config_version default',
  absent: 'service not present yet',
};

function RuleCell({ r }: { r: Recommendation }) {
  const rule = PLAN_RULES[r.rule];
  return (
    <td className="pl-rule">
      <span>{rule.text}</span>
      {r.note !== '' ? <span className="pl-note">{r.note}</span> : null}
      <span className="pl-sources">
        {rule.sources.map((s) => (
          <span key={s} className="pl-source" title={RULE_SOURCES[s].where}>{RULE_SOURCES[s].label}</span>
        ))}
      </span>
    </td>
  );
}

/** The diff table and the apply button. */
export function PlanDiff({ plan, onApply, status }: PlanDiffProps) {
  const changes = plan.recommendations.filter((r) => r.changed).length + (plan.protocolsAfter.length !== plan.protocolsBefore.length ? 1 : 0);
  const canApply = plan.edits.length > 0 && plan.blocked === null;
  return (
    <section className="pl-card pl-diff" aria-label="Planned settings">
      <header className="pl-card-head">
        <h3>Planned settings <span className="pl-count">{changes} change{changes === 1 ? '' : 's'}</span></h3>
        <div className="pl-apply">
          {status !== '' ? <span className="pl-status" role="status">{status}</span> : null}
          <button type="button" className="pl-primary" disabled={!canApply} onClick={onApply}>Apply capacity plan</button>
        </div>
      </header>
      <div className="pl-table-scroll">
        <table className="pl-table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Setting</th>
              <th scope="col" className="num">Current</th>
              <th scope="col" className="num">Planned</th>
              <th scope="col">Rule and source</th>
            </tr>
          </thead>
          <tbody>
            {plan.protocolsAfter.length !== plan.protocolsBefore.length ? (
              <tr className="is-changed">
                <th scope="row"><code>(global)</code></th>
                <td><code>protocols</code></td>
                <td className="num"><code>{plan.protocolsBefore.join(' ') || '(none)'}</code></td>
                <td className="num"><code>{plan.protocolsAfter.join(' ')}</code></td>
                <td className="pl-rule">
                  <span>{PLAN_RULES['protocol-enable'].text}</span>
                  <span className="pl-sources">
                    {PLAN_RULES['protocol-enable'].sources.map((s) => <span key={s} className="pl-source" title={RULE_SOURCES[s].where}>{RULE_SOURCES[s].label}</span>)}
                  </span>
                </td>
              </tr>
            ) : null}
            {plan.recommendations.map((r, i) => (
              <tr key={`${r.service}/${r.key}`} className={`${r.changed ? 'is-changed' : 'is-kept'}${plan.recommendations[i - 1]?.service === r.service ? ' is-cont' : ''}`}>
                <th scope="row"><code>{r.service}</code></th>
                <td><code>{r.key}</code></td>
                <td className="num" title={SOURCE_TEXT[r.currentSource]}><code>{r.current === '' ? '—' : r.current}</code></td>
                <td className="num">
                  {r.changed ? <code className="pl-new">{r.value}</code> : <span className="pl-kept">kept</span>}
                </td>
                <RuleCell r={r} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
