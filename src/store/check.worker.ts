/**
 * Web Worker running the core check on large texts, so a 10 MB file never
 * blocks the page. Protocol: `CheckRequest` in, `CheckResponse` out (matched by `id`).
 */
import { checkConfig, detectVersion, type CheckResult, type DovecotVersion } from '../core/index.ts';
import { usesPigeonhole } from './pigeonhole.ts';
import { cloneable } from './cloneable.ts';

/** Message to the worker. */
export interface CheckRequest {
  readonly id: number;
  readonly text: string;
  readonly fileName: string;
  /** Forced version, or null to detect it. */
  readonly version: DovecotVersion | null;
  readonly ulimit: number;
}

/** Message from the worker. */
export type CheckResponse =
  | { readonly id: number; readonly ok: true; readonly detected: DovecotVersion; readonly version: DovecotVersion; readonly result: CheckResult; readonly ms: number }
  | { readonly id: number; readonly ok: false; readonly error: string };

interface WorkerScope {
  addEventListener(type: 'message', listener: (e: MessageEvent<CheckRequest>) => void): void;
  postMessage(message: CheckResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (e) => {
  const { id, text, fileName, version, ulimit } = e.data;
  const started = performance.now();
  try {
    const detected = detectVersion(text);
    const used = version ?? detected;
    const result = checkConfig({ path: fileName, text }, { version: used, ulimit, managesieve: usesPigeonhole(text) });
    scope.postMessage({ id, ok: true, detected, version: used, result: cloneable(result), ms: performance.now() - started }, []);
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) }, []);
  }
});
