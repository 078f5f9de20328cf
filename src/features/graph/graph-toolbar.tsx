/**
 * Graph controls: which edges to show, and Re-layout (drops dragged
 * positions and runs the automatic layout again).
 */
import type { ReactNode } from 'react';
import type { LayoutStatus } from './use-auto-layout.ts';

/** Props of the toolbar. */
export interface GraphToolbarProps {
  readonly showStats: boolean;
  readonly showOptional: boolean;
  readonly onShowStats: (show: boolean) => void;
  readonly onShowOptional: (show: boolean) => void;
  readonly onRelayout: () => void;
  readonly status: { readonly layout: LayoutStatus; readonly nodes: number; readonly edges: number } | null;
  /** The legend (a disclosure that opens below the toolbar). */
  readonly legend: ReactNode;
  /** A line under the controls (the stale-model notice), or null. */
  readonly notice?: ReactNode;
}

const LAYOUT_TEXT: Readonly<Record<LayoutStatus, string>> = {
  pending: 'laying out…',
  elk: 'lanes, ordered',
  grid: 'lanes',
};

/** The toolbar above the canvas. */
export function GraphToolbar({ showStats, showOptional, onShowStats, onShowOptional, onRelayout, status, legend, notice = null }: GraphToolbarProps) {
  return (
    <div className="graph-toolbar nokey nodrag nowheel" role="toolbar" aria-label="Graph">
      <label className="graph-toggle">
        <input type="checkbox" checked={showStats} onChange={(e) => onShowStats(e.currentTarget.checked)} />
        Stats edges
      </label>
      <label className="graph-toggle">
        <input type="checkbox" checked={showOptional} onChange={(e) => onShowOptional(e.currentTarget.checked)} />
        Optional edges
      </label>
      <button type="button" className="graph-button" onClick={onRelayout}>Re-layout</button>
      {legend}
      {status === null ? null : (
        <span className="graph-status" aria-live="polite">
          {status.nodes} services · {status.edges} edges · {LAYOUT_TEXT[status.layout]}
        </span>
      )}
      {notice}
    </div>
  );
}
