/**
 * Capacity planner: from the expected load to service settings, with the
 * headroom, budgets and limits of the planned configuration, what-if sliders
 * and, for a proxy cluster, both tiers on paper. Applying writes the plan as
 * one undo step. Reads the store; takes no props.
 *
 * @example const PlannerPanel = lazy(() => import('./features/planner/planner-panel.tsx'));
 */
import { useMemo, useState } from 'react';
import { DEFAULT_PLAN_INPUT, PLAN_PROTOCOLS, planCapacity, type PlanInput } from '../../core/planner/index.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';
import { BudgetGauges } from './budget-gauges.tsx';
import { ClusterView } from './cluster-view.tsx';
import { formatCount } from './format.ts';
import { HeadroomBars } from './headroom-bars.tsx';
import { LoadForm } from './load-form.tsx';
import { PlanDiff } from './plan-diff.tsx';
import { PlanWarnings } from './plan-warnings.tsx';
import { RequirementChart } from './requirement-chart.tsx';
import { usePlan } from './use-plan.ts';
import { WhatIfSliders } from './what-if-sliders.tsx';
// Side-effect import: the bundler injects the planner's styles.
// oxlint-disable-next-line import/no-unassigned-import
import './planner.css';

const selectUlimit = (s: EditorState) => s.ulimit;
const selectVersion = (s: EditorState) => s.version;

const ROLE_TEXT: Record<PlanInput['role'], string> = { single: 'single server', backend: 'backend behind proxies', proxy: 'proxy in front of backends' };

function scaled(input: PlanInput, scale: number): PlanInput {
  if (scale === 1) return input;
  const connections = Object.fromEntries(PLAN_PROTOCOLS.map((p) => [p, Math.round(input.connections[p] * scale)])) as PlanInput['connections'];
  return { ...input, connections, lmtpParallel: Math.round(input.lmtpParallel * scale) };
}

/** The capacity planner. */
export function PlannerPanel() {
  const store = useEditorStore();
  const ulimit = useEditor(selectUlimit);
  const version = useEditor(selectVersion);
  const [local, setLocal] = useState<PlanInput>(DEFAULT_PLAN_INPUT);
  const [scale, setScale] = useState(1);
  const [status, setStatus] = useState('');
  const input = useMemo(() => ({ ...local, ulimit }), [local, ulimit]);
  const effective = useMemo(() => scaled(input, scale), [input, scale]);
  const view = usePlan(effective);
  const { plan, assessment } = view;

  const change = (next: PlanInput) => {
    setLocal(next);
    setStatus('');
    if (next.ulimit !== ulimit) store.getState().setUlimit(next.ulimit);
  };
  const apply = () => {
    const s = store.getState();
    const fresh = planCapacity(s.text, effective, { version: s.version, fileName: s.fileName });
    if (fresh.edits.length === 0 || fresh.blocked !== null) return;
    const n = fresh.recommendations.filter((r) => r.changed).length + (fresh.protocolsAfter.length !== fresh.protocolsBefore.length ? 1 : 0);
    s.applyEdits(fresh.edits, 'Apply capacity plan');
    setStatus(`Applied ${n} change${n === 1 ? '' : 's'} as one undo step`);
  };

  const total = PLAN_PROTOCOLS.reduce((a, p) => a + effective.connections[p], 0);
  const perServer = PLAN_PROTOCOLS.reduce((a, p) => a + plan.load.expected[p], 0);
  const danger = assessment.warnings.filter((w) => w.severity === 'danger').length;
  return (
    <section className="pl" aria-label="Capacity planner">
      <header className="pl-head">
        <div>
          <h2>Capacity planner</h2>
          <p className="pl-sub">
            Dovecot {version} · {ROLE_TEXT[effective.role]} · {effective.loginMode} login · headroom {effective.headroomPercent}%
          </p>
        </div>
        <dl className="pl-kpis">
          <div><dt>{plan.load.servers > 1 ? 'per server' : 'expected'}</dt><dd>{formatCount(perServer)}</dd></div>
          <div><dt>auth needs</dt><dd>{formatCount(assessment.auth.requiredExact)}</dd></div>
          <div><dt>anvil needs</dt><dd>{formatCount(assessment.anvil.requiredExact)}</dd></div>
          <div className={danger > 0 ? 'is-over' : 'is-ok'}><dt>verdict</dt><dd>{danger > 0 ? `${danger} problem${danger === 1 ? '' : 's'}` : 'fits'}</dd></div>
        </dl>
      </header>
      <div className="pl-layout">
        <aside className="pl-side">
          <LoadForm input={input} problems={plan.inputProblems} onChange={change} />
        </aside>
        <div className={`pl-main${view.stale ? ' is-stale' : ''}`}>
          <PlanWarnings warnings={assessment.warnings} />
          <PlanDiff plan={plan} onApply={apply} status={status} />
          <WhatIfSliders scale={scale} input={input} scaledLoad={total} onScale={(n) => { setScale(n); setStatus(''); }} onChange={change} />
          <div className="pl-two">
            <HeadroomBars rows={assessment.headroom} />
            <RequirementChart curve={view.curve} />
          </div>
          <BudgetGauges assessment={assessment} />
          {view.cluster !== null ? <ClusterView cluster={view.cluster} editing={effective.role} /> : null}
        </div>
      </div>
    </section>
  );
}

export default PlannerPanel;
