/**
 * Text differences as the smallest replacements, so an edit made elsewhere
 * (graph, inspector, budgets fix, undo) reaches the editor without touching
 * the lines it did not change: the cursor, selection, folding and undo
 * history there survive. Pure functions over strings (no Monaco).
 *
 * @example
 *   diffEdits('a = 1\nb = 2\n', 'a = 1\nb = 3\n'); // [{ start: 10, end: 11, text: '3' }]
 */

/** Replace `old.slice(start, end)` by `text` (offsets in the old text). */
export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Above this many differing lines a single prefix/suffix replacement is good enough. */
const MAX_LINE_DIFF = 400;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Length of the common prefix, never ending between `\r` and `\n` or inside
 * a surrogate pair (Monaco positions cannot point there).
 */
function commonPrefix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i > 0 && i < a.length && i < b.length) {
    const prev = a.charCodeAt(i - 1);
    if ((prev === 13 && (a.charCodeAt(i) === 10 || b.charCodeAt(i) === 10)) || isHighSurrogate(prev)) i--;
  }
  return i;
}

/** Length of the common suffix within `limit`, with the same boundary rules. */
function commonSuffix(a: string, b: string, limit: number): number {
  let k = 0;
  while (k < limit && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  if (k > 0) {
    const first = a.charCodeAt(a.length - k);
    const splitsCrLf = first === 10 && (a.charCodeAt(a.length - k - 1) === 13 || b.charCodeAt(b.length - k - 1) === 13);
    const splitsPair = first >= 0xdc00 && first <= 0xdfff;
    if (splitsCrLf || splitsPair) k--;
  }
  return k;
}

/**
 * The single replacement that turns `a` into `b`: common prefix and suffix
 * kept, the middle replaced. Null when the texts are equal.
 *
 * @example prefixSuffixEdit('process_limit = 100', 'process_limit = 500'); // { start: 16, end: 17, text: '5' }
 */
export function prefixSuffixEdit(a: string, b: string): Replacement | null {
  if (a === b) return null;
  const p = commonPrefix(a, b, Math.min(a.length, b.length));
  const s = commonSuffix(a, b, Math.min(a.length, b.length) - p);
  return { start: p, end: a.length - s, text: b.slice(p, b.length - s) };
}

/** Splits into lines that keep their terminators (`''` has no lines). */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Myers' O(ND) diff over lines: the matched line pairs (indices in a and b), in order, or null past `maxD`. */
function matchLines(a: readonly string[], b: readonly string[], maxD: number): [number, number][] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxD);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, offset, n, m, d);
    }
  }
  return null;
}

/** Follows the saved frontier states back from (n, m) and collects the diagonal (matching) steps. */
function backtrack(trace: readonly Int32Array[], offset: number, n: number, m: number, d: number): [number, number][] {
  const pairs: [number, number][] = [];
  let x = n;
  let y = m;
  for (let dd = d; dd > 0; dd--) {
    const v = trace[dd]!;
    const k = x - y;
    const prevK = k === -dd || (k !== dd && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    pairs.push([x, y]);
  }
  return pairs.reverse();
}

/**
 * The replacements that turn `a` into `b`: a line diff finds the changed
 * regions, then each region is trimmed to its changed characters. The
 * replacements do not overlap, are sorted, and refer to offsets in `a`
 * (apply them all at once, as Monaco's `executeEdits` does).
 *
 * @example
 *   diffEdits('# keep\nx = 1\n# keep too\ny = 2\n', '# keep\nx = 5\n# keep too\ny = 6\n');
 *   // [{ start: 11, end: 12, text: '5' }, { start: 28, end: 29, text: '6' }]
 */
export function diffEdits(a: string, b: string): Replacement[] {
  if (a === b) return [];
  const whole = prefixSuffixEdit(a, b)!;
  const al = splitLines(a);
  const bl = splitLines(b);
  const pairs = matchLines(al, bl, MAX_LINE_DIFF);
  if (pairs === null) return [whole];
  const aStart: number[] = [0];
  for (const l of al) aStart.push(aStart[aStart.length - 1]! + l.length);
  const bStart: number[] = [0];
  for (const l of bl) bStart.push(bStart[bStart.length - 1]! + l.length);
  const edits: Replacement[] = [];
  let ai = 0;
  let bi = 0;
  const flush = (aEnd: number, bEnd: number): void => {
    if (ai === aEnd && bi === bEnd) return;
    const oldPart = a.slice(aStart[ai]!, aStart[aEnd]!);
    const newPart = b.slice(bStart[bi]!, bStart[bEnd]!);
    const inner = prefixSuffixEdit(oldPart, newPart);
    if (inner !== null) edits.push({ start: aStart[ai]! + inner.start, end: aStart[ai]! + inner.end, text: inner.text });
  };
  for (const [x, y] of pairs) {
    flush(x, y);
    ai = x + 1;
    bi = y + 1;
  }
  flush(al.length, bl.length);
  return edits;
}

/**
 * Applies replacements given in offsets of `text` (non-overlapping).
 *
 * @example applyReplacements('a = 1\n', [{ start: 4, end: 5, text: '2' }]); // 'a = 2\n'
 */
export function applyReplacements(text: string, edits: readonly Replacement[]): string {
  const sorted = [...edits].sort((x, y) => y.start - x.start || y.end - x.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The base-text range of whole lines a replacement touches (start of first line .. end of last). */
function lineSpan(text: string, r: Replacement): [number, number] {
  const from = text.lastIndexOf('\n', r.start - 1) + 1;
  const nl = text.indexOf('\n', r.end);
  return [from, nl === -1 ? text.length : nl];
}

/**
 * Carries a change made to `base` (base → theirs) over onto `mine`, a text
 * that has its own unsent edits against `base` (the user typed during the
 * debounce). Each of their replacements is shifted past my edits. When one
 * touches a line I changed the merge is refused (null): the caller must then
 * decide, never drop the user's typing silently.
 *
 * @example
 *   rebase('a = 1\nb = 2\n', 'a = 9\nb = 2\n', 'a = 1\nb = 2\nc = 3\n');
 *   // [{ start: 12, end: 12, text: 'c = 3\n' }] in offsets of `mine`
 */
export function rebase(base: string, mine: string, theirs: string): Replacement[] | null {
  const their = diffEdits(base, theirs);
  if (mine === base) return their;
  const my = diffEdits(base, mine);
  const out: Replacement[] = [];
  for (const t of their) {
    const [ts, te] = lineSpan(base, t);
    let shift = 0;
    for (const e of my) {
      const [es, ee] = lineSpan(base, e);
      if (Math.max(ts, es) <= Math.min(te, ee)) return null;
      if (e.end <= t.start) shift += e.text.length - (e.end - e.start);
    }
    out.push({ start: t.start + shift, end: t.end + shift, text: t.text });
  }
  return out;
}
