/**
 * Global (root-level) settings and sections of each version, as read off the
 * real doveconf binaries by `scripts/gen-settings-catalog.mjs`
 * (settings-2.3.json / settings-2.4.json), reduced to what the loader needs.
 *
 * @example
 *   GLOBAL_SETTINGS_24.settings['mail_location']; // undefined: 2.4 removed it
 *   GLOBAL_SETTINGS_23.sections['plugin'];        // 'strlist'
 */
import type { SettingType } from './types.ts';
import raw23 from './settings-2.3.json' with { type: 'json' };
import raw24 from './settings-2.4.json' with { type: 'json' };
import enums23 from './enums-2.3.json' with { type: 'json' };
import enums24 from './enums-2.4.json' with { type: 'json' };

/**
 * How a section name is treated: `filter` (protocol/local/remote/local_name),
 * `named-list` (a name is required: `namespace inbox {`), `named` (no name
 * allowed: `ssl_server {`), `list` (name optional, 2.3 deflists), `strlist`
 * (any `key = value` inside), `boollist` (2.4 `protocols { imap = yes }`).
 */
export type SectionKind = 'filter' | 'named-list' | 'named' | 'list' | 'strlist' | 'boollist';

/** The reduced catalog of one version. */
export interface GlobalCatalogData {
  readonly settings: Readonly<Record<string, SettingType | 'strlist'>>;
  readonly sections: Readonly<Record<string, SectionKind>>;
  /** Keys accepted inside a section, where known (2.4: the `S_` settings plus every root setting). */
  readonly sectionKeys?: Readonly<Record<string, readonly string[]>>;
  /** Default of every setting as doveconf prints it (used for `$key` self-references). */
  readonly defaults?: Readonly<Record<string, string>>;
  /** 2.4: named filters that need one setting (`metric` → `metric_filter`). */
  readonly required?: Readonly<Record<string, string>>;
  /** Accepted values of enum settings (enums-2.x.json, from the sources, verified with doveconf). */
  readonly enums?: Readonly<Record<string, readonly string[]>>;
}

interface RawSetting {
  readonly type: string;
  readonly default?: string;
}

interface RawSection {
  readonly name?: string;
  readonly keys?: unknown;
  readonly probeMessages?: readonly string[];
}

interface RawCatalog {
  readonly settings: Readonly<Record<string, RawSetting>>;
  readonly sections: Readonly<Record<string, RawSection>>;
}

const FILTERS = new Set(['protocol', 'local', 'remote', 'local_name']);
const TYPES = new Set<string>(['uint', 'size', 'time', 'bool', 'string', 'octal', 'port', 'boollist', 'enum']);

function reduce(raw: RawCatalog, version: '2.3' | '2.4', enums: Readonly<Record<string, readonly string[]>>): GlobalCatalogData {
  const settings: Record<string, SettingType | 'strlist'> = {};
  const defaults: Record<string, string> = {};
  for (const [k, s] of Object.entries(raw.settings)) {
    if (s.type === 'section' || s.type === 'strlist') settings[k] = 'strlist';
    else settings[k] = TYPES.has(s.type) ? (s.type as SettingType) : 'string';
    if (s.default !== undefined) defaults[k] = s.default;
  }
  const required: Record<string, string> = {};
  for (const [name, s] of Object.entries(raw.sections)) {
    for (const m of s.probeMessages ?? []) {
      const r = /^Named filter (\S+) is required to have (\S+) setting/.exec(m);
      if (r !== null && r[1] === name) required[name] = r[2]!;
    }
  }
  const sections: Record<string, SectionKind> = {};
  const sectionKeys: Record<string, string[]> = {};
  for (const [name, s] of Object.entries(raw.sections)) {
    if (name === 'service' || name.endsWith('_listener')) continue;
    if (FILTERS.has(name)) sections[name] = 'filter';
    else if (s.name === 'required') sections[name] = 'named-list';
    else if (s.name === 'none') sections[name] = settings[name] === 'boollist' ? 'boollist' : 'named';
    else if (typeof s.keys === 'string' && s.keys.includes('any key')) sections[name] = 'strlist';
    else sections[name] = 'list';
    if (version === '2.3' && s.keys !== null && typeof s.keys === 'object') sectionKeys[name] = Object.keys(s.keys);
  }
  for (const [k, t] of Object.entries(settings)) {
    if (t === 'strlist' && sections[k] === undefined) sections[k] = 'strlist';
    if (version === '2.4' && t === 'boollist' && sections[k] === undefined) sections[k] = 'boollist';
  }
  return { settings, sections, sectionKeys, defaults, required, enums };
}

/** 2.3.19.1 catalog. */
export const GLOBAL_SETTINGS_23: GlobalCatalogData = reduce(raw23 as unknown as RawCatalog, '2.3', enums23.enums);
/** 2.4.1 catalog. */
export const GLOBAL_SETTINGS_24: GlobalCatalogData = reduce(raw24 as unknown as RawCatalog, '2.4', enums24.enums);
