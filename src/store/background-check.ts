/**
 * Keeps the check of a large text off the main thread: every change of a text
 * above `LARGE_TEXT_CHARS` (or of its version or ulimit) is checked by a Web
 * Worker (check.worker.ts) and the result lands in the store's `background`
 * field, which `selectAnalysis` returns. A newer change cancels the running
 * check (the worker is terminated), so only the latest text is ever checked.
 *
 * @example
 *   const stop = startBackgroundCheck(store);
 *   const { promise } = checkOffMainThread({ text, fileName: 'big.conf', version: null, ulimit: 65536 });
 */
import type { CheckResult, DovecotVersion } from '../core/index.ts';
import type { EditorState, EditorStore } from './editor-store.ts';
import type { CheckRequest, CheckResponse } from './check.worker.ts';
import { LARGE_TEXT_CHARS } from './limits.ts';

/** A finished worker check. */
export interface WorkerCheck {
  readonly detected: DovecotVersion;
  readonly version: DovecotVersion;
  readonly result: CheckResult;
  readonly ms: number;
}

/** A running worker check. */
export interface WorkerJob {
  readonly promise: Promise<WorkerCheck>;
  /** Stops the worker; the promise then rejects with an AbortError. */
  cancel(): void;
}

let nextId = 1;

/**
 * Checks a text in a fresh Web Worker.
 *
 * @example const check = await checkOffMainThread({ text, fileName: 'x.conf', version: null, ulimit: 1024 }).promise;
 */
export function checkOffMainThread(req: Omit<CheckRequest, 'id'>): WorkerJob {
  const worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'dovecot-check' });
  const id = nextId++;
  let settle: ((r: CheckResponse | Error) => void) | null = null;
  const promise = new Promise<WorkerCheck>((resolve, reject) => {
    settle = (r) => {
      settle = null;
      worker.terminate();
      if (r instanceof Error) reject(r);
      else if (r.ok) resolve({ detected: r.detected, version: r.version, result: r.result, ms: r.ms });
      else reject(new Error(r.error));
    };
  });
  worker.addEventListener('message', (e: MessageEvent<CheckResponse>) => { if (e.data.id === id) settle?.(e.data); });
  worker.addEventListener('error', (e) => settle?.(new Error(e.message || 'The check worker failed')));
  worker.postMessage({ id, ...req } satisfies CheckRequest, []);
  return {
    promise,
    cancel: () => settle?.(new DOMException('Check cancelled', 'AbortError')),
  };
}

/** True when the store's background result belongs to its current text, version and ulimit. */
export function backgroundIsCurrent(s: Pick<EditorState, 'text' | 'version' | 'ulimit' | 'background'>): boolean {
  const b = s.background;
  return b !== null && b.text === s.text && b.version === s.version && b.ulimit === s.ulimit;
}

const DEBOUNCE_MS = 200;

/**
 * Subscribes the store to background checks of large texts; returns the unsubscribe.
 *
 * @example useEffect(() => startBackgroundCheck(store), [store]);
 */
export function startBackgroundCheck(store: EditorStore): () => void {
  let job: { text: string; version: DovecotVersion | null; ulimit: number; cancel(): void } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = (): void => {
    timer = undefined;
    const s = store.getState();
    if (s.text.length <= LARGE_TEXT_CHARS || backgroundIsCurrent(s)) {
      job?.cancel();
      job = null;
      return;
    }
    const version = s.versionSource === 'chosen' ? s.version : null;
    if (job !== null && job.text === s.text && job.version === version && job.ulimit === s.ulimit) return;
    job?.cancel();
    const req = { text: s.text, fileName: s.fileName, version, ulimit: s.ulimit };
    const started = checkOffMainThread(req);
    const mine = { ...req, cancel: started.cancel };
    job = mine;
    started.promise.then(
      (r) => {
        if (job !== mine) return;
        job = null;
        const now = store.getState();
        if (now.text !== req.text) return;
        if (now.versionSource === 'detected' && now.version !== r.version) {
          // the detected version of a large text arrives here; it is not an edit of its own
          store.temporal.getState().pause();
          store.setState({ version: r.version });
          store.temporal.getState().resume();
        }
        store.getState().setBackground({ text: req.text, version: r.version, ulimit: req.ulimit, detected: r.detected, result: r.result });
      },
      (err: unknown) => {
        if (err instanceof DOMException && err.name === 'AbortError') return;
        if (job === mine) job = null;
        console.error('background check failed', err);
      },
    );
  };

  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.text !== prev.text || s.version !== prev.version || s.ulimit !== prev.ulimit || s.versionSource !== prev.versionSource) schedule();
  });
  schedule();
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    job?.cancel();
    job = null;
  };
}
