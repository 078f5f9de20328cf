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

const NONE: readonly Segment[] = [];
const NONE_HASH: readonly { offset: number; line: number }[] = [];

interface Physical {
  start: number;
  contentEnd: number;
  end: number;
  line: number;
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
 * Reads logical lines one at a time (the loader keeps none of them alive, which
 * matters for the garbage collector on configurations of thousands of services).
 *
 * @example
 *   const sc = new LineScanner('a = 1\n', '2.3');
 *   sc.next()?.logical; // "a = 1"
 */
export class LineScanner {
  private pendingStart = -1;
  private pendingFirst = 0;
  private logical = '';
  private segments: Segment[] = [];
  private hashes: { offset: number; line: number }[] = [];
  private readonly p: Physical = { start: 0, contentEnd: 0, end: 0, line: 0 };
  private done = false;

  constructor(private readonly text: string, private readonly version: DovecotVersion) {}

  /** The next logical line, or null at the end. */
  next(): RawLine | null {
    const { text, version, p } = this;
    // physical lines, scanned in place (no per-line object)
    while (p.end < text.length) {
      p.start = p.end;
      p.line++;
      const nl = text.indexOf('\n', p.start);
      p.end = nl === -1 ? text.length : nl + 1;
      p.contentEnd = nl === -1 ? text.length : nl;
      // the stream reader drops the CR of a CRLF pair
      if (nl !== -1 && p.contentEnd > p.start && text.charCodeAt(p.contentEnd - 1) === 13) p.contentEnd--;
      let i = p.start;
      const stop = p.contentEnd;
      while (i < stop && isWhite(text[i], version)) i++;
      const ch = i < stop ? text[i] : undefined;
      if (ch === undefined || ch === '#') {
        // A skipped line also ends a pending continuation, and Dovecot drops the
        // pending text (verified: `a = 1 \` + blank line leaves `a` unset).
        const start = this.pendingStart === -1 ? p.start : this.pendingStart;
        const first = this.pendingStart === -1 ? p.line : this.pendingFirst;
        const out: RawLine = {
          start, end: p.end, firstLine: first, lastLine: p.line,
          logical: '', segments: NONE, ambiguousHash: this.hashes.length === 0 ? NONE_HASH : this.hashes, trivia: true,
        };
        this.pendingStart = -1;
        this.logical = '';
        if (this.segments.length > 0) this.segments = [];
        if (this.hashes.length > 0) this.hashes = [];
        return out;
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
          if (!isWhite(text[j - 1], version)) this.hashes.push({ offset: j, line: p.line });
          cut = j;
          break;
        }
        j++;
      }
      let end = cut;
      while (end > i && isWhite(text[end - 1], version)) end--;
      if (this.pendingStart === -1) {
        this.pendingStart = p.start;
        this.pendingFirst = p.line;
      }
      if (end > i && text[end - 1] === '\\') {
        let e = end - 1;
        while (e > i && isWhite(text[e - 1], version)) e--;
        if (e > i) {
          this.segments.push({ logical: this.logical.length, source: i, length: e - i });
          this.logical += text.slice(i, e) + ' ';
        }
        continue;
      }
      this.segments.push({ logical: this.logical.length, source: i, length: end - i });
      const out: RawLine = {
        start: this.pendingStart, end: p.end, firstLine: this.pendingFirst, lastLine: p.line,
        logical: this.logical + text.slice(i, end), segments: this.segments,
        ambiguousHash: this.hashes.length === 0 ? NONE_HASH : this.hashes, trivia: false,
      };
      this.pendingStart = -1;
      this.logical = '';
      this.segments = [];
      if (this.hashes.length > 0) this.hashes = [];
      return out;
    }
    if (this.pendingStart !== -1 && !this.done) {
      // file ended inside a continuation: Dovecot never parses the partial statement
      this.done = true;
      return {
        start: this.pendingStart, end: p.end, firstLine: this.pendingFirst, lastLine: p.line,
        logical: '', segments: [], ambiguousHash: this.hashes, trivia: true, pending: this.logical,
      };
    }
    return null;
  }
}

/**
 * Splits `text` into logical lines. Never throws.
 *
 * @example
 *   splitLogicalLines('# c\nkey = v # note\n', '2.4').map((l) => l.logical); // ["", "key = v"]
 */
export function splitLogicalLines(text: string, version: DovecotVersion): RawLine[] {
  const result: RawLine[] = [];
  const sc = new LineScanner(text, version);
  for (let l = sc.next(); l !== null; l = sc.next()) result.push(l);
  return result;
}
