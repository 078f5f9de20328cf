/**
 * What a plan means for the machine: headroom per service (max connections
 * against the expected load), the budget gauges (auth, anvil, stats, file
 * descriptors), memory and process counts, and the warnings where the plan
 * cannot fit.
 *
 * @example
 *   const a = assessPlan(planCapacity(text, input, { version: '2.4' }));
 *   a.warnings.filter((w) => w.severity === 'danger').map((w) => w.message);
 */
import { fdWarning, type ClientLimitBudget } from '../check/budgets.ts';
import type { EffectiveService } from '../model/resolve.ts';
import { UINT_MAX } from '../model/values.ts';
import type { Plan } from './plan.ts';
import { PROTOCOL_SERVICES } from './rules.ts';
import { PLAN_PROTOCOLS, type PlanProtocol, type PlanSeverity, type PlanWarningCode, type RuleSourceId, type ServiceClass } from './types.ts';

/** A planner finding. */
export interface PlanWarning {
  readonly code: PlanWarningCode;
  readonly severity: PlanSeverity;
  readonly message: string;
  readonly services: readonly string[];
  readonly source?: RuleSourceId;
}

/** Headroom of one service: what it can take against what is expected. */
export interface HeadroomRow {
  readonly service: string;
  readonly serviceClass: ServiceClass;
  readonly protocol: PlanProtocol | null;
  readonly expected: number;
  /** Max connections of the current configuration (0 when the service is disabled). */
  readonly currentMax: number;
  /** Max connections of the planned configuration. */
  readonly plannedMax: number;
  /** (plannedMax − expected) / expected, percent; null when nothing is expected. */
  readonly headroomPercent: number | null;
}

/** A client_limit budget as a gauge. */
export interface BudgetGauge {
  readonly kind: 'auth' | 'anvil' | 'stats';
  readonly clientLimit: number;
  /** What Dovecot computes (32-bit). */
  readonly required: number;
  readonly requiredExact: number;
  readonly wraps: boolean;
  readonly ok: boolean;
  readonly advisory: boolean;
  readonly currentRequired: number;
}

/** File descriptors. */
export interface FdGauge {
  readonly ulimit: number;
  /** The master's rule: the largest single client_limit. */
  readonly required: number;
  readonly source: string;
  /** Estimated fds of the busiest login process (2 per proxied connection). */
  readonly perProcess: number;
  readonly perProcessService: string | null;
  /** Listening sockets + one fd per possible connection (+ backend side on a proxy), all processes. */
  readonly total: number;
}

/** Memory: worst cases against RAM. */
export interface MemoryGauge {
  readonly ramBytes: number;
  /** Σ process_limit × vsz_limit over enabled services; null when one is unlimited. */
  readonly limitsBytes: number | null;
  /** Processes at the expected peak × their vsz_limit; null when one is unlimited. */
  readonly atLoadBytes: number | null;
  /** Largest contributors to the limits figure. */
  readonly top: readonly { readonly service: string; readonly bytes: number }[];
}

/** Processes. */
export interface ProcessGauge {
  /** Σ process_limit over enabled services. */
  readonly max: number;
  /** Processes running at the expected peak (estimate). */
  readonly atLoad: number;
}

/** Everything shown about a plan. */
export interface PlanAssessment {
  readonly headroom: readonly HeadroomRow[];
  readonly auth: BudgetGauge;
  readonly anvil: BudgetGauge;
  readonly stats: BudgetGauge;
  readonly fd: FdGauge;
  readonly memory: MemoryGauge;
  readonly processes: ProcessGauge;
  readonly warnings: readonly PlanWarning[];
}

const U32 = 2 ** 32;
const ALWAYS_RUNNING_TYPES = new Set(['anvil', 'log', 'config']);

function gauge(b: ClientLimitBudget, before: ClientLimitBudget): BudgetGauge {
  return {
    kind: b.kind, clientLimit: b.clientLimit, required: b.required, requiredExact: b.requiredExact,
    wraps: b.requiredExact >= U32, ok: b.ok && b.requiredExact < U32, advisory: b.advisory, currentRequired: before.requiredExact,
  };
}

