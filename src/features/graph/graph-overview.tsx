/**
 * Overview of the whole graph (a minimap): every node is one rectangle on a
 * single canvas, redrawn only when positions or node states change, with the
 * visible part of the canvas as a frame. Pointer down or drag centres the view
 * there. One canvas instead of one subscribed SVG element per node keeps
 * edits and panning cheap with thousands of services.
 */
import { memo, useEffect, useRef, type PointerEvent } from 'react';
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import type { OverviewNode, OverviewTone } from './flow-model.ts';

const WIDTH = 176;
const HEIGHT = 116;
const PAD = 6;

const TONE_VARS: Readonly<Record<OverviewTone, string>> = {
  login: '--lane-login',
  'post-login': '--lane-post-login',
  master: '--lane-master',
  worker: '--lane-worker',
  off: '--off',
  budget: '--warning',
  error: '--error',
};

interface Frame {
  readonly minX: number;
  readonly minY: number;
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

function frameOf(nodes: readonly OverviewNode[]): Frame {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x);
    minY = Math.min(minY, n.y);
    maxX = Math.max(maxX, n.x + n.width);
    maxY = Math.max(maxY, n.y + n.height);
  }
  if (nodes.length === 0) return { minX: 0, minY: 0, scale: 1, offsetX: PAD, offsetY: PAD };
  const scale = Math.min((WIDTH - 2 * PAD) / Math.max(1, maxX - minX), (HEIGHT - 2 * PAD) / Math.max(1, maxY - minY));
  return { minX, minY, scale, offsetX: (WIDTH - (maxX - minX) * scale) / 2, offsetY: (HEIGHT - (maxY - minY) * scale) / 2 };
}

const selectViewport = (s: ReactFlowState): string => `${s.transform[0]} ${s.transform[1]} ${s.transform[2]} ${s.width} ${s.height}`;

function GraphOverviewView({ nodes }: { nodes: readonly OverviewNode[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = frameOf(nodes);
  const viewport = useStore(selectViewport);
  const flow = useReactFlow();
  const dragging = useRef(false);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (el === null || el === undefined || ctx === null || ctx === undefined) return undefined;
    const draw = (): void => {
      const ratio = window.devicePixelRatio || 1;
      el.width = WIDTH * ratio;
      el.height = HEIGHT * ratio;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, WIDTH, HEIGHT);
      // colours come from the theme's CSS variables, read at draw time
      const style = getComputedStyle(el);
      const colours = new Map<OverviewTone, string>();
      for (const n of nodes) {
        let c = colours.get(n.tone);
        if (c === undefined) {
          c = style.getPropertyValue(TONE_VARS[n.tone]).trim() || '#888';
          colours.set(n.tone, c);
        }
        ctx.fillStyle = c;
        ctx.globalAlpha = n.tone === 'off' ? 0.45 : 0.9;
        ctx.fillRect(frame.offsetX + (n.x - frame.minX) * frame.scale, frame.offsetY + (n.y - frame.minY) * frame.scale,
          Math.max(1, n.width * frame.scale), Math.max(1, n.height * frame.scale));
      }
    };
    draw();
    // the page theme lives on <html data-theme>: redraw when it flips
    const mo = new MutationObserver(draw);
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => mo.disconnect();
  }, [nodes, frame.minX, frame.minY, frame.scale, frame.offsetX, frame.offsetY]);

  const [tx, ty, zoom, width, height] = viewport.split(' ').map(Number) as [number, number, number, number, number];
  const view = {
    left: frame.offsetX + (-tx / zoom - frame.minX) * frame.scale,
    top: frame.offsetY + (-ty / zoom - frame.minY) * frame.scale,
    width: (width / zoom) * frame.scale,
    height: (height / zoom) * frame.scale,
  };

  const centreAt = (e: PointerEvent<HTMLDivElement>): void => {
    const r = e.currentTarget.getBoundingClientRect();
    // the panel may be scaled down by CSS on small canvases
    const k = r.width / WIDTH;
    const x = frame.minX + ((e.clientX - r.left) / k - frame.offsetX) / frame.scale;
    const y = frame.minY + ((e.clientY - r.top) / k - frame.offsetY) / frame.scale;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  };

  return (
    <Panel position="bottom-right" className="graph-overview-panel">
      <div
        className="graph-overview nodrag nopan nowheel"
        style={{ width: WIDTH, height: HEIGHT }}
        role="img"
        aria-label={`Overview of ${nodes.length} services; the frame shows the visible part`}
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          centreAt(e);
        }}
        onPointerMove={(e) => { if (dragging.current) centreAt(e); }}
        onPointerUp={() => { dragging.current = false; }}
        onPointerCancel={() => { dragging.current = false; }}
      >
        <canvas ref={canvas} style={{ width: WIDTH, height: HEIGHT }} />
        <div className="graph-overview__view" style={view} />
      </div>
    </Panel>
  );
}

/** The overview panel (must be inside ReactFlow). */
export const GraphOverview = memo(GraphOverviewView);
