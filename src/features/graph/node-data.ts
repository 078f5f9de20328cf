/**
 * Node data of every service from the analysis: name, type, protocol,
 * limits, listeners (one handle each) and the problems it is part of
 * (diagnostics that name it, exceeded budgets it is counted in, the fd
 * source). Unchanged objects of the previous call are reused.
 *
 * @example toNodeData(analysis, new Map()).get('imap-login')?.lane; // 'login'
 */
import type { CheckResult, EffectiveListener, EffectiveService } from '../../core/index.ts';
import { serviceLane } from '../../core/graph/lanes.ts';
import { listenerHandleId, type ListenerView, type NodeProblem, type ServiceNodeData } from './flow-elements.ts';

const valueOf = (l: EffectiveListener, key: string): string => l.values[key]?.text ?? '';

function listenerAddress(l: EffectiveListener): string {
  return l.kind === 'inet_listener' ? `:${valueOf(l, 'port')}` : valueOf(l, 'path') || l.name;
}

function listenerView(l: EffectiveListener): ListenerView {
  const inet = l.kind === 'inet_listener';
  return {
    id: listenerHandleId(l.kind, l.name),
    kind: l.kind,
    name: l.name,
    address: listenerAddress(l),
    mode: inet ? '' : valueOf(l, 'mode'),
    connType: l.connType,
    ssl: inet && valueOf(l, 'ssl') === 'yes',
    disabled: l.disabled,
  };
}

/** Does the view still show this listener? (Compared without building a view: most listeners never change.) */
function showsListener(v: ListenerView, l: EffectiveListener): boolean {
  const inet = l.kind === 'inet_listener';
  return v.kind === l.kind && v.name === l.name && v.connType === l.connType && v.disabled === l.disabled
    && v.address === listenerAddress(l) && v.mode === (inet ? '' : valueOf(l, 'mode')) && v.ssl === (inet && valueOf(l, 'ssl') === 'yes');
}

/** Problems per service name: diagnostics that name it and the exceeded budgets it is counted in. */
function problemsByService(analysis: CheckResult): Map<string, NodeProblem[]> {
  const out = new Map<string, NodeProblem[]>();
  const add = (name: string, p: NodeProblem): void => {
    const list = out.get(name);
    if (list === undefined) out.set(name, [p]);
    else if (!list.some((q) => q.kind === p.kind && q.text === p.text)) list.push(p);
  };
  const seen = new Set<string>();
  for (const d of analysis.allErrors) {
    const key = `${d.code}\u0000${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const s of d.services ?? []) add(s, { kind: 'error', text: d.message, advisory: false });
  }
  const b = analysis.budgets;
  for (const d of analysis.warnings) {
    if (d.code === 'fd-limit') {
      if (b.fd.sourceService !== null) add(b.fd.sourceService, { kind: 'fd', text: d.message, advisory: false });
      continue;
    }
    // auth/anvil budget warnings become budget badges below
    if (d.code === 'auth-client-limit' || d.code === 'anvil-client-limit') continue;
    for (const s of d.services ?? []) add(s, { kind: 'warning', text: d.message, advisory: false });
  }
  for (const budget of [b.auth, b.anvil, b.stats]) {
    if (budget.ok) continue;
    const text = budget.advisory
      ? `stats estimate (not checked by Dovecot): service stats { client_limit=${budget.clientLimit} } < ${budget.requiredExact} = Σ process_limit`
      : `service ${budget.service} { client_limit=${budget.clientLimit} } is lower than required under max. load (${budget.required})`;
    add(budget.service, { kind: budget.kind, text, advisory: budget.advisory });
    // the stats estimate counts every service: a badge on each would say nothing
    if (budget.advisory) continue;
    // without the totals, which change with every edit of any counted service
    // and would re-render every counted node (the budgets panel shows them)
    const counted: NodeProblem = { kind: budget.kind, text: `counted in the ${budget.kind} budget, which is exceeded (service ${budget.service} { client_limit } is too low)`, advisory: false };
    for (const item of budget.items) if (item.service !== budget.service) add(item.service, counted);
  }
  return out;
}

/** Does `d` still show service `s` with these problems? */
function showsService(d: ServiceNodeData, s: EffectiveService, problems: readonly NodeProblem[]): boolean {
  if (d.name !== s.name || d.type !== s.type || d.protocol !== s.protocol || d.enabled !== s.enabled || d.builtin !== s.builtin
    || !Object.is(d.processLimit, s.processLimit) || !Object.is(d.clientsPerProcess, s.clientsPerProcess)
    || !Object.is(d.maxConnections, s.maxConnections) || d.listeners.length !== s.listeners.length
    || d.lane !== serviceLane(s) || !sameList(d.problems, problems, sameProblem)) return false;
  for (let i = 0; i < s.listeners.length; i++) if (!showsListener(d.listeners[i]!, s.listeners[i]!)) return false;
  return true;
}

function sameList<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!eq(a[i]!, b[i]!)) return false;
  return true;
}

const sameProblem = (a: NodeProblem, b: NodeProblem): boolean => a.kind === b.kind && a.text === b.text && a.advisory === b.advisory;

function nodeData(s: EffectiveService, problems: readonly NodeProblem[]): ServiceNodeData {
  return {
    name: s.name, type: s.type, protocol: s.protocol, enabled: s.enabled, builtin: s.builtin,
    lane: serviceLane(s), processLimit: s.processLimit, clientsPerProcess: s.clientsPerProcess,
    maxConnections: s.maxConnections, listeners: s.listeners.map(listenerView), problems,
  };
}

const NO_PROBLEMS: readonly NodeProblem[] = [];

/**
 * Node data of every service, in the analysis' order, reusing unchanged
 * objects of `prev`.
 *
 * @example toNodeData(analysis, new Map()).get('imap-login')?.lane; // 'login'
 */
export function toNodeData(analysis: CheckResult, prev: ReadonlyMap<string, ServiceNodeData>): Map<string, ServiceNodeData> {
  const problems = problemsByService(analysis);
  const out = new Map<string, ServiceNodeData>();
  for (const s of analysis.resolved.services) {
    const p = problems.get(s.name) ?? NO_PROBLEMS;
    const old = prev.get(s.name);
    out.set(s.name, old !== undefined && showsService(old, s, p) ? old : nodeData(s, p));
  }
  return out;
}
