/**
 * Hover help for the text view: what a setting means (catalog doc, type,
 * unit) and what it is worth here (effective value and where it comes from),
 * and what a service or listener is (role, limits, connection type). Pure:
 * returns markdown paragraphs and the source range they describe.
 *
 * @example hoverAt(doc, result, offset)?.contents[0]; // '**process_limit** · service setting · uint (processes)'
 */
import type { CheckResult, ConfigDocument, DovecotVersion, EffectiveValue } from '../../core/index.ts';
import { catalogFor } from '../../core/index.ts';
import { GLOBALS_23, GLOBALS_24 } from '../../core/data/globals.ts';
import { LISTENER_TYPE_DOCS } from '../../core/data/docs.ts';
import type { AssignNode, SectionNode } from '../../core/syntax/parse.ts';
import { targetAt, type BlockContext } from './cursor-context.ts';

/** A hover: markdown paragraphs for a source range (offsets). */
export interface HoverHelp {
  readonly start: number;
  readonly end: number;
  readonly contents: readonly string[];
}

/** Markdown code span that survives backticks in the value. */
function code(text: string): string {
  const t = text === '' ? '(empty)' : text;
  return t.includes('`') ? `\`\` ${t} \`\`` : `\`${t}\``;
}

/** Escapes text for markdown (config text is shown as text, never as markup). */
function plain(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}

const SOURCE_TEXT: Readonly<Record<EffectiveValue['source'], string>> = {
  service: 'written in this block',
  root: 'from the root setting',
  builtin: 'built-in default of this service',
  global: 'from the global',
  default: 'Dovecot default',
  history: 'default of this dovecot_config_version',
};

function effectiveLine(v: EffectiveValue | undefined, node: AssignNode): string | null {
  if (v === undefined) return null;
  if (v.at !== undefined && v.at.start !== node.span.start && v.source === 'service') {
    return `Effective: ${code(v.text)}, written again on line ${v.at.line} (the last one wins).`;
  }
  if (v.at !== undefined && v.at.start === node.span.start) return null;
  const from = v.sourceKey !== undefined ? ` ${code(v.sourceKey)}` : '';
  return `Effective: ${code(v.text)} (${SOURCE_TEXT[v.source]}${from}).`;
}

function settingHelp(node: AssignNode, block: BlockContext, result: CheckResult): string[] | null {
  const version: DovecotVersion = result.version;
  const cat = catalogFor(version);
  const key = node.key;
  if (block.kind === 'service' || block.kind === 'listener') {
    const svc = result.resolved.services.find((s) => s.name === block.service);
    if (block.kind === 'service') {
      const def = cat.serviceSetting(key);
      if (def === undefined) return [`**${plain(key)}**: not a service setting in Dovecot ${version}.`];
      const out = [`**${key}** · service setting · ${def.type}${def.unit !== undefined ? ` (${def.unit})` : ''}`, def.doc];
      if (def.values !== undefined) out.push(`Values: ${def.values.map(code).join(', ')}`);
      const eff = effectiveLine(svc?.values[key], node);
      if (eff !== null) out.push(eff);
      return out;
    }
    const def = cat.listenerSetting(block.listener, key);
    if (def === undefined) return [`**${plain(key)}**: not a ${block.listener} setting in Dovecot ${version}.`];
    const out = [`**${key}** · ${block.listener} setting · ${def.type}${def.unit !== undefined ? ` (${def.unit})` : ''}`, def.doc];
    const lst = svc?.listeners.find((l) => l.kind === block.listener && l.name === block.name);
    const eff = effectiveLine(lst?.values[key], node);
    if (eff !== null) out.push(eff);
    return out;
  }
  if (block.kind === 'root' || block.kind === 'filter') {
    if (version === '2.4' && key.startsWith('service_')) {
      const def = cat.serviceSetting(key.slice('service_'.length));
      if (def?.rootKey === key) {
        return [`**${key}** · root service setting · ${def.type}`, `Applies to every service that does not set \`${def.key}\` itself.`, def.doc];
      }
    }
    const g = (version === '2.3' ? GLOBALS_23 : GLOBALS_24).find((x) => x.key === key);
    if (g !== undefined) return [`**${key}** · global · ${g.type}`, g.doc, `Default: ${code(g.default)}`];
    const t = cat.globalSetting(key);
    if (t !== undefined) return [`**${key}** · global setting · ${t}`];
    return [`**${plain(key)}**: not a setting in Dovecot ${version}.`];
  }
  return null;
}

function sectionHelp(node: SectionNode, block: BlockContext, result: CheckResult): string[] | null {
  if (node.name === 'service' && block.kind === 'root') {
    const s = result.resolved.services.find((x) => x.name === node.value);
    if (s === undefined) return [`**service ${plain(node.value)}**`];
    const out = [`**service ${s.name}**${s.builtin ? ' · built-in' : ' · defined here'}${s.type !== '' ? ` · type ${s.type}` : ''}`];
    if (s.role !== undefined) out.push(s.role);
    if (s.protocol !== '') out.push(`Protocol ${code(s.protocol)}: ${s.enabled ? 'enabled' : 'not in `protocols`, so the master does not run it'}.`);
    if (Number.isFinite(s.maxConnections)) {
      out.push(`process_limit ${s.processLimit} × ${s.clientsPerProcess} client(s) per process = at most ${s.maxConnections} connections.`);
    }
    return out;
  }
  if (node.name.endsWith('_listener') && block.kind === 'service') {
    const s = result.resolved.services.find((x) => x.name === block.service);
    const l = s?.listeners.find((x) => x.kind === node.name && x.name === node.value);
    const out = [`**${node.name} ${plain(node.value)}**${l?.builtin ? ' · built-in' : ''}`];
    if (l !== undefined) {
      out.push(`Connection type ${code(l.connType)}${l.disabled ? ' · disabled' : ''}.`);
      const doc = LISTENER_TYPE_DOCS.find((d) => (d.service === block.service || d.service === '*') && d.type === l.connType && d.versions.includes(result.version));
      if (doc !== undefined) out.push(doc.doc);
    }
    return out;
  }
  return null;
}

/**
 * Hover help at an offset, or null.
 *
 * @example hoverAt(doc, result, text.indexOf('imap-login'))?.contents[0]; // '**service imap-login** · built-in · type login'
 */
export function hoverAt(doc: ConfigDocument, result: CheckResult, offset: number): HoverHelp | null {
  const t = targetAt(doc, offset);
  if (t === null) return null;
  if (t.kind === 'key') {
    const c = settingHelp(t.node, t.block, result);
    return c === null ? null : { start: t.node.keySpan.start, end: t.node.keySpan.end, contents: c };
  }
  if (t.kind === 'value') return null;
  const c = sectionHelp(t.node, t.block, result);
  if (c === null) return null;
  const end = t.node.valueSpan.end > t.node.valueSpan.start ? t.node.valueSpan.end : t.node.openSpan.start + t.node.column - 1 + t.node.name.length;
  return { start: t.node.openSpan.start + t.node.column - 1, end, contents: c };
}
