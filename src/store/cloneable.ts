/**
 * A copy of a value that `postMessage` can carry: functions are dropped,
 * lazily computed properties (getters) are read once, Maps, Sets, arrays and
 * shared or cyclic references are kept. The core's results carry helper
 * functions for in-process use that the structured clone would refuse.
 *
 * @example worker.postMessage({ result: cloneable(checkConfig(file)) });
 */
export function cloneable<T>(value: T): T {
  const seen = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v === 'function') return undefined;
    if (v === null || typeof v !== 'object') return v;
    const known = seen.get(v);
    if (known !== undefined) return known;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const item of v) out.push(copy(item));
      return out;
    }
    if (v instanceof Map) {
      const out = new Map<unknown, unknown>();
      seen.set(v, out);
      for (const [k, item] of v) out.set(copy(k), copy(item));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set<unknown>();
      seen.set(v, out);
      for (const item of v) out.add(copy(item));
      return out;
    }
    if (v instanceof RegExp || v instanceof Date || ArrayBuffer.isView(v)) return v;
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const key of Object.keys(v)) {
      const item = (v as Record<string, unknown>)[key];
      if (typeof item !== 'function') out[key] = copy(item);
    }
    return out;
  };
  return copy(value) as T;
}
