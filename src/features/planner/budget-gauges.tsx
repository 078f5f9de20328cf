/**
 * The planned configuration's budgets as gauges: auth and anvil (what
 * doveconf checks), stats (advisory), file descriptors against `ulimit -n`,
 * worst-case memory against RAM, and processes.
 *
 * @example <BudgetGauges assessment={assessment} />
 */
import type { BudgetGauge, PlanAssessment } from '../../core/planner/index.ts';
import { formatBytes, formatCount } from './format.ts';
import { GaugeMeter } from './gauge-meter.tsx';

/** Props of the gauges. */
export interface BudgetGaugesProps {
  readonly assessment: PlanAssessment;
}

function Budget({ g, title }: { g: BudgetGauge; title: string }) {
  return (
    <GaugeMeter
      name={`${g.kind} requirement (plan)`}
      title={title}
      need={g.requiredExact}
      have={g.clientLimit}
      needText={`${formatCount(g.requiredExact)} required${g.wraps ? ` (wraps to ${formatCount(g.required)})` : ''}`}
      haveText={`client_limit ${formatCount(g.clientLimit)}`}
      advisory={g.advisory}
      tightAt={1}
    >
      <p className="pl-gauge-extra">now {formatCount(g.currentRequired)} required</p>
    </GaugeMeter>
  );
}

/** Six gauges. */
export function BudgetGauges({ assessment: a }: BudgetGaugesProps) {
  const m = a.memory;
  return (
    <section className="pl-card" aria-label="Planned budgets">
      <header className="pl-card-head">
        <h3>Budgets of the planned configuration</h3>
      </header>
      <div className="pl-gauges">
        <Budget g={a.auth} title="auth" />
        <Budget g={a.anvil} title="anvil" />
        <Budget g={a.stats} title="stats" />
        <GaugeMeter
          name="file descriptors (plan)"
          title="file descriptors"
          need={a.fd.required}
          have={a.fd.ulimit}
          needText={`${formatCount(a.fd.required)} largest client_limit`}
          haveText={`ulimit -n ${formatCount(a.fd.ulimit)}`}
          {...(a.fd.perProcess > a.fd.required ? { marker: { value: a.fd.perProcess, text: `≈ ${formatCount(a.fd.perProcess)} fds in one ${a.fd.perProcessService ?? ''} process (proxy: 2 per connection)` } } : {})}
        >
          <p className="pl-gauge-extra">≈ {formatCount(a.fd.total)} fds in all processes at max load</p>
        </GaugeMeter>
        <GaugeMeter
          name="memory (plan)"
          title="worst-case memory"
          need={m.limitsBytes ?? Infinity}
          have={m.ramBytes}
          overTone="warn"
          needText={m.limitsBytes === null ? 'unbounded (vsz_limit unlimited)' : `${formatBytes(m.limitsBytes)} Σ process_limit × vsz_limit`}
          haveText={`RAM ${formatBytes(m.ramBytes)}`}
          {...(m.atLoadBytes !== null ? { marker: { value: m.atLoadBytes, text: `${formatBytes(m.atLoadBytes)} at the expected peak` } } : {})}
        >
          {m.top.length > 0 ? <p className="pl-gauge-extra">largest: {m.top.map((t) => `${t.service} ${formatBytes(t.bytes)}`).join(', ')}</p> : null}
        </GaugeMeter>
        <GaugeMeter
          name="processes (plan)"
          title="processes"
          need={a.processes.atLoad}
          have={a.processes.max}
          needText={`${formatCount(a.processes.atLoad)} at the expected peak`}
          haveText={`${formatCount(a.processes.max)} Σ process_limit`}
        />
      </div>
    </section>
  );
}