/** GiB/MiB text for messages. */
function bytesText(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v >= 100 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

/**
 * Assesses a plan.
 *
 * @example assessPlan(plan).memory.limitsBytes;
 */
export function assessPlan(plan: Plan): PlanAssessment {
  const { load, input, planned, current } = plan;
  const byName = (list: readonly EffectiveService[], name: string) => list.find((s) => s.name === name);
  const pServices = planned.resolved.services;
  const cServices = current.resolved.services;
  const maxOf = (list: readonly EffectiveService[], name: string) => {
    const s = byName(list, name);
    return s !== undefined && s.enabled ? s.maxConnections : 0;
  };

  const headroom: HeadroomRow[] = [];
  const row = (service: string, serviceClass: ServiceClass, protocol: PlanProtocol | null, expected: number) => {
    const plannedMax = maxOf(pServices, service);
    headroom.push({ service, serviceClass, protocol, expected, currentMax: maxOf(cServices, service), plannedMax, headroomPercent: expected > 0 ? ((plannedMax - expected) / expected) * 100 : null });
  };
  for (const p of PLAN_PROTOCOLS) {
    if (load.expected[p] <= 0) continue;
    row(PROTOCOL_SERVICES[p].login, 'login', p, load.expected[p]);
    if (load.role !== 'proxy') row(PROTOCOL_SERVICES[p].postLogin, 'post-login', p, load.expected[p]);
  }
  if (load.deliveries > 0) row('lmtp', 'lmtp', null, load.deliveries);

  const enabled = pServices.filter((s) => s.enabled);
  const proxy = load.role === 'proxy';
  const loginOf = new Map<string, PlanProtocol>(PLAN_PROTOCOLS.map((p) => [PROTOCOL_SERVICES[p].login, p]));
  const postOf = new Map<string, PlanProtocol>(PLAN_PROTOCOLS.map((p) => [PROTOCOL_SERVICES[p].postLogin, p]));

  // processes at the expected peak
  const atLoadOf = (s: EffectiveService): number => {
    const lp = loginOf.get(s.name);
    const pp = postOf.get(s.name);
    const exp = lp !== undefined ? load.expected[lp] : pp !== undefined && !proxy ? load.expected[pp] : s.name === 'lmtp' ? load.deliveries : 0;
    let n = 0;
    if (exp > 0) n = Math.min(s.processLimit, Math.ceil(exp / Math.max(1, s.clientsPerProcess)));
    const floor = s.processLimit1 || ALWAYS_RUNNING_TYPES.has(s.type) || s.name === 'auth' || s.name === 'stats' ? 1 : 0;
    return Math.min(s.processLimit, Math.max(n, s.processMinAvail, floor));
  };
  let atLoad = 0;
  let atLoadBytes: number | null = 0;
  for (const s of enabled) {
    const n = atLoadOf(s);
    atLoad += n;
    if (atLoadBytes !== null && n > 0) atLoadBytes = s.vszLimit === null ? null : atLoadBytes + n * s.vszLimit;
  }
  const top = enabled
    .filter((s) => s.vszLimit !== null)
    .map((s) => ({ service: s.name, bytes: s.processLimit * (s.vszLimit ?? 0) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3);
  const memory: MemoryGauge = { ramBytes: input.ramBytes, limitsBytes: planned.budgets.totals.memoryBytes, atLoadBytes, top };

  // file descriptors
  let perProcess = 0;
  let perProcessService: string | null = null;
  let total = planned.budgets.totals.fileDescriptors;
  for (const s of enabled) {
    if (s.type !== 'login') continue;
    const fds = s.clientsPerProcess * (proxy ? 2 : 1);
    if (fds > perProcess) { perProcess = fds; perProcessService = s.name; }
    if (proxy) total += s.maxConnections;
  }
  const fd: FdGauge = { ulimit: input.ulimit, required: planned.budgets.fd.required, source: planned.budgets.fd.source, perProcess, perProcessService, total };

  const warnings = findWarnings(plan, memory, fd, enabled);
  return {
    headroom,
    auth: gauge(planned.budgets.auth, current.budgets.auth),
    anvil: gauge(planned.budgets.anvil, current.budgets.anvil),
    stats: gauge(planned.budgets.stats, current.budgets.stats),
    fd, memory, processes: { max: planned.budgets.totals.processes, atLoad }, warnings,
  };
}

function findWarnings(plan: Plan, memory: MemoryGauge, fd: FdGauge, enabled: readonly EffectiveService[]): PlanWarning[] {
  const out: PlanWarning[] = [];
  const { planned, input, load } = plan;
  if (plan.blocked !== null) out.push({ code: 'config-unreadable', severity: 'danger', message: `The configuration has a syntax error (${plan.blocked}); fix it before applying a plan.`, services: [] });
  for (const p of plan.inputProblems) out.push({ code: 'input', severity: 'caution', message: `${p.message}; the plan uses the nearest allowed value.`, services: [] });
  if (PLAN_PROTOCOLS.every((p) => load.expected[p] === 0) && load.deliveries === 0) {
    out.push({ code: 'no-load', severity: 'info', message: 'No load entered: nothing to plan.', services: [] });
  }
  for (const e of planned.errors) out.push({ code: 'planned-error', severity: 'danger', message: `doveconf would fail: ${e.message}`, services: e.services ?? [] });

  for (const g of [planned.budgets.auth, planned.budgets.anvil, planned.budgets.stats]) {
    if (g.requiredExact < U32) continue;
    out.push({
      code: 'budget-wraps', severity: g.advisory ? 'caution' : 'danger', source: 'budgets-3.3', services: [g.service, ...g.items.map((i) => i.service)],
      message: `${g.service}: Σ process_limit = ${g.requiredExact} is at least 2³², so Dovecot's 32-bit sum wraps to ${g.required}; no client_limit can hold the real need. Lower the process_limit of the counted services.`,
    });
  }
  for (const s of enabled) {
    if (plan.version === '2.4' && s.processLimit >= UINT_MAX) {
      out.push({ code: 'process-limit-unlimited', severity: 'danger', source: 'budgets-3.3', services: [s.name], message: `service ${s.name} { process_limit = unlimited } counts as 4294967295 in the budgets: any sum it enters wraps. Give it a number.` });
    }
    if (s.processLimit1 && s.processLimit !== 1) {
      out.push({ code: 'process-limit-1', severity: 'danger', source: 'validation-17', services: [s.name], message: `service ${s.name} must keep process_limit = 1 (it has ${s.processLimit}); it scales with client_limit only, beyond that with more servers.` });
    }
  }
  for (const r of plan.recommendations) {
    if (r.clamped) out.push({ code: 'value-too-large', severity: 'danger', services: [r.service], message: `service ${r.service} { ${r.key} } would need more than 4294967295; it is set to the maximum and the load does not fit one server.` });
  }

  const fdw = fdWarning(planned.budgets, input.ulimit);
  if (fdw !== null) out.push({ code: 'fd-over-ulimit', severity: 'danger', source: 'budgets-3.4', services: fdw.services ?? [], message: `Dovecot would log: ${fdw.message}. Raise ulimit -n (LimitNOFILE) to at least ${fd.required}.` });
  if (load.role === 'proxy' && fd.perProcess > input.ulimit && fd.perProcessService !== null) {
    out.push({ code: 'fd-proxy-over-ulimit', severity: 'danger', source: 'budgets-3.4', services: [fd.perProcessService], message: `A ${fd.perProcessService} process proxying ${fd.perProcess / 2} connections holds about ${fd.perProcess} fds (client + backend side), above ulimit -n ${input.ulimit}.` });
  }
  if (fd.total > input.ulimit) {
    out.push({ code: 'fd-total', severity: 'info', source: 'budgets-3.4', services: [], message: `All processes together hold about ${fd.total} fds at max load (listeners + one per connection${load.role === 'proxy' ? ', two on the proxy\'s login side' : ''}). ulimit -n (${input.ulimit}) applies to each process; the system-wide limit (fs.file-max) must cover the total.` });
  }

  if (memory.atLoadBytes === null || memory.limitsBytes === null) {
    const unbounded = enabled.filter((s) => s.vszLimit === null).map((s) => s.name);
    out.push({ code: 'memory-unbounded', severity: 'caution', services: unbounded, message: `vsz_limit is unlimited for ${unbounded.join(', ')}: worst-case memory has no bound.` });
  }
  if (memory.atLoadBytes !== null && memory.atLoadBytes > input.ramBytes) {
    out.push({ code: 'memory-over-ram', severity: 'caution', services: memory.top.map((t) => t.service), message: `At the expected peak, processes × vsz_limit = ${bytesText(memory.atLoadBytes)} exceeds RAM (${bytesText(input.ramBytes)}): if every process grew to its vsz_limit the server would run out of memory. vsz_limit is an address-space cap, resident memory is usually far lower.` });
  } else if (memory.limitsBytes !== null && memory.limitsBytes > input.ramBytes) {
    out.push({ code: 'memory-limits-over-ram', severity: 'info', services: memory.top.map((t) => t.service), message: `Σ process_limit × vsz_limit = ${bytesText(memory.limitsBytes)} exceeds RAM (${bytesText(input.ramBytes)}); only reached if every service ran at its process_limit with full-size processes.` });
  }
  if (plan.managesieve && plan.protocolsAfter.includes('sieve')) {
    out.push({ code: 'managesieve-plugin', severity: 'info', source: 'validation-9', services: ['managesieve-login', 'managesieve'], message: 'ManageSieve needs Pigeonhole (dovecot-managesieved); without it doveconf fails with "protocols: Unknown protocol: sieve".' });
  }
  if (planned.checksSkipped) {
    out.push({ code: 'checks-skipped', severity: 'caution', services: [], message: 'A service number uses $SET:/%{…}: doveconf -n skips the budget checks (the master still runs them).' });
  }
  for (const w of planned.warnings) {
    if (w.code === 'fd-limit') continue;
    out.push({ code: 'planned-warning', severity: 'caution', services: w.services ?? [], message: `doveconf would warn: ${w.message}` });
  }
  const order: Record<PlanWarning['severity'], number> = { danger: 0, caution: 1, info: 2 };
  return out.sort((a, b) => order[a.severity] - order[b.severity]);
}
