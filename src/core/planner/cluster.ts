/**
 * A proxy/backend cluster on paper: the plan for one proxy and for one
 * backend (both on the current configuration), and the totals over all
 * servers, with the assumptions the split rests on.
 *
 * @example
 *   const c = planCluster(text, { ...input, role: 'proxy', proxies: 2, backends: 4 }, { version: '2.4' });
 *   c.totals.clientCapacity.imap; // what 2 proxies accept together
 */
import { assessPlan, type PlanAssessment } from './assess.ts';
import { planCapacity, type Plan, type PlanOptions } from './plan.ts';
import { PROTOCOL_SERVICES } from './rules.ts';
import { PLAN_PROTOCOLS, type PlanInput, type PlanProtocol } from './types.ts';

/** One kind of server in the cluster. */
export interface ClusterTier {
  readonly role: 'proxy' | 'backend';
  readonly servers: number;
  readonly plan: Plan;
  readonly assessment: PlanAssessment;
}

/** Totals over every server. */
export interface ClusterTotals {
  readonly servers: number;
  /** Client connections all proxies accept (login services), per protocol. */
  readonly clientCapacity: Readonly<Record<PlanProtocol, number>>;
  /** Sessions all backends accept (post-login services), per protocol. */
  readonly backendCapacity: Readonly<Record<PlanProtocol, number>>;
  /** Σ process_limit over all servers. */
  readonly processes: number;
  /** Σ process_limit × vsz_limit over all servers (null when unbounded). */
  readonly memoryLimitsBytes: number | null;
  readonly ramBytes: number;
}

/** The cluster on paper. */
export interface ClusterPlan {
  readonly proxy: ClusterTier;
  readonly backend: ClusterTier;
  readonly totals: ClusterTotals;
  readonly assumptions: readonly string[];
}

/** Assumptions behind every proxy/backend split. */
export const CLUSTER_ASSUMPTIONS: readonly string[] = [
  'Loads are peaks of the whole installation, spread evenly over the servers of a role; the headroom absorbs the imbalance.',
  'A proxy keeps one login process slot per client session for its whole length (the login service proxies it), so its login services carry every client connection; no post-login processes run on a proxy, their settings are left as they are.',
  'Each proxy connection to a backend is one client of the backend\'s login service (and, after login, of its post-login service): per backend = expected ÷ backends.',
  'A proxied connection costs the proxy\'s login process 2 file descriptors (client side + backend side).',
  'LMTP deliveries in parallel are split the same way: per proxy = deliveries ÷ proxies, per backend = deliveries ÷ backends.',
];

function tier(text: string, input: PlanInput, role: 'proxy' | 'backend', opts: PlanOptions, known: Plan | undefined): ClusterTier {
  const plan = known !== undefined && known.input.role === role ? known : planCapacity(text, { ...input, role }, opts);
  return { role, servers: plan.load.servers, plan, assessment: assessPlan(plan) };
}

function capacity(t: ClusterTier, pick: 'login' | 'postLogin'): Record<PlanProtocol, number> {
  const out = {} as Record<PlanProtocol, number>;
  for (const p of PLAN_PROTOCOLS) {
    const s = t.plan.planned.resolved.services.find((x) => x.name === PROTOCOL_SERVICES[p][pick]);
    out[p] = s !== undefined && s.enabled ? s.maxConnections * t.servers : 0;
  }
  return out;
}

/**
 * Plans both tiers of a proxy cluster. `known`, when given, is the plan of the
 * same text and input for its role (reused instead of planned again).
 *
 * @example planCluster(text, input, { version: '2.3' }).proxy.plan.recommendations;
 */
export function planCluster(text: string, input: PlanInput, opts: PlanOptions, known?: Plan): ClusterPlan {
  const proxy = tier(text, input, 'proxy', opts, known);
  const backend = tier(text, input, 'backend', opts, known);
  const mem = (t: ClusterTier) => (t.plan.planned.budgets.totals.memoryBytes === null ? null : t.plan.planned.budgets.totals.memoryBytes * t.servers);
  const pm = mem(proxy);
  const bm = mem(backend);
  return {
    proxy, backend,
    totals: {
      servers: proxy.servers + backend.servers,
      clientCapacity: capacity(proxy, 'login'),
      backendCapacity: capacity(backend, 'postLogin'),
      processes: proxy.plan.planned.budgets.totals.processes * proxy.servers + backend.plan.planned.budgets.totals.processes * backend.servers,
      memoryLimitsBytes: pm === null || bm === null ? null : pm + bm,
      ramBytes: proxy.plan.input.ramBytes * (proxy.servers + backend.servers),
    },
    assumptions: CLUSTER_ASSUMPTIONS,
  };
}
