/**
 * When the view is fitted: on the first layout, after every Re-layout, and
 * when the graph is replaced (an import: fewer than half of its nodes were
 * there at the last fit), once for the quick grid and again when the ordered
 * layout arrives. Never on setting edits. A graph too big to read when fitted
 * (and that would render every node) opens at its first node at a readable zoom.
 *
 * @example useFitView(nodes, layout.status, layoutRevision);
 */
import { useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { ServiceFlowNode } from './flow-elements.ts';
import type { LayoutStatus } from './use-auto-layout.ts';

/** Fit the whole graph up to this many nodes. */
export const FIT_ALL_MAX = 150;
/** Zoom a graph too big to fit opens at. */
export const BIG_GRAPH_ZOOM = 0.6;

interface Scene {
  readonly generation: number;
  readonly revision: number;
  readonly ids: ReadonlySet<string>;
}

function replaced(ids: ReadonlySet<string>, nodes: readonly ServiceFlowNode[]): boolean {
  if (nodes.length === 0) return false;
  let kept = 0;
  for (const n of nodes) if (ids.has(n.id)) kept++;
  return kept * 2 < nodes.length;
}

/** Fits the view when the scene changes (see the module comment). */
export function useFitView(nodes: readonly ServiceFlowNode[], status: LayoutStatus, revision: number): void {
  const flow = useReactFlow<ServiceFlowNode>();
  const [scene, setScene] = useState<Scene>({ generation: 0, revision, ids: new Set() });
  if (scene.revision !== revision || replaced(scene.ids, nodes)) {
    setScene({ generation: scene.generation + 1, revision, ids: new Set(nodes.map((n) => n.id)) });
  }

  const fitted = useRef<string | null>(null);
  useEffect(() => {
    const key = `${scene.generation}:${status === 'pending' ? 'pending' : 'final'}`;
    if (fitted.current === key || nodes.length === 0) return;
    fitted.current = key;
    if (nodes.length <= FIT_ALL_MAX) {
      void flow.fitView({ padding: 0.06, maxZoom: 1 });
      return;
    }
    let first = nodes[0]!;
    for (const n of nodes) {
      if (n.position.x < first.position.x || (n.position.x === first.position.x && n.position.y < first.position.y)) first = n;
    }
    void flow.setViewport({ x: 40 - first.position.x * BIG_GRAPH_ZOOM, y: 110 - first.position.y * BIG_GRAPH_ZOOM, zoom: BIG_GRAPH_ZOOM });
  }, [scene.generation, status, nodes, flow]);
}
