/**
 * Pure mapping from the analysis (effective services, diagnostics, budgets)
 * and the derived connections to React Flow node data and edges. Objects
 * that did not change are reused from the previous call, so React Flow and
 * the memoised node/edge components skip them: a setting edit re-renders only
 * the nodes and edges it touched.
 *
 * @example
 *   const data = toNodeData(analysis, prev);
 *   const edges = toFlowEdges(connections, analysis.budgets, data, { showStats: false, showOptional: true, selected: null }, prevEdges);
 */
import type { Edge, Node } from '@xyflow/react';
import type { CheckResult, EffectiveListener, EffectiveService, ListenerKind } from '../../core/index.ts';
import type { BudgetName, Connection, ConnectionKind } from '../../core/graph/connections.ts';
import { serviceLane, type ServiceLane } from '../../core/graph/lanes.ts';
import { NODE_WIDTH, nodeHeight } from './node-size.ts';

/**
 * Exceeded-budget edges are animated only up to this many: hundreds of
 * animated dashes repaint the whole canvas every frame.
 */
export const MAX_ANIMATED_EDGES = 40;

/** Handle id of the single source handle of every node. */
export const SOURCE_HANDLE = 'out';
/** Handle id of the fallback target handle (connections without a usable listener). */
export const FALLBACK_HANDLE = 'in';

/** What a listener row shows. */
export interface ListenerView {
  /** Handle id: `kind:name`. */
  readonly id: string;
  readonly kind: ListenerKind;
  readonly name: string;
  /** Socket path (unix/fifo) or `:port` (inet). */
  readonly address: string;
  /** Octal mode of a unix/fifo socket; '' for inet. */
  readonly mode: string;
  /** Listener connection type (explicit `type`, or derived from the name). */
  readonly connType: string;
  readonly ssl: boolean;
  readonly disabled: boolean;
}

/** A problem shown as a badge on a node. */
export interface NodeProblem {
  readonly kind: 'error' | 'warning' | BudgetName | 'fd';
  readonly text: string;
  /** The stats budget is the seed's formula, never checked by Dovecot. */
  readonly advisory: boolean;
}

/** Data of one service node (React Flow requires a record type). */
export type ServiceNodeData = {
  readonly name: string;
  readonly type: string;
  readonly protocol: string;
  readonly enabled: boolean;
  readonly builtin: boolean;
  readonly lane: ServiceLane;
  readonly processLimit: number;
  readonly clientsPerProcess: number;
  readonly maxConnections: number;
  readonly listeners: readonly ListenerView[];
  readonly problems: readonly NodeProblem[];
};

/** A service node. */
export type ServiceFlowNode = Node<ServiceNodeData, 'service'>;

/** Data carried by a connection edge. */
export type ConnectionEdgeData = {
  readonly kind: ConnectionKind;
  readonly capacity: number;
  readonly budget: BudgetName | null;
  /** `error`: part of an exceeded auth/anvil budget; `advisory`: of the exceeded stats estimate. */
  readonly exceeded: 'error' | 'advisory' | null;
  readonly optional: boolean;
  readonly listener: string | null;
  /** Touches the selected service. */
  readonly focus: boolean;
  /** client_limit < required of the exceeded budget ('' otherwise): part of the title. */
  readonly shortfall: string;
  readonly title: string;
};

/** A connection edge. */
export type ConnectionEdge = Edge<ConnectionEdgeData, 'connection'>;

/** Which edges to show. */
export interface EdgeOptions {
  readonly showStats: boolean;
  readonly showOptional: boolean;
  readonly selected: string | null;
}

/**
 * A listener's handle id.
 *
 * @example listenerHandleId('unix_listener', 'login/login'); // 'unix_listener:login/login'
 */
export function listenerHandleId(kind: ListenerKind, name: string): string {
  return `${kind}:${name}`;
}

function listenerView(l: EffectiveListener): ListenerView {
  const v = (k: string): string => l.values[k]?.text ?? '';
  const inet = l.kind === 'inet_listener';
  return {
    id: listenerHandleId(l.kind, l.name),
    kind: l.kind,
    name: l.name,
    address: inet ? `:${v('port')}` : v('path') || l.name,
    mode: inet ? '' : v('mode'),
    connType: l.connType,
    ssl: inet && v('ssl') === 'yes',
    disabled: l.disabled,
  };
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
    const p: NodeProblem = { kind: budget.kind, text, advisory: budget.advisory };
    add(budget.service, p);
    // the stats estimate counts every service: a badge on each would say nothing
    if (budget.advisory) continue;
    for (const item of budget.items) add(item.service, p);
  }
  return out;
}

