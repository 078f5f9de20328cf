/**
 * Completion proposals for the text view, from the version's catalog: section
 * names and the setting names valid in the block at the cursor (service keys,
 * listener keys by kind, root globals), service and listener names, and
 * values of enums and booleans. Pure (the Monaco adapter turns these into
 * CompletionItems).
 *
 * @example
 *   completions(doc, result, offset, '  process_li').map((c) => c.label); // ['process_limit', 'process_min_avail', ...]
 */
import type { CheckResult, ConfigDocument, DovecotVersion, SettingDef } from '../../core/index.ts';
import { catalogFor } from '../../core/index.ts';
import { GLOBAL_SETTINGS_23, GLOBAL_SETTINGS_24 } from '../../core/data/global-catalog.ts';
import { GLOBALS_23, GLOBALS_24 } from '../../core/data/globals.ts';
import { blockAt, slotAt, type BlockContext } from './cursor-context.ts';

/** What a proposal is. */
export type CompletionKind = 'setting' | 'section' | 'value' | 'service' | 'listener';

/** One proposal. */
export interface Completion {
  readonly label: string;
  readonly kind: CompletionKind;
  /** Text to insert; `snippet` means it holds `${1:...}` placeholders. */
  readonly insert: string;
  readonly snippet: boolean;
  /** Short line shown beside the label (type, unit, role). */
  readonly detail: string;
  readonly doc: string;
  /** Sort key: lower first. */
  readonly rank: number;
}

const LISTENER_KINDS = ['unix_listener', 'fifo_listener', 'inet_listener'] as const;
const BOOL_VALUES = ['yes', 'no'];

function typeDetail(def: { type: string; unit?: string }): string {
  return def.unit !== undefined ? `${def.type} (${def.unit})` : def.type;
}

function setting(def: SettingDef, rank: number): Completion {
  return { label: def.key, kind: 'setting', insert: `${def.key} = `, snippet: false, detail: typeDetail(def), doc: def.doc, rank };
}

function section(name: string, withName: boolean, doc: string, rank: number): Completion {
  return {
    label: name, kind: 'section', snippet: true, detail: 'section', doc, rank,
    insert: withName ? `${name} \${1:name} {\n\t$0\n}` : `${name} {\n\t$0\n}`,
  };
}

function globalDocs(version: DovecotVersion): Map<string, { type: string; doc: string; default: string }> {
  return new Map((version === '2.3' ? GLOBALS_23 : GLOBALS_24).map((g) => [g.key, g]));
}

/** Keys and sections valid at line start in a block. */
function keyCompletions(block: BlockContext, version: DovecotVersion): Completion[] {
  const cat = catalogFor(version);
  if (block.kind === 'service') {
    return [
      ...cat.serviceSettings().map((d) => setting(d, 0)),
      ...LISTENER_KINDS.map((k) => section(k, true, `A ${k.replace('_', ' ')} of this service.`, 1)),
    ];
  }
  if (block.kind === 'listener') return cat.listenerSettings(block.listener).map((d) => setting(d, 0));
  if (block.kind === 'section') {
    const keys = cat.sectionKeys(block.name);
    return keys === undefined ? [] : [...keys].map((k) => ({ label: k, kind: 'setting', insert: `${k} = `, snippet: false, detail: block.name, doc: '', rank: 0 }));
  }
  // root or filter: sections and global settings
  const data = version === '2.3' ? GLOBAL_SETTINGS_23 : GLOBAL_SETTINGS_24;
  const docs = globalDocs(version);
  const out: Completion[] = [];
  if (block.kind === 'root') out.push(section('service', true, 'A service block: how the master runs one kind of process.', 0));
  for (const [name, kind] of Object.entries(data.sections)) {
    if (kind === 'strlist' && data.settings[name] !== undefined && data.settings[name] !== 'strlist') continue;
    out.push(section(name, kind === 'named-list' || kind === 'filter' || kind === 'list', `${kind} section`, 2));
  }
  for (const [key, type] of Object.entries(data.settings)) {
    if (type === 'strlist') continue;
    const d = docs.get(key);
    out.push({ label: key, kind: 'setting', insert: `${key} = `, snippet: false, detail: type, doc: d?.doc ?? '', rank: d !== undefined ? 0 : 3 });
  }
  if (version === '2.4' && block.kind === 'root') {
    for (const d of cat.serviceSettings()) {
      if (d.rootKey !== undefined) {
        out.push({ label: d.rootKey, kind: 'setting', insert: `${d.rootKey} = `, snippet: false, detail: typeDetail(d), doc: `For every service that does not set ${d.key} itself. ${d.doc}`, rank: 1 });
      }
    }
  }
  return out;
}

