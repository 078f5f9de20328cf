/**
 * The plan as a diff against the current configuration: each setting's
 * current effective value, the planned one, the rule that produced it and
 * where that rule comes from; one button applies every change as one undo step.
 *
 * @example <PlanDiff plan={plan} onApply={apply} />
 */
import { Fragment } from 'react';
import { PLAN_RULES, RULE_SOURCES, type Plan, type Recommendation, type RuleId } from '../../core/planner/index.ts';

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

/** The rule under its setting: what it says, what the number is made of, where it comes from. */
function RuleRow({ rule, note, changed }: { rule: RuleId; note: string; changed: boolean }) {
  const r = PLAN_RULES[rule];
  return (
    <tr className={`pl-rule-row${changed ? ' is-changed' : ' is-kept'}`}>
      <td aria-hidden="true" />
      <td colSpan={3} className="pl-rule">
        <span>{r.text}</span>
        {note !== '' ? <span className="pl-note">{note}</span> : null}
        <span className="pl-sources">
          {r.sources.map((s) => (
            <span key={s} className="pl-source" title={RULE_SOURCES[s].where}>{RULE_SOURCES[s].label}</span>
          ))}
        </span>
      </td>
    </tr>
  );
}

/** The diff table and the apply button. */
export function PlanDiff({ plan, onApply, status }: PlanDiffProps) {
  const protocolsChanged = plan.protocolsAfter.length !== plan.protocolsBefore.length;
  const changes = plan.recommendations.filter((r) => r.changed).length + (protocolsChanged ? 1 : 0);
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
            </tr>
          </thead>
          <tbody>
            {protocolsChanged ? (
              <Fragment>
                <tr className="is-changed">
                  <th scope="row"><code>(global)</code></th>
                  <td><code>protocols</code></td>
                  <td className="num"><code>{plan.protocolsBefore.join(' ') || '(none)'}</code></td>
                  <td className="num"><code className="pl-new">{plan.protocolsAfter.join(' ')}</code></td>
                </tr>
                <RuleRow rule="protocol-enable" note="" changed />
              </Fragment>
            ) : null}
            {plan.recommendations.map((r, i) => (
              <Fragment key={`${r.service}/${r.key}`}>
                <tr className={`${r.changed ? 'is-changed' : 'is-kept'}${plan.recommendations[i - 1]?.service === r.service ? ' is-cont' : ''}`}>
                  <th scope="row"><code>{r.service}</code></th>
                  <td><code>{r.key}</code></td>
                  <td className="num" title={SOURCE_TEXT[r.currentSource]}><code>{r.current === '' ? '—' : r.current}</code></td>
                  <td className="num">
                    {r.changed ? <code className="pl-new">{r.value}</code> : <span className="pl-kept">kept</span>}
                  </td>
                </tr>
                <RuleRow rule={r.rule} note={r.note} changed={r.changed} />
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
