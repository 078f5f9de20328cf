/**
 * Web Worker running the elkjs layered layout, so laying out hundreds of
 * services never blocks the main thread. Protocol: `LayoutRequest` in,
 * `LayoutResponse` out (matched by `seq`).
 */
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { ElkInput, XY } from './lane-layout.ts';

/** Message to the worker. */
export interface LayoutRequest {
  readonly seq: number;
  readonly graph: ElkInput;
}

/** Message from the worker. */
export type LayoutResponse =
  | { readonly seq: number; readonly ok: true; readonly positions: Readonly<Record<string, XY>>; readonly ms: number }
  | { readonly seq: number; readonly ok: false; readonly error: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent) => void) | null;
  addEventListener(type: 'message', listener: (e: MessageEvent<LayoutRequest>) => void): void;
  postMessage(message: LayoutResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
// The bundled elk installs its own worker protocol on `self.onmessage` when it
// loads inside a worker; switch it off: elk runs in-process here, behind our protocol.
// oxlint-disable-next-line unicorn/prefer-add-event-listener
scope.onmessage = null;
const elk = new ELK();

function toElk(g: ElkInput): ElkNode {
  return {
    id: g.id,
    layoutOptions: { ...g.layoutOptions },
    children: g.children.map((c) => ({ id: c.id, width: c.width, height: c.height, layoutOptions: { ...c.layoutOptions } })),
    edges: g.edges.map((e) => ({ id: e.id, sources: [...e.sources], targets: [...e.targets] })),
  };
}

scope.addEventListener('message', (e) => {
  const { seq, graph } = e.data;
  const t0 = performance.now();
  elk.layout(toElk(graph)).then(
    (out) => {
      const positions: Record<string, XY> = {};
      for (const c of out.children ?? []) positions[c.id] = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
      scope.postMessage({ seq, ok: true, positions, ms: performance.now() - t0 }, []);
    },
    (err: unknown) => scope.postMessage({ seq, ok: false, error: err instanceof Error ? err.message : String(err) }, []),
  );
});