function valueDef(block: BlockContext, key: string, version: DovecotVersion): { type: string; values?: readonly string[] } | undefined {
  const cat = catalogFor(version);
  if (block.kind === 'service') return cat.serviceSetting(key);
  if (block.kind === 'listener') return cat.listenerSetting(block.listener, key);
  if (block.kind === 'root' || block.kind === 'filter') {
    if (version === '2.4' && key.startsWith('service_')) {
      const d = cat.serviceSetting(key.slice('service_'.length));
      if (d !== undefined) return d;
    }
    const t = cat.globalSetting(key);
    return t !== undefined && t !== 'strlist' ? { type: t } : undefined;
  }
  return undefined;
}

function valueCompletions(block: BlockContext, key: string, result: CheckResult, version: DovecotVersion): Completion[] {
  const value = (label: string, detail: string, rank = 0): Completion => ({ label, kind: 'value', insert: label, snippet: false, detail, doc: '', rank });
  if (key === 'protocols' && (block.kind === 'root' || block.kind === 'filter')) {
    const protocols = [...new Set(result.resolved.services.map((s) => s.protocol).filter((p) => p !== ''))].sort();
    return protocols.map((p) => value(p, 'protocol'));
  }
  const def = valueDef(block, key, version);
  if (def === undefined) return [];
  if (def.values !== undefined) return def.values.filter((v) => v !== '').map((v) => value(v, `${key} value`));
  if (def.type === 'bool') return BOOL_VALUES.map((v) => value(v, 'boolean'));
  if (version === '2.4' && (def.type === 'uint' || def.type === 'size')) return [value('unlimited', def.type, 1)];
  if (version === '2.4' && def.type === 'time') return [value('infinite', def.type, 1)];
  return [];
}

function nameCompletions(block: BlockContext, sectionName: string, result: CheckResult): Completion[] {
  if (sectionName === 'service' && block.kind === 'root') {
    return result.resolved.services.filter((s) => s.builtin).map((s) => ({
      label: s.name, kind: 'service', insert: s.name, snippet: false,
      detail: s.type !== '' ? `${s.type} service` : 'service', doc: s.role ?? '', rank: s.enabled ? 0 : 1,
    }));
  }
  if (block.kind === 'service' && (LISTENER_KINDS as readonly string[]).includes(sectionName)) {
    const svc = result.resolved.services.find((s) => s.name === block.service);
    return (svc?.listeners ?? []).filter((l) => l.kind === sectionName && l.builtin).map((l) => ({
      label: l.name, kind: 'listener', insert: l.name, snippet: false, detail: `built-in ${l.kind}`, doc: `connection type ${l.connType}`, rank: 0,
    }));
  }
  if (sectionName === 'protocol' && (block.kind === 'root' || block.kind === 'filter')) {
    const protocols = [...new Set(result.resolved.services.map((s) => s.protocol).filter((p) => p !== ''))].sort();
    return protocols.map((p) => ({ label: p, kind: 'value', insert: p, snippet: false, detail: 'protocol', doc: '', rank: 0 }));
  }
  return [];
}

/**
 * Proposals at an offset, given the text of its line before the cursor.
 *
 * @example completions(doc, result, offset, '  type = ').map((c) => c.label); // ['log', 'config', 'anvil', ...]
 */
export function completions(doc: ConfigDocument, result: CheckResult, offset: number, lineBefore: string): Completion[] {
  const slot = slotAt(lineBefore);
  const block = blockAt(doc, offset);
  const version = result.version;
  switch (slot.kind) {
    case 'key':
      return keyCompletions(block, version);
    case 'value':
      return valueCompletions(block, slot.key, result, version);
    case 'section-value':
      return nameCompletions(block, slot.section, result);
    case 'none':
      return [];
  }
}
