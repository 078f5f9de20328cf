/**
 * The shapes the graph draws (node data, edge data, handles) and the React
 * Flow nodes built from them. Node data comes from node-data.ts, edges from
 * edge-data.ts; objects that did not change are reused, so React Flow and the
 * memoised components skip them.
 *
 * @example const nodes = toFlowNodes(data, (id) => positions[id]!, selected, new Map(), prev);
 */
import type { Edge, Node } from '@xyflow/react';
import type { ListenerKind } from '../../core/index.ts';
import type { BudgetName, ConnectionKind } from '../../core/graph/connections.ts';
import type { ServiceLane } from '../../core/graph/lanes.ts';
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
