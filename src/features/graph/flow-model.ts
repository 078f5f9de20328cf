/**
 * Per-graph memo of the flow elements: each step recomputes only when its
 * inputs changed (by identity) and hands unchanged objects back, so a
 * setting edit costs O(n) comparisons and re-renders only what changed.
 * Calls are idempotent, so React may call them twice (StrictMode).
 *
 * @example
 *   const model = new FlowModel();
 *   const data = model.nodeData(analysis);
 *   const edges = model.edges(connections, analysis.budgets, data, opts);
 */
import type { CheckResult } from '../../core/index.ts';
import { serviceConnections, type Connection } from '../../core/graph/connections.ts';
import { toFlowNodes, type ConnectionEdge, type EdgeOptions, type ServiceFlowNode, type ServiceNodeData, type Size } from './flow-elements.ts';
import { toFlowEdges } from './edge-data.ts';
import { toNodeData } from './node-data.ts';
import type { XY } from './lane-layout.ts';
import { NODE_WIDTH, nodeHeight } from './node-size.ts';

/** How a node is painted in the overview. */
export type OverviewTone = 'login' | 'post-login' | 'master' | 'worker' | 'off' | 'budget' | 'error';

/** One node of the overview (minimap). */
export interface OverviewNode {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly tone: OverviewTone;
}

/**
 * The overview colour of a node: errors, then exceeded budgets, then disabled, then its lane.
 *
 * @example overviewTone(data.get('imap-login')!); // 'login'
 */
export function overviewTone(d: ServiceNodeData): OverviewTone {
  if (d.problems.some((p) => p.kind === 'error')) return 'error';
  if (d.problems.some((p) => !p.advisory && p.kind !== 'warning')) return 'budget';
  return d.enabled ? d.lane : 'off';
}

/** Memoised flow elements of one graph. */
export class FlowModel {
  /** Last measured node sizes (from React Flow's dimension changes). */
  readonly measured = new Map<string, Size>();

  private connectionsIn: CheckResult | null = null;
  private connectionsOut: Connection[] = [];

  private dataIn: CheckResult | null = null;
  private dataOut = new Map<string, ServiceNodeData>();

  private edgesIn: readonly unknown[] = [];
  private edgesOut: ConnectionEdge[] = [];
  private edgeIndex = new Map<string, ConnectionEdge>();

  private overviewIn: readonly ServiceFlowNode[] = [];
  private overviewOut: readonly OverviewNode[] = [];

  private nodesIn: readonly unknown[] = [];
  private nodesOut: ServiceFlowNode[] = [];
  private nodeIndex = new Map<string, ServiceFlowNode>();

  /**
   * Connections of an analysis that is not the store's current one (the last
   * model that parsed, while the text has a syntax error).
   */
  connections(analysis: CheckResult): readonly Connection[] {
    if (analysis !== this.connectionsIn) {
      this.connectionsOut = serviceConnections(analysis.resolved);
      this.connectionsIn = analysis;
    }
    return this.connectionsOut;
  }

  /** Node data by service name. */
  nodeData(analysis: CheckResult): ReadonlyMap<string, ServiceNodeData> {
    if (analysis !== this.dataIn) {
      this.dataOut = toNodeData(analysis, this.dataOut);
      this.dataIn = analysis;
    }
    return this.dataOut;
  }

  /** Visible connection edges. */
  edges(connections: readonly Connection[], budgets: CheckResult['budgets'], data: ReadonlyMap<string, ServiceNodeData>, opts: EdgeOptions): ConnectionEdge[] {
    const input = [connections, budgets, data, opts.showStats, opts.showOptional, opts.selected];
    if (!sameInputs(input, this.edgesIn)) {
      this.edgesOut = toFlowEdges(connections, budgets, data, opts, this.edgeIndex);
      this.edgeIndex = new Map(this.edgesOut.map((e) => [e.id, e]));
      this.edgesIn = input;
    }
    return this.edgesOut;
  }

  /** Nodes at their positions: dragging > pinned > automatic. */
  nodes(
    data: ReadonlyMap<string, ServiceNodeData>,
    auto: Readonly<Record<string, XY>>,
    pinned: Readonly<Record<string, XY>>,
    dragging: Readonly<Record<string, XY>>,
    selected: string | null,
  ): ServiceFlowNode[] {
    const input = [data, auto, pinned, dragging, selected];
    if (!sameInputs(input, this.nodesIn)) {
      const origin = { x: 0, y: 0 };
      const at = (id: string): XY => dragging[id] ?? pinned[id] ?? auto[id] ?? origin;
      this.nodesOut = toFlowNodes(data, at, selected, this.measured, this.nodeIndex);
      this.nodeIndex = new Map(this.nodesOut.map((n) => [n.id, n]));
      this.nodesIn = input;
    }
    return this.nodesOut;
  }

  /**
   * Overview rectangles of the nodes; the previous array when nothing it shows
   * changed (so the overview does not redraw on every edit).
   */
  overview(nodes: readonly ServiceFlowNode[]): readonly OverviewNode[] {
    if (nodes === this.overviewIn) return this.overviewOut;
    const prev = this.overviewOut;
    let same = prev.length === nodes.length;
    const out: OverviewNode[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      const o: OverviewNode = { x: n.position.x, y: n.position.y, width: NODE_WIDTH, height: nodeHeight(n.data.listeners.length), tone: overviewTone(n.data) };
      const p = prev[i];
      if (same && (p === undefined || p.x !== o.x || p.y !== o.y || p.height !== o.height || p.tone !== o.tone)) same = false;
      out.push(o);
    }
    this.overviewIn = nodes;
    if (!same) this.overviewOut = out;
    return this.overviewOut;
  }
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
