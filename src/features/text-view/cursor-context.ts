/**
 * Where a cursor is in a configuration: the block it sits in (root, a
 * filter, a service, a listener, another section) from the syntax tree, and
 * what is being typed on its line (a key, a value of some key, a section
 * name). Pure: used by completion and hover.
 *
 * @example
 *   blockAt(parseConfig(text).doc, offset); // { kind: 'service', service: 'imap-login' }
 *   slotAt('  process_li');                 // { kind: 'key', prefix: 'process_li' }
 */
import type { ConfigDocument, ConfigNode, ListenerKind } from '../../core/index.ts';
import type { AssignNode, SectionNode } from '../../core/syntax/parse.ts';

/** The block a position is in. */
export type BlockContext =
  | { readonly kind: 'root' }
  | { readonly kind: 'filter'; readonly name: string; readonly value: string }
  | { readonly kind: 'service'; readonly service: string }
  | { readonly kind: 'listener'; readonly service: string; readonly listener: ListenerKind; readonly name: string }
  | { readonly kind: 'section'; readonly name: string; readonly value: string };

/** What is being typed on the line. */
export type Slot =
  | { readonly kind: 'key'; readonly prefix: string }
  | { readonly kind: 'value'; readonly key: string; readonly prefix: string }
  | { readonly kind: 'section-value'; readonly section: string; readonly prefix: string }
  | { readonly kind: 'none' };

const FILTERS = new Set(['protocol', 'local', 'remote', 'local_name']);
const LISTENERS = new Set<string>(['unix_listener', 'fifo_listener', 'inet_listener']);

/** Offset of the `}` of a section's closing line. */
function closeBrace(doc: ConfigDocument, s: SectionNode): number {
  if (s.close === null) return doc.text.length;
  const i = doc.text.indexOf('}', s.close.span.start);
  return i === -1 || i >= s.close.span.end ? s.close.span.start : i;
}

/**
 * The sections enclosing an offset, outermost first (a position on a section's
 * own header line is outside it).
 *
 * @example enclosingSections(doc, offset).map((s) => s.name); // ['service', 'inet_listener']
 */
export function enclosingSections(doc: ConfigDocument, offset: number): SectionNode[] {
  const out: SectionNode[] = [];
  let nodes: readonly ConfigNode[] = doc.children;
  for (;;) {
    const s = nodes.find((n): n is SectionNode => n.kind === 'section' && n.openSpan.end <= offset && offset <= closeBrace(doc, n));
    if (s === undefined) return out;
    out.push(s);
    nodes = s.children;
  }
}

/**
 * The block context of an offset.
 *
 * @example blockAt(doc, offset).kind; // 'listener'
 */
export function blockAt(doc: ConfigDocument, offset: number): BlockContext {
  const path = enclosingSections(doc, offset);
  const inner = path[path.length - 1];
  if (inner === undefined) return { kind: 'root' };
  const outer = path[path.length - 2];
  if (LISTENERS.has(inner.name) && outer?.name === 'service') {
    return { kind: 'listener', service: outer.value, listener: inner.name as ListenerKind, name: inner.value };
  }
  if (inner.name === 'service') return { kind: 'service', service: inner.value };
  if (FILTERS.has(inner.name) && path.every((s) => FILTERS.has(s.name))) return { kind: 'filter', name: inner.name, value: inner.value };
  return { kind: 'section', name: inner.name, value: inner.value };
}

/**
 * What the text before the cursor on its line is typing.
 *
 * @example slotAt('  type = lo'); // { kind: 'value', key: 'type', prefix: 'lo' }
 */
export function slotAt(lineBefore: string): Slot {
  const key = /^\s*([A-Za-z_][\w-]*)?$/.exec(lineBefore);
  if (key !== null) return { kind: 'key', prefix: key[1] ?? '' };
  const value = /^\s*([\w@./-]+)\s*=\s*(.*)$/.exec(lineBefore);
  if (value !== null) {
    const words = value[2]!.split(/\s+/);
    return { kind: 'value', key: value[1]!, prefix: words[words.length - 1] ?? '' };
  }
  const section = /^\s*([A-Za-z_][\w-]*)\s+([^\s{]*)$/.exec(lineBefore);
  if (section !== null) return { kind: 'section-value', section: section[1]!, prefix: section[2]! };
  return { kind: 'none' };
}

/** A statement under the cursor, and which part of it. */
export type Target =
  | { readonly kind: 'key'; readonly node: AssignNode; readonly block: BlockContext }
  | { readonly kind: 'value'; readonly node: AssignNode; readonly block: BlockContext }
  | { readonly kind: 'section'; readonly node: SectionNode; readonly block: BlockContext };

/**
 * The key, value or section header under an offset (for hover).
 *
 * @example targetAt(doc, offset); // { kind: 'key', node: { key: 'process_limit', ... }, block: { kind: 'service', ... } }
 */
export function targetAt(doc: ConfigDocument, offset: number): Target | null {
  const path = enclosingSections(doc, offset);
  const nodes = path.length > 0 ? path[path.length - 1]!.children : doc.children;
  const block = blockAt(doc, offset);
  for (const n of nodes) {
    if (n.kind === 'assign' && n.keySpan.start <= offset && offset <= n.keySpan.end) return { kind: 'key', node: n, block };
    if (n.kind === 'assign' && n.valueSpan.start <= offset && offset <= n.valueSpan.end && n.valueSpan.start < n.valueSpan.end) {
      return { kind: 'value', node: n, block };
    }
    if (n.kind === 'section' && n.openSpan.start <= offset && offset < n.openSpan.end) {
      const brace = doc.text.indexOf('{', n.openSpan.start);
      if (brace === -1 || offset <= brace) return { kind: 'section', node: n, block };
    }
  }
  return null;
}
