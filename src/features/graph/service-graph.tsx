/**
 * The service graph: every effective service is a node (id = service name),
 * every derived connection an edge ending on the listener it uses, laid out
 * in lanes login → post-login → master services → workers.
 *
 * Embedding: give the parent a height (the graph fills it). Anything that
 * takes keys and sits inside or over the canvas must carry
 * `className="nokey"` (React Flow then leaves its keys alone).
 */
import { useCallback, useState } from 'react';
import { Panel, ReactFlowProvider } from '@xyflow/react';
// Side-effect imports: the bundler injects React Flow's base styles, then ours.
// oxlint-disable-next-line import/no-unassigned-import
import '@xyflow/react/dist/style.css';
// oxlint-disable-next-line import/no-unassigned-import
import './service-graph.css';
import { selectShownAnalysis, type AnalysisInput } from '../../store/derived.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';
import { GraphCanvas, type GraphCanvasProps } from './graph-canvas.tsx';
import { GraphLegend } from './graph-legend.tsx';
import { GraphToolbar } from './graph-toolbar.tsx';

type Status = Parameters<NonNullable<GraphCanvasProps['onStatus']>>[0];

const selectBudgets = (s: AnalysisInput) => selectShownAnalysis(s).analysis.budgets;
const selectStoppedAt = (s: AnalysisInput) => {
  const shown = selectShownAnalysis(s);
  return shown.stale ? shown.stoppedAt : null;
};

/** The graph of services and connections of the current configuration. */
export function ServiceGraph() {
  const store = useEditorStore();
  const budgets = useEditor(selectBudgets);
  const stoppedAt = useEditor(selectStoppedAt);
  const [showStats, setShowStats] = useState(false);
  const [showOptional, setShowOptional] = useState(true);
  const [status, setStatus] = useState<Status | null>(null);
  const onRelayout = useCallback(() => store.getState().relayout(), [store]);

  return (
    <section className="service-graph" aria-label="Service graph">
      <ReactFlowProvider>
        <GraphCanvas showStats={showStats} showOptional={showOptional} onStatus={setStatus} />
        <Panel position="top-left" className="graph-panel">
          <GraphToolbar
            showStats={showStats}
            showOptional={showOptional}
            onShowStats={setShowStats}
            onShowOptional={setShowOptional}
            onRelayout={onRelayout}
            status={status}
            legend={<GraphLegend budgets={budgets} />}
            notice={stoppedAt === null ? null : (
              <p className="graph-stale" role="status">
                Showing the last configuration that parsed. The text stops at {stoppedAt.line !== null ? `line ${stoppedAt.line}: ` : ''}{stoppedAt.message}
              </p>
            )}
          />
        </Panel>
      </ReactFlowProvider>
    </section>
  );
}
