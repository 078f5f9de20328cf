/**
 * Stage 3: statements → syntax tree. Never throws: every problem becomes a
 * `SyntaxProblem` with a code, offset, line and column, and the offending line
 * stays in the tree as an `error` node so nothing the user typed is lost.
 *
 * @example
 *   const { doc, problems } = parseConfig('service auth {\n  client_limit = 1\n}\n');
 *   doc.children[0]; // { kind: 'section', name: 'service', value: 'auth', ... }
 *   printConfig(doc) === input; // always
 */
import type { DovecotVersion } from '../data/types.ts';
import { splitLogicalLines, sourceOffset, type RawLine } from './lines.ts';
import { classifyLine, type Statement, type SyntaxErrorCode, type ValueForm } from './statement.ts';

/** A half-open range of source offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

interface NodeBase {
  /** Full source range of the statement, line terminator included. */
  readonly span: Span;
  /** First physical line (1-based). */
  readonly line: number;
  /** Last physical line: the one doveconf names in its messages. */
  readonly lastLine: number;
  /** 1-based column of the statement's first character. */
  readonly column: number;
}

/** Blank lines and comment lines. */
export interface TriviaNode extends NodeBase {
  readonly kind: 'trivia';
}

/** `key = value`. */
export interface AssignNode extends NodeBase {
  readonly kind: 'assign';
  readonly key: string;
  readonly value: string;
  readonly raw: string;
  readonly form: ValueForm;
  readonly keySpan: Span;
  /** Source range of the value as written (may be empty). */
  readonly valueSpan: Span;
}

/** `name [value] { ... }`. */
export interface SectionNode extends NodeBase {
  readonly kind: 'section';
  readonly name: string;
  readonly value: string;
  readonly quoted: boolean;
  /** Range of the opening line. */
  readonly openSpan: Span;
  /** Range of the section value as written (empty when the section has none). */
  readonly valueSpan: Span;
  readonly children: readonly ConfigNode[];
  /** The closing `}` line; null when the file ended first. */
  readonly close: { readonly span: Span; readonly line: number } | null;
}

/** `!include` / `!include_try`. */
export interface IncludeNode extends NodeBase {
  readonly kind: 'include';
  readonly optional: boolean;
  readonly pattern: string;
}

/** 2.4 include groups: `group @G NAME {` is kept as a section, `@G = NAME` as this. */
export interface GroupApplyNode extends NodeBase {
  readonly kind: 'group-apply';
  readonly group: string;
  readonly groupName: string;
}

/** A line Dovecot refuses, kept verbatim. */
export interface ErrorNode extends NodeBase {
  readonly kind: 'error';
  readonly code: SyntaxErrorCode;
  readonly message: string;
}

export type ConfigNode = TriviaNode | AssignNode | SectionNode | IncludeNode | GroupApplyNode | ErrorNode;

/** A parsed file. */
export interface ConfigDocument {
  readonly text: string;
  readonly version: DovecotVersion;
  readonly children: readonly ConfigNode[];
}

/** Problem codes reported by the syntax stages. */
export type SyntaxProblemCode = SyntaxErrorCode | 'ambiguous-hash';

/** A syntax problem with its position (line/column 1-based). */
export interface SyntaxProblem {
  readonly code: SyntaxProblemCode;
  readonly severity: 'error' | 'warning';
  /** doveconf's text, without file/line prefixes. */
  readonly message: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** For `missing-close`: the line of the unclosed section. */
  readonly sectionLine?: number;
}

/** Result of `parseConfig`. */
export interface ParseResult {
  readonly doc: ConfigDocument;
  readonly problems: readonly SyntaxProblem[];
}

/**
 * Offsets where each line of a text starts (for `positionAt`).
 *
 * @example lineStarts('a\nbc'); // [0, 2]
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Turns a source offset into a 1-based line and column. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

interface OpenSection {
  name: string;
  value: string;
  quoted: boolean;
  raw: RawLine;
  valueSpan: Span;
  column: number;
  children: ConfigNode[];
}

function makeSection(open: OpenSection, close: SectionNode['close'], end: number): SectionNode {
  return {
    kind: 'section',
    name: open.name,
    value: open.value,
    quoted: open.quoted,
    span: { start: open.raw.start, end },
    openSpan: { start: open.raw.start, end: open.raw.end },
    valueSpan: open.valueSpan,
    line: open.raw.firstLine,
    lastLine: open.raw.lastLine,
    column: open.column,
    children: open.children,
    close,
  };
}

/**
 * Parses one configuration file. `version` selects the dialect (whitespace
 * set, quoted keys, include groups); the default is 2.4.
 *
 * @example
 *   parseConfig('service imap-login { process_limit = 5\n}\n', '2.3').problems[0]?.message;
 *   // "Garbage after '{'"
 */
