/**
 * Minimal text edits on a configuration (like jsonc-parser's `modify`): each
 * change of the model becomes the smallest replacement of source text, so the
 * user's comments, order, spacing and line endings survive.
 *
 * Dovecot merges same-name blocks and the last value wins, so a setting is
 * changed where it is last written; a new one goes into the last block of
 * that service, or a new block at the end of the file.
 *
 * @example
 *   const edits = setServiceSetting(doc, 'imap-login', 'process_limit', '500');
 *   const next = applyEdits(doc.text, edits);
 */
import type { DovecotVersion, ListenerKind } from '../data/types.ts';
import type { AssignNode, ConfigDocument, ConfigNode, SectionNode } from './parse.ts';

/** Replace `text.slice(start, end)` by `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Applies non-overlapping edits.
 *
 * @example applyEdits('a = 1\n', [{ start: 4, end: 5, text: '2' }]); // 'a = 2\n'
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * Writes a value so Dovecot reads it back unchanged (syntax.md §9): quoted when
 * it holds `#`, edge spaces, a leading quote, or (2.3) a `$` meant literally.
 *
 * @example formatValue('Hello # world', '2.4'); // '"Hello # world"'
 */
export function formatValue(value: string, version: DovecotVersion, literalDollar = false): string {
  const needs = value.includes('#') || /^\s|\s$/.test(value) || value.startsWith('"') || value.startsWith("'")
    || value.startsWith('<') || value.endsWith('\\') || (literalDollar && value.includes('$'));
  if (!needs || value === '') return value;
  void version;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Writes a section value (quoted when it has spaces or is empty but meant). */
export function formatSectionValue(value: string): string {
  return /[\s"{}#]/.test(value) ? `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : value;
}

function eol(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

function lineIndent(text: string, offset: number): string {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n') s--;
  let e = s;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return text.slice(s, e);
}

function childIndent(doc: ConfigDocument, sec: SectionNode | null, depth: number): string {
  const nodes = sec ? sec.children : doc.children;
  const first = nodes.find((n) => n.kind === 'assign' || n.kind === 'section');
  if (first !== undefined) return lineIndent(doc.text, first.span.start + first.column - 1);
  if (sec === null) return '';
  const own = lineIndent(doc.text, sec.openSpan.start);
  const unit = detectIndentUnit(doc);
  return depth > 0 ? own + unit : unit;
}

function detectIndentUnit(doc: ConfigDocument): string {
  const m = /\n([ \t]+)\S/.exec(doc.text);
  if (m === null) return '  ';
  return m[1]!.startsWith('\t') ? '\t' : m[1]!.length >= 2 && m[1]!.length <= 8 ? m[1]! : '  ';
}

/** Root-level blocks `name value {` in file order. */
export function findSections(nodes: readonly ConfigNode[], name: string, value?: string): SectionNode[] {
  return nodes.filter((n): n is SectionNode => n.kind === 'section' && n.name === name && (value === undefined || n.value === value));
}

function lastAssign(sections: readonly SectionNode[], key: string): AssignNode | undefined {
  let found: AssignNode | undefined;
  for (const s of sections) for (const n of s.children) if (n.kind === 'assign' && n.key === key) found = n;
  return found;
}

/** Insert `lines` (already indented, without line ends) as the last children of `sec`. */
function insertInto(doc: ConfigDocument, sec: SectionNode | null, lines: readonly string[]): TextEdit {
  const nl = eol(doc.text);
  if (sec === null) {
    const t = doc.text;
    const lead = t.length > 0 && !t.endsWith('\n') ? nl : '';
    return { start: t.length, end: t.length, text: lead + lines.map((l) => l + nl).join('') };
  }
  if (sec.close !== null) {
    const at = sec.close.span.start;
    return { start: at, end: at, text: lines.map((l) => l + nl).join('') };
  }
  const t = doc.text;
  const lead = !t.endsWith('\n') ? nl : '';
  return { start: t.length, end: t.length, text: lead + lines.map((l) => l + nl).join('') };
}

function replaceValue(doc: ConfigDocument, n: AssignNode, value: string): TextEdit {
  if (n.valueSpan.start === n.valueSpan.end && doc.text[n.valueSpan.start - 1] === '=') {
    return { start: n.valueSpan.start, end: n.valueSpan.end, text: ` ${value}` };
  }
  return { start: n.valueSpan.start, end: n.valueSpan.end, text: value };
}

function deleteNode(n: ConfigNode): TextEdit {
  return { start: n.span.start, end: n.span.end, text: '' };
}

/** Path to a block: service name, optionally a listener inside it. */
export interface BlockPath {
  readonly service: string;
  readonly listener?: { readonly kind: ListenerKind; readonly name: string };
}

function blocksFor(doc: ConfigDocument, path: BlockPath): SectionNode[] {
  const services = findSections(doc.children, 'service', path.service);
  if (path.listener === undefined) return services;
  return services.flatMap((s) => findSections(s.children, path.listener!.kind, path.listener!.name));
}

/**
 * Sets (or, with `null`, removes) a key inside a service or listener block.
 *
 * @example setBlockSetting(doc, { service: 'auth', listener: { kind: 'unix_listener', name: 'auth-userdb' } }, 'mode', '0660');
 */
export function setBlockSetting(doc: ConfigDocument, path: BlockPath, key: string, value: string | null): TextEdit[] {
  const blocks = blocksFor(doc, path);
  const existing = lastAssign(blocks, key);
  const edits: TextEdit[] = [];
  if (value === null) {
    for (const b of blocks) for (const n of b.children) if (n.kind === 'assign' && n.key === key) edits.push(deleteNode(n));
    return edits;
  }
  const v = formatValue(value, doc.version);
  if (existing !== undefined) return [replaceValue(doc, existing, v)];
  if (blocks.length > 0) {
    const target = blocks[blocks.length - 1]!;
    return [insertInto(doc, target, [`${childIndent(doc, target, 1)}${key} = ${v}`])];
  }
  // no block yet: create the service (and listener) block
  const services = findSections(doc.children, 'service', path.service);
  const unit = detectIndentUnit(doc);
  if (path.listener !== undefined && services.length > 0) {
    const svc = services[services.length - 1]!;
    const ind = childIndent(doc, svc, 1);
    return [insertInto(doc, svc, [
      `${ind}${path.listener.kind} ${formatSectionValue(path.listener.name)} {`,
      `${ind}${unit}${key} = ${v}`,
      `${ind}}`,
    ])];
  }
  const lines = [`service ${formatSectionValue(path.service)} {`];
  if (path.listener !== undefined) {
    lines.push(`${unit}${path.listener.kind} ${formatSectionValue(path.listener.name)} {`, `${unit}${unit}${key} = ${v}`, `${unit}}`);
  } else lines.push(`${unit}${key} = ${v}`);
  lines.push('}');
  return [insertInto(doc, null, lines)];
}

/**
 * Sets or removes a root-level setting.
 *
 * @example setGlobal(doc, 'protocols', 'imap lmtp');
 */
export function setGlobal(doc: ConfigDocument, key: string, value: string | null): TextEdit[] {
  const nodes = doc.children.filter((n): n is AssignNode => n.kind === 'assign' && n.key === key);
  if (value === null) return nodes.map(deleteNode);
  const v = formatValue(value, doc.version);
  const last = nodes[nodes.length - 1];
  if (last !== undefined) return [replaceValue(doc, last, v)];
  // after the version lines (2.4) or at the top, before the first section
  const header = doc.children.filter((n): n is AssignNode => n.kind === 'assign' && (n.key === 'dovecot_config_version' || n.key === 'dovecot_storage_version'));
  const nl = eol(doc.text);
  const anchor = header[header.length - 1];
  if (anchor !== undefined) return [{ start: anchor.span.end, end: anchor.span.end, text: `${key} = ${v}${nl}` }];
  const firstStmt = doc.children.find((n) => n.kind !== 'trivia');
  const at = firstStmt ? firstStmt.span.start : doc.text.length;
  const lead = at === doc.text.length && doc.text.length > 0 && !doc.text.endsWith('\n') ? nl : '';
  return [{ start: at, end: at, text: `${lead}${key} = ${v}${nl}` }];
}

/**
 * Removes every block of a service (reset to built-in defaults) or of one listener.
 *
 * @example removeBlock(doc, { service: 'imap-login' });
 */
export function removeBlock(doc: ConfigDocument, path: BlockPath): TextEdit[] {
  return blocksFor(doc, path).map((s) => ({ start: s.span.start, end: s.span.end, text: '' }));
}

/**
 * Renames a service or listener block (every same-name block).
 *
 * @example renameBlock(doc, { service: 'auth', listener: { kind: 'unix_listener', name: 'a' } }, 'b');
 */
export function renameBlock(doc: ConfigDocument, path: BlockPath, newName: string): TextEdit[] {
  return blocksFor(doc, path).map((s) => {
    if (s.valueSpan.start === s.valueSpan.end) {
      return { start: s.valueSpan.start, end: s.valueSpan.end, text: `${formatSectionValue(newName)} ` };
    }
    return { start: s.valueSpan.start, end: s.valueSpan.end, text: formatSectionValue(newName) };
  });
}

/**
 * Adds a block with settings (a new listener inside the service's last block, or a new service).
 *
 * @example addBlock(doc, { service: 'auth', listener: { kind: 'unix_listener', name: '/var/spool/postfix/private/auth' } }, { mode: '0660' });
 */
export function addBlock(doc: ConfigDocument, path: BlockPath, settings: Readonly<Record<string, string>>): TextEdit[] {
  const unit = detectIndentUnit(doc);
  const entries = Object.entries(settings);
  if (path.listener === undefined) {
    return [insertInto(doc, null, [
      `service ${formatSectionValue(path.service)} {`,
      ...entries.map(([k, v]) => `${unit}${k} = ${formatValue(v, doc.version)}`),
      '}',
    ])];
  }
  const services = findSections(doc.children, 'service', path.service);
  const svc = services[services.length - 1];
  const ind = svc ? childIndent(doc, svc, 1) : unit;
  const lines = [
    `${ind}${path.listener.kind} ${formatSectionValue(path.listener.name)} {`,
    ...entries.map(([k, v]) => `${ind}${unit}${k} = ${formatValue(v, doc.version)}`),
    `${ind}}`,
  ];
  if (svc !== undefined) return [insertInto(doc, svc, lines)];
  return [insertInto(doc, null, [`service ${formatSectionValue(path.service)} {`, ...lines, '}'])];
}
