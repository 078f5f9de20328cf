/**
 * React Flow edges for the derived connections: each ends on the handle of
 * the listener it uses, carries its capacity, is styled by kind and lit when
 * its budget is exceeded. Unchanged edges of the previous call are reused
 * (compared before the costly title is built).
 *
 * @example toFlowEdges(connections, analysis.budgets, data, { showStats: false, showOptional: true, selected: null }, new Map());
 */
import type { CheckResult } from '../../core/index.ts';
import type { BudgetName, Connection } from '../../core/graph/connections.ts';
import {
  FALLBACK_HANDLE, MAX_ANIMATED_EDGES, SOURCE_HANDLE, formatCount,
  type ConnectionEdge, type ConnectionEdgeData, type EdgeOptions, type ServiceNodeData,
} from './flow-elements.ts';

function exceededOf(budget: BudgetName | null, budgets: CheckResult['budgets']): ConnectionEdgeData['exceeded'] {
  if (budget === null) return null;
  const b = budgets[budget];
  if (b.ok) return null;
  return b.advisory ? 'advisory' : 'error';
}

/**
 * The edge's tooltip and accessible name. It names the budget and whether it
 * is exceeded, not the budget's totals: those change with every edit of any
 * counted service and would re-render every edge of the budget (the legend
 * and the budgets panel show them).
 */
function edgeTitle(c: Connection, exceeded: ConnectionEdgeData['exceeded']): string {
  const via = c.listener !== null ? ` (${c.listener})` : '';
  const cap = `up to ${formatCount(c.capacity)} connection${c.capacity === 1 ? '' : 's'}`;
  const budget = c.budget === null ? '' : ` · counted in the ${c.budget} budget`;
  const over = exceeded === null ? '' : exceeded === 'advisory' ? ', over the stats estimate (advisory, not checked by Dovecot)' : ', which is exceeded';
  return `${c.from} → ${c.to}${via}: ${c.kind}, ${cap}${budget}${over}${c.optional ? ' · only when configured' : ''}`;
}

/** Can `old` stand for the edge these inputs would build? (Compared before building: titles are costly.) */
function reusable(old: ConnectionEdge | undefined, c: Connection, handle: string, exceeded: ConnectionEdgeData['exceeded'], focus: boolean, animated: boolean): old is ConnectionEdge {
  if (old === undefined || old.data === undefined) return false;
  const d = old.data;
  return old.targetHandle === handle && old.source === c.from && old.target === c.to && (old.animated ?? false) === animated
    && Object.is(d.capacity, c.capacity) && d.exceeded === exceeded && d.focus === focus
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
    const focus = opts.selected !== null && (c.from === opts.selected || c.to === opts.selected);
    const handle = l?.id ?? FALLBACK_HANDLE;
    const animated = animate && exceeded === 'error';
    const old = prev.get(c.id);
    const list = exceeded === 'error' || focus ? raised : plain;
    if (reusable(old, c, handle, exceeded, focus, animated)) {
      list.push(old);
      continue;
    }
    const classes = ['edge', `edge-${c.kind}`];
    if (c.optional) classes.push('edge-optional');
    if (exceeded !== null) classes.push(`edge-exceeded-${exceeded}`);
    if (focus) classes.push('edge-focus');
    const title = edgeTitle(c, exceeded);
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
        listener: c.listener, focus, title,
      },
    });
  }
  return raised.length === 0 ? plain : plain.concat(raised);
}
