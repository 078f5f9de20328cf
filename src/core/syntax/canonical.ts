/**
 * The canonical form: the same statements and comments, re-laid out with
 * two-space indentation, `key = value`, one statement per line, continuation
 * lines joined, runs of blank lines collapsed to one, LF line ends. It is a
 * fixed point: canonical(canonical(x)) === canonical(x).
 *
 * @example
 *   canonicalize(parseConfig('service imap{\n}\n').doc); // unchanged: an error line is kept verbatim
 *   canonicalize(parseConfig('service  imap {\nprocess_limit=5\n}\n').doc);
 *   // 'service imap {\n  process_limit = 5\n}\n'
 */
import type { ConfigDocument, ConfigNode } from './parse.ts';
import { formatSectionValue } from './edit.ts';
import { isWhite } from './lines.ts';

function trailingComment(doc: ConfigDocument, n: ConfigNode, from: number): string {
  if (n.line !== n.lastLine) return '';
  // only the rest of the statement's own physical line
  let end = doc.text.indexOf('\n', from);
  if (end === -1) end = doc.text.length;
  while (end > from && doc.text[end - 1] === '\r') end--;
  const rest = doc.text.slice(from, end);
  const hash = rest.indexOf('#');
  if (hash === -1 || rest.slice(0, hash).trim() !== '') return '';
  return ` ${rest.slice(hash).trimEnd()}`;
}

/** Trims what the version's parser treats as whitespace (2.3: space and tab only). */
function trimWhite(s: string, doc: ConfigDocument): string {
  let a = 0;
  let b = s.length;
  while (a < b && isWhite(s[a], doc.version)) a++;
  while (b > a && isWhite(s[b - 1], doc.version)) b--;
  return s.slice(a, b);
}

function triviaLines(doc: ConfigDocument, n: ConfigNode): string[] {
  return doc.text
    .slice(n.span.start, n.span.end)
    .split('\n')
    .map((l) => trimWhite(l.replace(/\r$/, ''), doc))
    .filter((l, i, arr) => !(i === arr.length - 1 && l === ''));
}

/**
 * Prints the canonical form of a parsed file.
 *
 * @example canonicalize(parseConfig(text, '2.4').doc);
 */
export function canonicalize(doc: ConfigDocument): string {
  const out: string[] = [];
  const push = (line: string): void => {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) return;
    out.push(line);
  };
  const walk = (nodes: readonly ConfigNode[], depth: number): void => {
    const ind = '  '.repeat(depth);
    for (const n of nodes) {
      switch (n.kind) {
        case 'trivia':
          for (const l of triviaLines(doc, n)) push(l === '' ? '' : `${ind}${l}`);
          break;
        case 'assign': {
          const value = n.form === 'file' ? n.raw : n.raw;
          // the key exactly as written (2.4 quoted keys keep their quotes and escapes)
          const key = doc.text.slice(n.keySpan.start, n.keySpan.end);
          push(`${ind}${key} = ${value}`.trimEnd() + trailingComment(doc, n, n.valueSpan.end));
          break;
        }
        case 'section': {
          const head = n.value === '' && !n.quoted ? n.name : `${n.name} ${n.quoted ? `"${n.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : formatSectionValue(n.value)}`;
          push(`${ind}${head} {` + trailingComment(doc, n, n.openSpan.start + doc.text.slice(n.openSpan.start, n.openSpan.end).indexOf('{') + 1));
          walk(n.children, depth + 1);
          while (out.length > 0 && out[out.length - 1] === '') out.pop();
          if (n.close !== null) push(`${ind}}`);
          break;
        }
        case 'include':
          push(`${ind}${n.optional ? '!include_try' : '!include'}${n.pattern === '' ? '' : ` ${n.pattern}`}`);
          break;
        case 'group-apply':
          push(`${ind}@${n.group} = ${n.groupName}`);
          break;
        case 'error':
          for (const l of triviaLines(doc, n)) push(`${ind}${l}`);
          break;
      }
    }
  };
  walk(doc.children, 0);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  // a line whose content ends with CR (2.3 keeps it) gets one more, or the reader
  // would take CR LF as the line end and drop it
  return out.length === 0 ? '' : `${out.map((l) => (l.endsWith('\r') ? `${l}\r` : l)).join('\n')}\n`;
}
