/**
 * The planner's derived data for the current text, version and inputs: the
 * plan, its assessment, the requirement curve and (in a cluster role) the
 * cluster on paper. All computed by the core; memoised on their inputs.
 *
 * @example const { plan, assessment } = usePlan(input);
 */
import { useDeferredValue, useMemo } from 'react';
import {
  assessPlan, planCapacity, planCluster, requirementCurve,
  type ClusterPlan, type Plan, type PlanAssessment, type PlanInput, type RequirementCurve,
} from '../../core/planner/index.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor } from '../../store/store-context.tsx';

const selectText = (s: EditorState) => s.text;
const selectVersion = (s: EditorState) => s.version;
const selectFileName = (s: EditorState) => s.fileName;

/** Everything the planner shows. */
export interface PlanView {
  readonly plan: Plan;
  readonly assessment: PlanAssessment;
  readonly curve: RequirementCurve;
  readonly cluster: ClusterPlan | null;
  /** The view lags behind the inputs while it recomputes. */
  readonly stale: boolean;
}

/** Plans the store's configuration for `input` (deferred, so sliders stay smooth). */
export function usePlan(input: PlanInput): PlanView {
  const text = useEditor(selectText);
  const version = useEditor(selectVersion);
  const fileName = useEditor(selectFileName);
  const deferred = useDeferredValue(input);
  const plan = useMemo(() => planCapacity(text, deferred, { version, fileName }), [text, deferred, version, fileName]);
  const assessment = useMemo(() => assessPlan(plan), [plan]);
  const curve = useMemo(() => requirementCurve(plan), [plan]);
  const cluster = useMemo(
    () => (plan.input.role === 'single' ? null : planCluster(text, deferred, { version, fileName }, plan)),
    [text, deferred, version, fileName, plan],
  );
  return { plan, assessment, curve, cluster, stale: deferred !== input };
}
