/**
 * The capacity planner's public surface (pure TypeScript, no DOM).
 *
 * @example
 *   import { planCapacity, assessPlan, DEFAULT_PLAN_INPUT } from './core/planner/index.ts';
 *   const plan = planCapacity(text, DEFAULT_PLAN_INPUT, { version: '2.4' });
 *   assessPlan(plan).warnings;
 */
export * from './types.ts';
export { RULE_SOURCES, PLAN_RULES, SETTING_RULES, PROTOCOL_SERVICES, dovecotKey, type RuleSource, type PlanRule, type SettingRule, type Formula } from './rules.ts';
export { nodeLoad, withHeadroom, serversInRole, type NodeLoad } from './load.ts';
export { normalizeInput, INPUT_RANGES, type InputProblem, type FieldRange } from './input.ts';
export { plannedSettings, type PlannedSetting } from './settings.ts';
export { planEdits, mergeInsertions, type SettingWrite } from './edits.ts';
export { planCapacity, type Plan, type PlanOptions, type Recommendation } from './plan.ts';
export { assessPlan, type PlanAssessment, type PlanWarning, type HeadroomRow, type BudgetGauge, type FdGauge, type MemoryGauge, type ProcessGauge } from './assess.ts';
export { requirementCurve, withPlannedSettings, type RequirementCurve, type CurveSeries, type CurvePoint } from './curve.ts';
export { planCluster, CLUSTER_ASSUMPTIONS, type ClusterPlan, type ClusterTier, type ClusterTotals } from './cluster.ts';
