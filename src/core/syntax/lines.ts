/**
 * Stage 1 of the pipeline: physical lines → logical lines, exactly as Dovecot's
 * config reader sees them (syntax.md §1): leading whitespace skipped, comment
 * lines dropped, `#` outside quotes ends the line, trailing whitespace removed,
 * a trailing `\` joins the next line with one space (a blank or comment line
 * in between drops the pending text, as Dovecot does).
 *
 * Every byte of the input belongs to exactly one `RawLine`, so the caller can
 * rebuild the text losslessly.
 *
 * @example
 *   const lines = splitLogicalLines('a = 1 \\\n  2\n', '2.3');
 *   lines[0].logical; // "a = 1 2"
 */
import type { DovecotVersion } from '../data/types.ts';

/** A logical line and the source bytes it came from. */
export interface RawLine {
  /** Offset of the first byte of the first physical line. */
  readonly start: number;
  /** Offset just past the line terminator of the last physical line. */
  readonly end: number;
  /** 1-based number of the first physical line. */
  readonly firstLine: number;
  /** 1-based number of the last physical line (the one doveconf reports). */
  readonly lastLine: number;
  /** The statement text after comment/whitespace handling; "" for trivia. */
  readonly logical: string;
  /** Maps an index in `logical` to a source offset (for spans and edits). */
  readonly segments: readonly Segment[];
  /** Ambiguous `#` positions (source offsets) that produce doveconf's warning. */
  readonly ambiguousHash: readonly { offset: number; line: number }[];
  /** True when the logical line is empty (blank or comment-only lines). */
  readonly trivia: boolean;
  /**
   * The file ended inside a continuation: the text collected so far. doveconf keeps
   * it and prepends it to the next line it reads, which for an included file is the
   * including file's next line.
   */
  readonly pending?: string;
}

/** A run of `logical` copied from the source starting at `source`. */
export interface Segment {
  readonly logical: number;
  readonly source: number;
  readonly length: number;
}

/** Whitespace as each version's parser defines it (syntax.md §1). */
export function isWhite(ch: string | undefined, version: DovecotVersion): boolean {
  if (ch === ' ' || ch === '\t') return true;
  if (version === '2.4') return ch === '\r' || ch === '\v' || ch === '\f' || ch === '\n';
  return false;
}

interface Physical {
  start: number;
  contentEnd: number;
  end: number;
  line: number;
}

function physicalLines(text: string): Physical[] {
  const out: Physical[] = [];
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl + 1;
    let contentEnd = nl === -1 ? text.length : nl;
    // the stream reader drops the CR of a CRLF pair
    if (nl !== -1 && contentEnd > pos && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    out.push({ start: pos, contentEnd, end, line });
    pos = end;
    line++;
  }
  return out;
}

/** Maps an index of a logical line to its source offset. */
export function sourceOffset(line: RawLine, index: number): number {
  const segs = line.segments;
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i]!;
    if (index >= s.logical) {
      return s.source + Math.min(index - s.logical, s.length);
    }
  }
  return line.start;
}

/**
 * Splits `text` into logical lines. Never throws.
 *
 * @example
 *   splitLogicalLines('# c\nkey = v # note\n', '2.4').map((l) => l.logical); // ["", "key = v"]
 */
export function splitLogicalLines(text: string, version: DovecotVersion): RawLine[] {
  const result: RawLine[] = [];
  const phys = physicalLines(text);
  let pendingStart = -1;
  let pendingFirst = 0;
  let logical = '';
  let segments: Segment[] = [];
  let hashes: { offset: number; line: number }[] = [];

  for (const p of phys) {
    let i = p.start;
    const stop = p.contentEnd;
    while (i < stop && isWhite(text[i], version)) i++;
    const ch = i < stop ? text[i] : undefined;
    if (ch === undefined || ch === '#') {
      // A skipped line also ends a pending continuation, and Dovecot drops the
      // pending text (verified: `a = 1 \` + blank line leaves `a` unset).
      const start = pendingStart === -1 ? p.start : pendingStart;
      const first = pendingStart === -1 ? p.line : pendingFirst;
      result.push({
        start, end: p.end, firstLine: first, lastLine: p.line,
        logical: '', segments: [], ambiguousHash: hashes, trivia: true,
      });
      pendingStart = -1;
      logical = '';
      segments = [];
      hashes = [];
      continue;
    }
    // strip the comment, paying attention to quotes
    let j = i;
    let cut = stop;
    while (j < stop) {
      const c = text[j];
      if (c === '"' || c === "'") {
        j++;
        while (j < stop && text[j] !== c) {
          if (text[j] === '\\' && j + 1 < stop) j++;
          j++;
        }
        if (j >= stop) break;
      } else if (c === '#') {
        if (!isWhite(text[j - 1], version)) hashes.push({ offset: j, line: p.line });
        cut = j;
        break;
      }
      j++;
    }
    let end = cut;
    while (end > i && isWhite(text[end - 1], version)) end--;
    if (pendingStart === -1) {
      pendingStart = p.start;
      pendingFirst = p.line;
    }
    if (end > i && text[end - 1] === '\\') {
      let e = end - 1;
      while (e > i && isWhite(text[e - 1], version)) e--;
      if (e > i) {
        segments.push({ logical: logical.length, source: i, length: e - i });
        logical += text.slice(i, e) + ' ';
      }
      continue;
    }
    segments.push({ logical: logical.length, source: i, length: end - i });
    logical += text.slice(i, end);
    result.push({
      start: pendingStart, end: p.end, firstLine: pendingFirst, lastLine: p.line,
      logical, segments, ambiguousHash: hashes, trivia: false,
    });
    pendingStart = -1;
    logical = '';
    segments = [];
    hashes = [];
  }
  if (pendingStart !== -1) {
    // file ended inside a continuation: Dovecot never parses the partial statement
    const last = phys[phys.length - 1]!;
    result.push({
      start: pendingStart, end: last.end, firstLine: pendingFirst, lastLine: last.line,
      logical: '', segments: [], ambiguousHash: hashes, trivia: true, pending: logical,
    });
  }
  return result;
}
