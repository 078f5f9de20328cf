/**
 * Automatic positions for the graph: the lane grid at once (O(n), never
 * blocks), then the same grid with each lane ordered by the elkjs layered
 * layout (fewer crossings) when the worker answers. Graphs above
 * `ELK_MAX_NODES` keep the plain grid: elk needs seconds there.
 *
 * @example const { positions, status } = useAutoLayout(items, links, layoutRevision);
 */
import { useEffect, useMemo, useState } from 'react';
import { elkGraph, laneGridLayout, layoutKey, orderByPositions, type LayoutItem, type LayoutLink, type XY } from './lane-layout.ts';
import { runElkLayout } from './elk-layout.ts';

/** Largest graph laid out with elk. */
export const ELK_MAX_NODES = 600;

/** Where the current positions come from. */
export type LayoutStatus = 'pending' | 'elk' | 'grid';

interface ElkResult {
  readonly key: string;
  readonly revision: number;
  readonly positions: Readonly<Record<string, XY>> | null;
}

/** Positions for every item, and where they come from. */
export function useAutoLayout(items: readonly LayoutItem[], links: readonly LayoutLink[], revision: number): { positions: Readonly<Record<string, XY>>; status: LayoutStatus } {
  // items/links change identity on every edit; the key says when they really changed
  const key = useMemo(() => layoutKey(items, links), [items, links]);
  const [input, setInput] = useState(() => ({ key, items, links }));
  if (input.key !== key) setInput({ key, items, links });
  const grid = useMemo(() => laneGridLayout(input.items), [input]);
  const [elk, setElk] = useState<ElkResult | null>(null);
  const useElk = input.items.length > 0 && input.items.length <= ELK_MAX_NODES;

  useEffect(() => {
    if (!useElk) return undefined;
    let live = true;
    runElkLayout(elkGraph(input.items, input.links)).then(
      (order) => { if (live) setElk({ key: input.key, revision, positions: laneGridLayout(orderByPositions(input.items, order)) }); },
      (err: unknown) => {
        console.warn('graph layout: elk failed, keeping the lane grid', err);
        if (live) setElk({ key: input.key, revision, positions: null });
      },
    );
    return () => { live = false; };
  }, [input, revision, useElk]);

  return useMemo(() => {
    if (!useElk) return { positions: grid, status: 'grid' as const };
    if (elk !== null && elk.key === input.key && elk.revision === revision) {
      return elk.positions === null ? { positions: grid, status: 'grid' as const } : { positions: elk.positions, status: 'elk' as const };
    }
    // while elk runs, keep the nodes that were already laid out where they were
    const previous = elk?.positions ?? {};
    return { positions: { ...grid, ...previous }, status: 'pending' as const };
  }, [useElk, elk, input, revision, grid]);
}
