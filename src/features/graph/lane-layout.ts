/**
 * Pure layout helpers: node sizes (they match service-graph.css), the input
 * of the elkjs layered layout with one partition per lane, and the cheap
 * lane/grid layout used while elk runs and for graphs too big for elk.
 *
 * @example
 *   const items = layoutItems(data);
 *   const positions = laneGridLayout(items);
 */
import { LANES, type ServiceLane } from '../../core/graph/lanes.ts';
import type { ServiceNodeData } from './flow-elements.ts';

/** A canvas position. */
export interface XY {
  readonly x: number;
  readonly y: number;
}

/** What the layout needs to know about a node. */
export interface LayoutItem {
  readonly id: string;
  readonly lane: ServiceLane;
  readonly width: number;
  readonly height: number;
}

/** What the layout needs to know about an edge. */
export interface LayoutLink {
  readonly source: string;
  readonly target: string;
}

/** Node width in px (service-graph.css `.service-node`). */
export const NODE_WIDTH = 264;
/** Height of the header (name, type line, limits) in px. */
export const NODE_HEADER_HEIGHT = 78;
/** Height of one listener row in px. */
export const LISTENER_ROW_HEIGHT = 22;
/** Horizontal gap between lanes. */
export const LANE_GAP = 180;
/** Gap between nodes in a lane column. */
export const NODE_GAP = 28;
/** Shortest column height of the grid layout (below it every lane would wrap). */
export const MIN_COLUMN_HEIGHT = 1200;
/** Width : height the grid layout aims at, about a wide screen's. */
export const GRID_ASPECT = 1.6;

/**
 * Height of a node with `listeners` listener rows (an empty list still shows one "no listeners" row).
 *
 * @example nodeHeight(2); // 78 + 2 × 22 + 2
 */
export function nodeHeight(listeners: number): number {
  return NODE_HEADER_HEIGHT + Math.max(1, listeners) * LISTENER_ROW_HEIGHT + 2;
}

/**
 * Layout items of the node data, in its order.
 *
 * @example layoutItems(data).find((i) => i.id === 'auth')?.lane; // 'master'
 */
export function layoutItems(data: ReadonlyMap<string, ServiceNodeData>): LayoutItem[] {
  const out: LayoutItem[] = [];
  for (const d of data.values()) out.push({ id: d.name, lane: d.lane, width: NODE_WIDTH, height: nodeHeight(d.listeners.length) });
  return out;
}

/**
 * A string that changes exactly when the layout input changes (nodes, lanes,
 * sizes, links): setting edits that only change numbers keep the layout.
 *
 * @example layoutKey(items, links) === layoutKey(items, links); // true
 */
export function layoutKey(items: readonly LayoutItem[], links: readonly LayoutLink[]): string {
  const parts: string[] = [];
  for (const i of items) parts.push(`${i.id}|${i.lane}|${i.height}`);
  parts.push('--');
  for (const l of links) parts.push(`${l.source}>${l.target}`);
  return parts.join('\n');
}

/**
 * Column height of the grid layout: the height of a `GRID_ASPECT` rectangle
 * holding every node, so big graphs wrap into a block rather than a strip.
 *
 * @example gridColumnHeight([]); // MIN_COLUMN_HEIGHT
 */
export function gridColumnHeight(items: readonly LayoutItem[]): number {
  let area = 0;
  for (const i of items) area += (i.width + NODE_GAP * 2) * (i.height + NODE_GAP);
  return Math.max(MIN_COLUMN_HEIGHT, Math.round(Math.sqrt(area / GRID_ASPECT)));
}

/**
 * Lane columns left to right; inside a lane nodes stack top-down in input
 * order and wrap into another column past `gridColumnHeight`. O(n).
 *
 * @example laneGridLayout([{ id: 'a', lane: 'login', width: 264, height: 100 }]).a; // { x: 0, y: 0 }
 */
export function laneGridLayout(items: readonly LayoutItem[]): Record<string, XY> {
  const byLane = new Map<ServiceLane, LayoutItem[]>(LANES.map((l) => [l, []]));
  for (const i of items) byLane.get(i.lane)!.push(i);
  const maxHeight = gridColumnHeight(items);
  const out: Record<string, XY> = {};
  let x = 0;
  for (const lane of LANES) {
    const list = byLane.get(lane)!;
    if (list.length === 0) continue;
    let y = 0;
    let columnWidth = 0;
    for (const i of list) {
      if (y > 0 && y + i.height > maxHeight) {
        x += columnWidth + NODE_GAP * 2;
        y = 0;
        columnWidth = 0;
      }
      out[i.id] = { x, y };
      y += i.height + NODE_GAP;
      columnWidth = Math.max(columnWidth, i.width);
    }
    x += columnWidth + LANE_GAP;
  }
  return out;
}

/** The elkjs graph format (the subset used here). */
export interface ElkInput {
  readonly id: string;
  readonly layoutOptions: Readonly<Record<string, string>>;
  readonly children: readonly { readonly id: string; readonly width: number; readonly height: number; readonly layoutOptions: Readonly<Record<string, string>> }[];
  readonly edges: readonly { readonly id: string; readonly sources: readonly string[]; readonly targets: readonly string[] }[];
}

/** elk options: layered, left to right, one partition per lane, all nodes in one graph so lanes hold. */
export const ELK_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.partitioning.activate': 'true',
  'elk.separateConnectedComponents': 'false',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LANE_GAP / 2),
  'elk.spacing.nodeNode': String(NODE_GAP + 12),
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/**
 * The elk graph for the items and links. Only links that go from one lane to
 * a later lane are kept (duplicates merged): elk's layering then keeps every
 * lane in one column and only orders the nodes inside it to cut crossings.
 *
 * @example elkGraph(items, links).children.length === items.length; // true
 */
export function elkGraph(items: readonly LayoutItem[], links: readonly LayoutLink[]): ElkInput {
  const laneOf = new Map(items.map((i) => [i.id, LANES.indexOf(i.lane)]));
  const seen = new Set<string>();
  const edges: { id: string; sources: string[]; targets: string[] }[] = [];
  for (const l of links) {
    const id = `${l.source}>${l.target}`;
    const from = laneOf.get(l.source);
    const to = laneOf.get(l.target);
    if (from === undefined || to === undefined || from >= to || seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, sources: [l.source], targets: [l.target] });
  }
  return {
    id: 'root',
    layoutOptions: ELK_OPTIONS,
    children: items.map((i) => ({
      id: i.id, width: i.width, height: i.height,
      layoutOptions: { 'elk.partitioning.partition': String(LANES.indexOf(i.lane)) },
    })),
    edges,
  };
}

/**
 * Lane title positions: above the top-left node of each lane.
 *
 * @example laneHeadings(items, positions)[0]?.lane; // 'login'
 */
export function laneHeadings(items: readonly LayoutItem[], positions: Readonly<Record<string, XY>>): { lane: ServiceLane; x: number; y: number }[] {
  const minX = new Map<ServiceLane, number>();
  const minY = new Map<ServiceLane, number>();
  for (const i of items) {
    const p = positions[i.id];
    if (p === undefined) continue;
    minX.set(i.lane, Math.min(minX.get(i.lane) ?? Infinity, p.x));
    minY.set(i.lane, Math.min(minY.get(i.lane) ?? Infinity, p.y));
  }
  return LANES.filter((l) => minX.has(l)).map((lane) => ({ lane, x: minX.get(lane)!, y: minY.get(lane)! }));
}
