/**
 * Automatic positions for the graph: the lane grid at once (O(n), never
 * blocks), then the same grid with each lane ordered by the elkjs layered
 * layout (fewer crossings) when the worker answers. Graphs with more than
 * `ELK_MAX_NODES` linked nodes keep the plain grid: elk needs seconds there.
 *
 * @example const { positions, status } = useAutoLayout(items, links, layoutRevision);
 */
import { useEffect, useMemo, useState } from 'react';
import { elkGraph, laneGridLayout, orderByPositions, sameLayoutInput, type LayoutItem, type LayoutLink, type XY } from './lane-layout.ts';
import { runElkLayout } from './elk-layout.ts';

/**
 * Largest elk graph (linked nodes) run: elk's time grows steeply with the
 * nodes of a lane (measured in the bench page on 2 busy cores: 100 → 1.4 s,
 * 300 → 8 s, 600 → 38 s before unlinked nodes were left out).
 */
export const ELK_MAX_NODES = 250;
/**
 * Above this many services the plain grid stays: the reordered layout would
 * arrive seconds later (2,000 generated services: 6.5 s) and move every node
 * the user is already looking at.
 */
export const ELK_MAX_SERVICES = 800;

/** Where the current positions come from. */
export type LayoutStatus = 'pending' | 'elk' | 'grid';

const EMPTY_GRAPH = elkGraph([], []);

interface ElkResult {
  /** Version of the layout input it was computed for. */
  readonly version: number;
  readonly revision: number;
  readonly positions: Readonly<Record<string, XY>> | null;
}

/** Positions for every item, where they come from, and the items they are for (stable while the layout input is). */
export function useAutoLayout(items: readonly LayoutItem[], links: readonly LayoutLink[], revision: number): { positions: Readonly<Record<string, XY>>; status: LayoutStatus; items: readonly LayoutItem[] } {
  // items/links are new arrays on every edit; the layout input changes only with the structure
  const [input, setInput] = useState(() => ({ version: 0, items, links }));
  if ((input.items !== items || input.links !== links) && !sameLayoutInput(input.items, input.links, items, links)) {
    setInput({ version: input.version + 1, items, links });
  }
  const grid = useMemo(() => laneGridLayout(input.items), [input]);
  const graph = useMemo(() => (input.items.length <= ELK_MAX_SERVICES ? elkGraph(input.items, input.links) : EMPTY_GRAPH), [input]);
  const [elk, setElk] = useState<ElkResult | null>(null);
  const useElk = input.items.length <= ELK_MAX_SERVICES && graph.children.length > 1 && graph.children.length <= ELK_MAX_NODES;

  useEffect(() => {
    if (!useElk) return undefined;
    let live = true;
    runElkLayout(graph).then(
      (order) => { if (live) setElk({ version: input.version, revision, positions: laneGridLayout(orderByPositions(input.items, order)) }); },
      (err: unknown) => {
        console.warn('graph layout: elk failed, keeping the lane grid', err);
        if (live) setElk({ version: input.version, revision, positions: null });
      },
    );
    return () => { live = false; };
  }, [input, graph, revision, useElk]);

  return useMemo(() => {
    if (!useElk) return { positions: grid, status: 'grid' as const, items: input.items };
    if (elk !== null && elk.version === input.version && elk.revision === revision) {
      return { positions: elk.positions ?? grid, status: elk.positions === null ? 'grid' as const : 'elk' as const, items: input.items };
    }
    // while elk runs, keep the nodes that were already laid out where they were
    const previous = elk?.positions ?? {};
    return { positions: { ...grid, ...previous }, status: 'pending' as const, items: input.items };
  }, [useElk, elk, input, revision, grid]);
}