function sameListener(a: ListenerView, b: ListenerView): boolean {
  return a.id === b.id && a.address === b.address && a.mode === b.mode && a.connType === b.connType
    && a.ssl === b.ssl && a.disabled === b.disabled;
}

function sameList<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!eq(a[i]!, b[i]!)) return false;
  return true;
}

const sameProblem = (a: NodeProblem, b: NodeProblem): boolean => a.kind === b.kind && a.text === b.text && a.advisory === b.advisory;

/**
 * Field-wise equality of node data (NaN equals NaN).
 *
 * @example sameNodeData(a, { ...a }); // true
 */
export function sameNodeData(a: ServiceNodeData, b: ServiceNodeData): boolean {
  return a.name === b.name && a.type === b.type && a.protocol === b.protocol && a.enabled === b.enabled
    && a.builtin === b.builtin && a.lane === b.lane && Object.is(a.processLimit, b.processLimit)
    && Object.is(a.clientsPerProcess, b.clientsPerProcess) && Object.is(a.maxConnections, b.maxConnections)
    && sameList(a.listeners, b.listeners, sameListener) && sameList(a.problems, b.problems, sameProblem);
}

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
    const next = nodeData(s, problems.get(s.name) ?? NO_PROBLEMS);
    const old = prev.get(s.name);
    out.set(s.name, old !== undefined && sameNodeData(old, next) ? old : next);
  }
  return out;
}

/**
 * The number shown on an edge and in node limits (NaN → '?').
 *
 * @example formatCount(100000); // '100,000'
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '?';
  // Intl is slow over thousands of labels per edit; integers are grouped by hand
  if (!Number.isSafeInteger(n)) return COUNT_FORMAT.format(n);
  const digits = String(Math.abs(n));
  if (digits.length <= 3) return n < 0 ? `-${digits}` : digits;
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

const COUNT_FORMAT = new Intl.NumberFormat('en-US');

function exceededOf(budget: BudgetName | null, budgets: CheckResult['budgets']): ConnectionEdgeData['exceeded'] {
  if (budget === null) return null;
  const b = budgets[budget];
  if (b.ok) return null;
  return b.advisory ? 'advisory' : 'error';
}

function edgeTitle(c: Connection, exceeded: ConnectionEdgeData['exceeded'], budgets: CheckResult['budgets']): string {
  const via = c.listener !== null ? ` (${c.listener})` : '';
  const cap = `up to ${formatCount(c.capacity)} connection${c.capacity === 1 ? '' : 's'}`;
  const budget = c.budget === null ? '' : ` · ${c.budget} budget`;
  const over = exceeded === null || c.budget === null ? ''
    : ` exceeded: client_limit ${formatCount(budgets[c.budget].clientLimit)} < ${formatCount(budgets[c.budget].requiredExact)}${exceeded === 'advisory' ? ' (advisory, not checked by Dovecot)' : ''}`;
  return `${c.from} → ${c.to}${via}: ${c.kind}, ${cap}${budget}${over}${c.optional ? ' · only when configured' : ''}`;
}

/** Can `old` stand for the edge these inputs would build? (Compared before building: titles are costly.) */
function reusable(old: ConnectionEdge | undefined, c: Connection, handle: string, exceeded: ConnectionEdgeData['exceeded'], shortfall: string, focus: boolean, animated: boolean): old is ConnectionEdge {
  if (old === undefined || old.data === undefined) return false;
  const d = old.data;
  return old.targetHandle === handle && old.source === c.from && old.target === c.to && (old.animated ?? false) === animated
    && Object.is(d.capacity, c.capacity) && d.exceeded === exceeded && d.shortfall === shortfall && d.focus === focus
    && d.listener === c.listener && d.kind === c.kind && d.optional === c.optional && d.budget === c.budget;
}

/**
 * React Flow edges for the connections, ending on the handle of the listener
 * they use, reusing unchanged edges of `prev` (keyed by id).
 *
 * @example toFlowEdges(connections, analysis.budgets, data, { showStats: true, showOptional: true, selected: null }, new Map())[0]?.targetHandle;
 */
