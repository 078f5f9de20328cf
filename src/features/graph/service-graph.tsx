/**
 * The service graph: every effective service is a node (id = service name),
 * every derived connection an edge ending on the listener it uses.
 */
import { useCallback, useMemo } from 'react';
import { Background, Controls, MiniMap, ReactFlow, type Edge, type Node, type NodeMouseHandler } from '@xyflow/react';
// CSS side-effect import: the bundler injects React Flow's base styles.
// oxlint-disable-next-line import/no-unassigned-import
import '@xyflow/react/dist/style.css';
import { selectAnalysis, selectConnections } from '../../store/derived.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';

/** Renders the graph of services and connections of the current configuration. */
export function ServiceGraph() {
  const store = useEditorStore();
  const analysis = useEditor(selectAnalysis);
  const connections = useEditor(selectConnections);
  const pinned = useEditor((s) => s.pinned);

  const nodes = useMemo<Node[]>(
    () => analysis.resolved.services.map((s, i) => ({
      id: s.name,
      position: pinned[s.name] ?? { x: (i % 6) * 220, y: Math.floor(i / 6) * 120 },
      data: { label: `${s.name} (${s.processLimit} × ${s.clientsPerProcess})` },
    })),
    [analysis, pinned],
  );
  const edges = useMemo<Edge[]>(
    () => connections.map((c) => ({ id: c.id, source: c.from, target: c.to, label: String(c.capacity) })),
    [connections],
  );
  const onNodeClick = useCallback<NodeMouseHandler>((_e, n) => store.getState().select(n.id), [store]);

  return (
    <div className="service-graph" style={{ height: 600 }}>
      <ReactFlow nodes={nodes} edges={edges} onNodeClick={onNodeClick} fitView onlyRenderVisibleElements>
        <MiniMap />
        <Controls />
        <Background />
      </ReactFlow>
    </div>
  );
}
