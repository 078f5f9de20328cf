/**
 * Main-thread side of the layout worker: one lazily created worker, one
 * request in flight per caller; stale answers are dropped by sequence number.
 *
 * @example const positions = await runElkLayout(elkGraph(items, links));
 */
import type { ElkInput, XY } from './lane-layout.ts';
import type { LayoutRequest, LayoutResponse } from './layout.worker.ts';

let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, { resolve: (p: Readonly<Record<string, XY>>) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker !== null) return worker;
  const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'graph-layout' });
  w.addEventListener('message', (e: MessageEvent<LayoutResponse>) => {
    const r = e.data;
    const p = pending.get(r.seq);
    if (p === undefined) return;
    pending.delete(r.seq);
    if (r.ok) p.resolve(r.positions);
    else p.reject(new Error(r.error));
  });
  w.addEventListener('error', (e) => {
    for (const p of pending.values()) p.reject(new Error(e.message || 'layout worker failed'));
    pending.clear();
    w.terminate();
    worker = null;
  });
  worker = w;
  return w;
}

/**
 * Lays out a graph with elk in the worker.
 *
 * @example runElkLayout(graph).then((positions) => positions['auth']);
 */
export function runElkLayout(graph: ElkInput): Promise<Readonly<Record<string, XY>>> {
  const id = ++seq;
  const req: LayoutRequest = { seq: id, graph };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage(req, []);
  });
}
