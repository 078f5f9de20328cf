/**
 * Pure layout helpers: the lane grid (lanes left to right, long lanes split
 * into balanced columns) and the input of the elkjs layered layout (one
 * partition per lane), whose result only orders the nodes inside each lane
 * to cut edge crossings; the grid then places them.
 *
 * @example
 *   const items = layoutItems(data);
 *   const positions = laneGridLayout(orderByPositions(items, await runElkLayout(elkGraph(items, links))));
 */
import { LANES, type ServiceLane } from '../../core/graph/lanes.ts';
import type { ServiceNodeData } from './flow-elements.ts';
import { NODE_WIDTH, nodeHeight } from './node-size.ts';

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

/** Horizontal gap between lanes. */
export const LANE_GAP = 180;
/** Gap between nodes in a lane column. */
export const NODE_GAP = 28;
/** Shortest column height of the grid layout (below it every lane would wrap). */
export const MIN_COLUMN_HEIGHT = 1200;
/** Width : height the grid layout aims at, about a wide screen's. */
export const GRID_ASPECT = 1.6;

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
 * Whether two layout inputs are the same (nodes, lanes, sizes, links, in
 * order): setting edits that only change numbers keep the layout. O(n), no
 * allocation.
 *
 * @example sameLayoutInput(items, links, [...items], [...links]); // true
 */
export function sameLayoutInput(a: readonly LayoutItem[], aLinks: readonly LayoutLink[], b: readonly LayoutItem[], bLinks: readonly LayoutLink[]): boolean {
  if (a.length !== b.length || aLinks.length !== bLinks.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.lane !== y.lane || x.height !== y.height || x.width !== y.width) return false;
  }
  for (let i = 0; i < aLinks.length; i++) {
    if (aLinks[i]!.source !== bLinks[i]!.source || aLinks[i]!.target !== bLinks[i]!.target) return false;
  }
  return true;
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
 * Lane columns left to right. Inside a lane nodes stack top-down in input
 * order; a lane taller than `gridColumnHeight` is split into balanced
 * columns, and every column is centred on the tallest one. O(n).
 *
 * @example laneGridLayout([{ id: 'a', lane: 'login', width: 264, height: 100 }]).a; // { x: 0, y: 0 }
 */
export function laneGridLayout(items: readonly LayoutItem[]): Record<string, XY> {
  const byLane = new Map<ServiceLane, LayoutItem[]>(LANES.map((l) => [l, []]));
  for (const i of items) byLane.get(i.lane)!.push(i);
  const maxHeight = gridColumnHeight(items);
  const columns: { x: number; height: number; cells: { item: LayoutItem; y: number }[] }[] = [];
  let x = 0;
  for (const lane of LANES) {
    const list = byLane.get(lane)!;
    if (list.length === 0) continue;
    const total = list.reduce((a, i) => a + i.height + NODE_GAP, -NODE_GAP);
    const count = Math.max(1, Math.ceil(total / maxHeight));
    const target = total / count;
    let column = { x, height: 0, cells: [] as { item: LayoutItem; y: number }[] };
    let width = 0;
    let made = 1;
    for (const i of list) {
      if (column.cells.length > 0 && made < count && column.height + NODE_GAP + i.height / 2 > target) {
        columns.push(column);
        x += width + NODE_GAP * 2;
        column = { x, height: 0, cells: [] };
        width = 0;
        made++;
      }
      const y = column.cells.length === 0 ? 0 : column.height + NODE_GAP;
      column.cells.push({ item: i, y });
      column.height = y + i.height;
      width = Math.max(width, i.width);
    }
    columns.push(column);
    x += width + LANE_GAP;
  }
  const tallest = Math.max(0, ...columns.map((c) => c.height));
  const out: Record<string, XY> = {};
  for (const c of columns) {
    const offset = Math.round((tallest - c.height) / 2);
    for (const cell of c.cells) out[cell.item.id] = { x: c.x, y: cell.y + offset };
  }
  return out;
}

/**
 * The items reordered, inside each lane, by the y of `positions` (elk's
 * crossing-minimised order); items without a position keep their place after them.
 *
 * @example laneGridLayout(orderByPositions(items, elkPositions));
 */
export function orderByPositions(items: readonly LayoutItem[], positions: Readonly<Record<string, XY>>): LayoutItem[] {
  const index = new Map(items.map((i, k) => [i.id, k]));
  const key = (i: LayoutItem): number => positions[i.id]?.y ?? Infinity;
  return [...items].sort((a, b) => key(a) - key(b) || index.get(a.id)! - index.get(b.id)!);
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
  // only the order inside each layer is used: the cheapest placement will do
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/**
 * The elk graph for the items and links. Only links that go from one lane to
 * a later lane are kept (duplicates merged): elk's layering then keeps every
 * lane in one column and only orders the nodes inside it to cut crossings.
 * Nodes without such a link have nothing to order and are left out (elk's
 * time grows fast with the size of a layer); they follow in input order.
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
  const linked = new Set<string>();
  for (const e of edges) {
    linked.add(e.sources[0]!);
    linked.add(e.targets[0]!);
  }
  return {
    id: 'root',
    layoutOptions: ELK_OPTIONS,
    children: items.filter((i) => linked.has(i.id)).map((i) => ({
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
