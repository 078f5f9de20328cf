/**
 * The React Flow canvas: nodes and edges derived from the store (through the
 * memoised FlowModel), automatic lane layout, dragged positions kept in the
 * store's layout slice, selection synchronised both ways.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background, Controls, ReactFlow, ViewportPortal, useReactFlow,
  type NodeChange, type NodeMouseHandler,
} from '@xyflow/react';
import { LANE_TITLES } from '../../core/graph/lanes.ts';
import { selectConnections, selectShownAnalysis } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';
import { ConnectionEdge } from './connection-edge.tsx';
import type { ServiceFlowNode } from './flow-elements.ts';
import { FlowModel } from './flow-model.ts';
import { GraphOverview } from './graph-overview.tsx';
import { laneHeadings, layoutItems, type LayoutLink, type XY } from './lane-layout.ts';
import { ServiceNode } from './service-node.tsx';
import { useAutoLayout, type LayoutStatus } from './use-auto-layout.ts';
import { useFitView } from './use-fit-view.ts';

const nodeTypes = { service: ServiceNode } as const;
const edgeTypes = { connection: ConnectionEdge } as const;

const selectSelected = (s: EditorState): string | null => s.selected;
const selectPinned = (s: EditorState): EditorState['pinned'] => s.pinned;
const selectRevision = (s: EditorState): number => s.layoutRevision;
const selectTheme = (s: EditorState): EditorState['theme'] => s.theme;

const NO_DRAG: Readonly<Record<string, XY>> = {};

/** Which edges the canvas shows, and where its layout stands (for the toolbar). */
export interface GraphCanvasProps {
  readonly showStats: boolean;
  readonly showOptional: boolean;
  readonly onStatus?: (status: { layout: LayoutStatus; nodes: number; edges: number }) => void;
}

/** The graph canvas (must be inside a ReactFlowProvider). */
export function GraphCanvas({ showStats, showOptional, onStatus }: GraphCanvasProps) {
  const store = useEditorStore();
  // While the text has a syntax error the graph keeps the last model that
  // parsed. Edits reach the graph as a deferred update: the inspector and the
  // budgets show the new numbers first, the graph follows in the next render.
  const shown = useDeferredValue(useEditor(selectShownAnalysis));
  const current = useDeferredValue(useEditor(selectConnections));
  const selected = useEditor(selectSelected);
  const pinned = useEditor(selectPinned);
  const revision = useEditor(selectRevision);
  const theme = useEditor(selectTheme);
  const flow = useReactFlow<ServiceFlowNode>();
  const [model] = useState(() => new FlowModel());
  const [dragging, setDragging] = useState<Readonly<Record<string, XY>>>(NO_DRAG);

  const analysis = shown.analysis;
  const connections = shown.stale ? model.connections(analysis) : current;
  const data = model.nodeData(analysis);
  const items = useMemo(() => layoutItems(data), [data]);
  const links = useMemo<LayoutLink[]>(
    () => connections.filter((c) => c.kind !== 'stats').map((c) => ({ source: c.from, target: c.to })),
    [connections],
  );
  const layout = useAutoLayout(items, links, revision);
  const nodes = model.nodes(data, layout.positions, pinned, dragging, selected);
  const edges = model.edges(connections, analysis.budgets, data, { showStats, showOptional, selected });

  // Selection made on the canvas must not re-centre the view.
  const selectedOnCanvas = useRef<string | null>(null);

  const onNodesChange = useCallback((changes: NodeChange<ServiceFlowNode>[]) => {
    let moved: Record<string, XY> | null = null;
    let drag: Record<string, XY> | null = null;
    let dragEnded: string[] | null = null;
    for (const c of changes) {
      if (c.type === 'dimensions' && c.dimensions !== undefined) {
        model.measured.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
      } else if (c.type === 'position') {
        if (c.dragging === true && c.position !== undefined) (drag ??= {})[c.id] = c.position;
        else {
          if (c.position !== undefined) (moved ??= {})[c.id] = { x: Math.round(c.position.x), y: Math.round(c.position.y) };
          (dragEnded ??= []).push(c.id);
        }
      } else if (c.type === 'select' && c.selected) {
        selectedOnCanvas.current = c.id;
        store.getState().select(c.id);
      }
    }
    if (moved !== null) store.getState().moveNodes(moved);
    if (drag !== null || dragEnded !== null) {
      const add = drag;
      const end = dragEnded;
      setDragging((prev) => {
        const next: Record<string, XY> = { ...prev, ...add };
        for (const id of end ?? []) delete next[id];
        return Object.keys(next).length === 0 ? NO_DRAG : next;
      });
    }
  }, [model, store]);

  const onPaneClick = useCallback(() => {
    if (store.getState().selected !== null) store.getState().select(null);
  }, [store]);
  const onNodeClick = useCallback<NodeMouseHandler<ServiceFlowNode>>((_e, node) => {
    if (store.getState().selected !== node.id) {
      selectedOnCanvas.current = node.id;
      store.getState().select(node.id);
    }
  }, [store]);

  // Selected elsewhere (service list, inspector): centre the node.
  useEffect(() => {
    if (selected === null) return;
    if (selectedOnCanvas.current === selected) {
      selectedOnCanvas.current = null;
      return;
    }
    const n = flow.getInternalNode(selected);
    if (n === undefined) return;
    const w = n.measured.width ?? 0;
    const h = n.measured.height ?? 0;
    void flow.setCenter(n.internals.positionAbsolute.x + w / 2, n.internals.positionAbsolute.y + h / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
  }, [selected, flow]);

  useFitView(nodes, layout.status, revision);

  useEffect(() => {
    onStatus?.({ layout: layout.status, nodes: nodes.length, edges: edges.length });
  }, [onStatus, layout.status, nodes.length, edges.length]);

  const overview = model.overview(nodes);

  const headings = useMemo(() => {
    const at: Record<string, XY> = { ...layout.positions, ...pinned };
    return laneHeadings(layout.items, at);
  }, [layout.items, layout.positions, pinned]);

  return (
    <ReactFlow<ServiceFlowNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onNodeClick={onNodeClick}
      onPaneClick={onPaneClick}
      colorMode={theme}
      onlyRenderVisibleElements
      nodesConnectable={false}
      edgesFocusable={false}
      elementsSelectable
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      panActivationKeyCode={null}
      zoomActivationKeyCode={null}
      minZoom={0.05}
      maxZoom={2}
      data-layout-status={layout.status}
      aria-label="Service graph canvas"
    >
      <ViewportPortal>
        {headings.map((h) => (
          <div key={h.lane} className="lane-heading" style={{ transform: `translate(${h.x}px, ${h.y - 30}px)` }}>
            {LANE_TITLES[h.lane]}
          </div>
        ))}
      </ViewportPortal>
      <Background gap={24} size={1} />
      <Controls showInteractive={false} className="nokey" />
      <GraphOverview nodes={overview} />
    </ReactFlow>
  );
}