export function parseConfig(text: string, version: DovecotVersion = '2.4'): ParseResult {
  const problems: SyntaxProblem[] = [];
  const starts = lineStarts(text);
  const root: ConfigNode[] = [];
  const stack: OpenSection[] = [];
  const current = (): ConfigNode[] => (stack.length > 0 ? stack[stack.length - 1]!.children : root);

  for (const raw of splitLogicalLines(text, version)) {
    for (const h of raw.ambiguousHash) {
      const pos = positionAt(starts, h.offset);
      problems.push({
        code: 'ambiguous-hash', severity: 'warning',
        message: "Ambiguous '#' character in line, treating it as comment. Add a space before it to remove this warning.",
        offset: h.offset, line: h.line, column: pos.column,
      });
    }
    const firstOffset = raw.trivia ? raw.start : sourceOffset(raw, 0);
    const column = positionAt(starts, firstOffset).column;
    const base = { span: { start: raw.start, end: raw.end }, line: raw.firstLine, lastLine: raw.lastLine, column };
    if (raw.trivia) {
      current().push({ kind: 'trivia', ...base });
      continue;
    }
    const st: Statement = classifyLine(raw.logical, version);
    switch (st.type) {
      case 'assign': {
        current().push({
          kind: 'assign', ...base, key: st.key, value: st.value, raw: st.raw, form: st.form,
          keySpan: { start: sourceOffset(raw, st.keyStart), end: sourceOffset(raw, st.keyEnd) },
          valueSpan: { start: sourceOffset(raw, st.valueStart), end: sourceOffset(raw, st.valueEnd) },
        });
        break;
      }
      case 'section-open':
      case 'group-define': {
        const isGroup = st.type === 'group-define';
        const valueSpan = isGroup
          ? { start: firstOffset, end: firstOffset }
          : { start: sourceOffset(raw, st.valueStart), end: sourceOffset(raw, st.valueEnd) };
        stack.push({
          name: isGroup ? `group @${st.group}` : st.name,
          value: isGroup ? st.groupName : st.value,
          quoted: isGroup ? false : st.quoted,
          raw, valueSpan, column, children: [],
        });
        break;
      }
      case 'section-close': {
        const open = stack.pop();
        if (open === undefined) {
          root.push({ kind: 'error', ...base, code: 'unexpected-close', message: "Unexpected '}'" });
          problems.push({
            code: 'unexpected-close', severity: 'error', message: "Unexpected '}'",
            offset: firstOffset, line: raw.lastLine, column,
          });
        } else {
          current().push(makeSection(open, { span: base.span, line: raw.lastLine }, raw.end));
        }
        break;
      }
      case 'include':
        current().push({ kind: 'include', ...base, optional: st.optional, pattern: st.pattern });
        break;
      case 'group-apply':
        current().push({ kind: 'group-apply', ...base, group: st.group, groupName: st.groupName });
        break;
      case 'error':
        current().push({ kind: 'error', ...base, code: st.code, message: st.message });
        problems.push({
          code: st.code, severity: 'error', message: st.message,
          offset: firstOffset, line: raw.lastLine, column,
        });
        break;
    }
  }
  if (stack.length > 0) {
    const innermost = stack[stack.length - 1]!;
    problems.push({
      code: 'missing-close', severity: 'error',
      message: "Missing '}'", offset: text.length,
      ...positionAt(starts, text.length),
      sectionLine: innermost.raw.lastLine,
    });
    while (stack.length > 0) {
      const open = stack.pop()!;
      current().push(makeSection(open, null, text.length));
    }
  }
  return { doc: { text, version, children: root }, problems };
}

/**
 * Prints a tree back to text. For an unedited parse this is the input, byte for byte.
 *
 * @example
 *   printConfig(parseConfig(text).doc) === text; // true
 */
export function printConfig(doc: ConfigDocument): string {
  const parts: string[] = [];
  const walk = (nodes: readonly ConfigNode[]): void => {
    for (const n of nodes) {
      if (n.kind === 'section') {
        parts.push(doc.text.slice(n.openSpan.start, n.openSpan.end));
        walk(n.children);
        if (n.close !== null) parts.push(doc.text.slice(n.close.span.start, n.close.span.end));
      } else {
        parts.push(doc.text.slice(n.span.start, n.span.end));
      }
    }
  };
  walk(doc.children);
  return parts.join('');
}
