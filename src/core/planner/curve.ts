/**
 * How the auth and anvil requirements grow with the load, in the plan's login
 * mode and in the other one: the planned settings are re-evaluated at each
 * load and the core's `computeBudgets` sums them on the planned services.
 *
 * @example
 *   const c = requirementCurve(plan);
 *   c.series.find((s) => s.mode === plan.input.loginMode)?.points.at(-1)?.auth;
 */
import { computeBudgets } from '../check/budgets.ts';
import type { EffectiveService, ResolvedConfig } from '../model/resolve.ts';
import { parseSize, parseUint } from '../model/values.ts';
import { nodeLoad } from './load.ts';
import type { Plan } from './plan.ts';
import { plannedSettings, type PlannedSetting } from './settings.ts';
import { PLAN_PROTOCOLS, type LoginMode, type PlanInput } from './types.ts';

/** One sample. */
export interface CurvePoint {
  /** Expected connections on this server (all protocols). */
  readonly load: number;
  readonly auth: number;
  readonly anvil: number;
}

/** Requirements in one login mode. */
export interface CurveSeries {
  readonly mode: LoginMode;
  readonly points: readonly CurvePoint[];
}

/** The chart's data. */
export interface RequirementCurve {
  /** The plan's own load (x of the marker). */
  readonly load: number;
  readonly series: readonly CurveSeries[];
}

/**
 * Services with planned settings replacing their numbers, derived the way
 * `resolveServices` derives them.
 *
 * @example withPlannedSettings(plan.planned.resolved, settings).services;
 */
export function withPlannedSettings(resolved: ResolvedConfig, settings: readonly PlannedSetting[]): ResolvedConfig {
  const v = resolved.version;
  const num = (t: string, fallback: number) => {
    const r = parseUint(t, v);
    return r.ok ? r.value : fallback;
  };
  const services = resolved.services.map((s): EffectiveService => {
    const mine = settings.filter((x) => x.service === s.name);
    if (mine.length === 0) return s;
    const get = (k: string) => mine.find((x) => x.plannedKey === k)?.value;
    const processLimit = get('process_limit') !== undefined ? num(get('process_limit')!, s.processLimit) : s.processLimit;
    const clientLimit = get('client_limit') !== undefined ? num(get('client_limit')!, s.clientLimit) : s.clientLimit;
    const restartCount = get('count') !== undefined ? num(get('count')!, s.restartCount) : s.restartCount;
    const processMinAvail = get('process_min_avail') !== undefined ? num(get('process_min_avail')!, s.processMinAvail) : s.processMinAvail;
    const vszText = get('vsz_limit');
    const vszParsed = vszText !== undefined ? parseSize(vszText, v) : null;
    const vszLimit = vszParsed !== null && vszParsed.ok ? vszParsed.value : s.vszLimit;
    const clientsPerProcess = restartCount > 0 && restartCount < clientLimit ? restartCount : clientLimit;
    return { ...s, processLimit, clientLimit, clientLimitRaw: clientLimit, restartCount, processMinAvail, vszLimit, clientsPerProcess, maxConnections: processLimit * clientsPerProcess };
  });
  return { ...resolved, services };
}

function totalLoad(input: PlanInput, plan: Plan): number {
  const load = nodeLoad(input, plan.input.role);
  return PLAN_PROTOCOLS.reduce((a, p) => a + load.expected[p], 0);
}

/**
 * Samples the auth and anvil requirements from a small load up to `span` × the plan's load.
 *
 * @example requirementCurve(plan, 24, 2).series.length; // 2
 */
export function requirementCurve(plan: Plan, samples = 24, span = 2): RequirementCurve {
  const base = plan.input;
  const here = totalLoad(base, plan);
  const minAvail = (name: string) => plan.current.resolved.services.find((s) => s.name === name)?.processMinAvail;
  const modes: LoginMode[] = base.loginMode === 'high-performance' ? ['high-performance', 'high-security'] : ['high-security', 'high-performance'];
  const series = modes.map((mode): CurveSeries => {
    const points: CurvePoint[] = [];
    for (let i = 1; i <= samples; i++) {
      const f = (span * i) / samples;
      const connections = Object.fromEntries(PLAN_PROTOCOLS.map((p) => [p, Math.round(base.connections[p] * f)])) as PlanInput['connections'];
      const input: PlanInput = { ...base, loginMode: mode, connections, lmtpParallel: Math.round(base.lmtpParallel * f) };
      const settings = plannedSettings(nodeLoad(input, base.role), input, plan.version, minAvail);
      const b = computeBudgets(withPlannedSettings(plan.planned.resolved, settings));
      points.push({ load: totalLoad(input, plan), auth: b.auth.requiredExact, anvil: b.anvil.requiredExact });
    }
    return { mode, points };
  });
  return { load: here, series };
}