export function toFlowEdges(
  connections: readonly Connection[],
  budgets: CheckResult['budgets'],
  data: ReadonlyMap<string, ServiceNodeData>,
  opts: EdgeOptions,
  prev: ReadonlyMap<string, ConnectionEdge>,
): ConnectionEdge[] {
  let errorEdges = 0;
  for (const c of connections) if (c.budget !== null && c.budget !== 'stats' && !budgets[c.budget].ok) errorEdges++;
  const animate = errorEdges <= MAX_ANIMATED_EDGES;
  const plain: ConnectionEdge[] = [];
  // highlighted edges are drawn last, over the others (edges stay below the nodes)
  const raised: ConnectionEdge[] = [];
  for (const c of connections) {
    if (c.kind === 'stats' && !opts.showStats) continue;
    if (c.optional && !opts.showOptional) continue;
    const target = data.get(c.to);
    if (target === undefined || !data.has(c.from)) continue;
    const l = c.listener === null ? undefined : target.listeners.find((x) => x.name === c.listener && x.kind !== 'inet_listener');
    const exceeded = exceededOf(c.budget, budgets);
    const shortfall = exceeded === null || c.budget === null ? '' : `${budgets[c.budget].clientLimit}<${budgets[c.budget].requiredExact}`;
    const focus = opts.selected !== null && (c.from === opts.selected || c.to === opts.selected);
    const handle = l?.id ?? FALLBACK_HANDLE;
    const animated = animate && exceeded === 'error';
    const old = prev.get(c.id);
    const list = exceeded === 'error' || focus ? raised : plain;
    if (reusable(old, c, handle, exceeded, shortfall, focus, animated)) {
      list.push(old);
      continue;
    }
    const classes = ['edge', `edge-${c.kind}`];
    if (c.optional) classes.push('edge-optional');
    if (exceeded !== null) classes.push(`edge-exceeded-${exceeded}`);
    if (focus) classes.push('edge-focus');
    const title = edgeTitle(c, exceeded, budgets);
    list.push({
      id: c.id,
      type: 'connection',
      source: c.from,
      target: c.to,
      sourceHandle: SOURCE_HANDLE,
      targetHandle: handle,
      className: classes.join(' '),
      animated,
      focusable: false,
      selectable: false,
      ariaLabel: title,
      data: {
        kind: c.kind, capacity: c.capacity, budget: c.budget, exceeded, optional: c.optional,
        listener: c.listener, focus, shortfall, title,
      },
    });
  }
  return raised.length === 0 ? plain : plain.concat(raised);
}

/** A measured node size. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * What a screen reader announces for a node.
 *
 * @example nodeAriaLabel(data); // 'imap-login: login service, protocol imap, enabled, 100 × 1 = 100 max connections'
 */
export function nodeAriaLabel(d: ServiceNodeData): string {
  const problems = d.problems.length === 0 ? '' : `; problems: ${[...new Set(d.problems.map((p) => p.kind))].join(', ')}`;
  return `${d.name}: ${d.type === '' ? 'no type' : `${d.type}`} service, protocol ${d.protocol === '' ? 'none' : d.protocol}, `
    + `${d.enabled ? 'enabled' : 'not in protocols'}, ${formatCount(d.processLimit)} × ${formatCount(d.clientsPerProcess)} = `
    + `${formatCount(d.maxConnections)} max connections${problems}`;
}

/**
 * React Flow nodes for the node data at their positions, reusing the node
 * objects of `prev` whose data, position and selection did not change. Every
 * node carries its size (last measured, else the CSS size of node-size.ts).
 *
 * @example toFlowNodes(data, positions, 'auth', new Map(), new Map()).find((n) => n.id === 'auth')?.selected; // true
 */
export function toFlowNodes(
  data: ReadonlyMap<string, ServiceNodeData>,
  positions: (id: string) => { readonly x: number; readonly y: number },
  selected: string | null,
  measured: ReadonlyMap<string, Size>,
  prev: ReadonlyMap<string, ServiceFlowNode>,
): ServiceFlowNode[] {
  const out: ServiceFlowNode[] = [];
  for (const d of data.values()) {
    const position = positions(d.name);
    const isSelected = d.name === selected;
    const old = prev.get(d.name);
    if (old !== undefined && old.data === d && old.position.x === position.x && old.position.y === position.y && (old.selected ?? false) === isSelected) {
      out.push(old);
      continue;
    }
    out.push({
      id: d.name,
      type: 'service',
      position,
      data: d,
      selected: isSelected,
      ariaLabel: nodeAriaLabel(d),
      // known before rendering: the minimap, fitView and edge culling work for nodes never rendered
      measured: measured.get(d.name) ?? { width: NODE_WIDTH, height: nodeHeight(d.listeners.length) },
    });
  }
  return out;
}
