/**
 * Per-version lookup of what may be written where, built from the data tables:
 * service and listener keys (service-settings.ts) and the global settings and
 * sections read off the real doveconf binaries (settings-2.x.json).
 *
 * @example
 *   const cat = catalogFor('2.3');
 *   cat.serviceSetting('process_limit')?.type; // 'uint'
 *   cat.globalSetting('mail_location');        // 'string' (2.3) / undefined (2.4)
 */
import type { DovecotVersion, ListenerKind, SettingDef, SettingType } from '../data/types.ts';
import {
  LISTENER_SETTINGS_23, LISTENER_SETTINGS_24, SERVICE_SETTINGS_23, SERVICE_SETTINGS_24,
} from '../data/service-settings.ts';
import { GLOBAL_SETTINGS_23, GLOBAL_SETTINGS_24, type GlobalCatalogData, type SectionKind } from '../data/global-catalog.ts';

/** How a section name is treated at some level. */
export type { SectionKind };

/** The lookups the loader and the UI need for one version. */
export interface VersionCatalog {
  readonly version: DovecotVersion;
  serviceSetting(key: string): SettingDef | undefined;
  listenerSetting(kind: ListenerKind, key: string): SettingDef | undefined;
  serviceSettings(): readonly SettingDef[];
  listenerSettings(kind: ListenerKind): readonly SettingDef[];
  /** Type of a root-level (global) setting, or undefined when doveconf does not know it. */
  globalSetting(key: string): SettingType | 'strlist' | undefined;
  /** Kind of a root-level section name, or undefined when unknown. */
  rootSection(name: string): SectionKind | undefined;
  /** Keys of a root-level section, when the catalog knows them (undefined = accept any). */
  sectionKeys(name: string): ReadonlySet<string> | undefined;
  /** Default of a root setting as doveconf prints it, when known. */
  globalDefault(key: string): string | undefined;
  /**
   * 2.4: how doveconf's parser types a key: a named filter (`ssl_server`), a named list
   * filter (`service`, `passdb`, `unix_listener`), a string or boolean list, a plain setting,
   * or undefined when the key is unknown.
   */
  keyKind(key: string): KeyKind | undefined;
  /** 2.4: the setting a named list filter must contain (`metric` → `metric_filter`). */
  requiredSetting(filter: string): string | undefined;
  /** Every key doveconf knows (settings and section names). */
  allKeys(): readonly string[];
  /** Accepted values of an enum setting, when known (`ssl` → yes, no, required). */
  enumValues(key: string): readonly string[] | undefined;
  /** Is `prefix` followed by `_` the start of some known key (`service` → yes, `service_svc-1` → no)? */
  isKeyPrefix(prefix: string): boolean;
  /** 2.4: type of a full key (`service_process_limit`, `unix_listener_mode`, `listen`). */
  fullKeyType(key: string): SettingType | 'strlist' | undefined;
}

/** How a 2.4 key is typed by the parser. */
export type KeyKind = 'filter-name' | 'filter-array' | 'strlist' | 'boollist' | 'setting';

const ARRAY_FILTERS_24 = ['service', 'unix_listener', 'fifo_listener', 'inet_listener'];

function build(version: DovecotVersion, data: GlobalCatalogData): VersionCatalog {
  const svc = version === '2.3' ? SERVICE_SETTINGS_23 : SERVICE_SETTINGS_24;
  const lst = version === '2.3' ? LISTENER_SETTINGS_23 : LISTENER_SETTINGS_24;
  const svcMap = new Map(svc.map((d) => [d.key, d]));
  const lstMaps = {
    unix_listener: new Map(lst.unix_listener.map((d) => [d.key, d])),
    fifo_listener: new Map(lst.fifo_listener.map((d) => [d.key, d])),
    inet_listener: new Map(lst.inet_listener.map((d) => [d.key, d])),
  } as const;
  const settings = new Map(Object.entries(data.settings));
  const sections = new Map(Object.entries(data.sections));
  const sectionKeys = new Map(
    Object.entries(data.sectionKeys ?? {}).map(([k, v]) => [k, new Set(v)] as const),
  );
  const kinds = new Map<string, KeyKind>();
  if (version === '2.4') {
    for (const [k, t] of settings) kinds.set(k, t === 'strlist' ? 'strlist' : t === 'boollist' ? 'boollist' : 'setting');
    for (const [k, kind] of sections) {
      if (kind === 'named-list') kinds.set(k, 'filter-array');
      else if (kind === 'named') kinds.set(k, 'filter-name');
    }
    for (const k of ARRAY_FILTERS_24) kinds.set(k, 'filter-array');
    for (const d of svc) kinds.set(`service_${d.key}`, 'setting');
    for (const kind of ['unix_listener', 'fifo_listener', 'inet_listener'] as const) {
      for (const d of lst[kind]) kinds.set(`${kind}_${d.key}`, 'setting');
    }
  }
  const all = [...new Set([...settings.keys(), ...sections.keys(), ...kinds.keys()])];
  const fullTypes = new Map<string, SettingType | 'strlist'>(settings);
  if (version === '2.4') {
    for (const d of svc) fullTypes.set(`service_${d.key}`, d.type);
    for (const kind of ['unix_listener', 'fifo_listener', 'inet_listener'] as const) for (const d of lst[kind]) fullTypes.set(`${kind}_${d.key}`, d.type);
  }
  const prefixes = new Set<string>();
  for (const k of all) for (let i = k.indexOf('_'); i !== -1; i = k.indexOf('_', i + 1)) prefixes.add(k.slice(0, i));
  return {
    version,
    globalDefault: (key) => data.defaults?.[key],
    keyKind: (key) => kinds.get(key),
    requiredSetting: (name) => data.required?.[name],
    allKeys: () => all,
    enumValues: (key) => data.enums?.[key],
    isKeyPrefix: (prefix) => prefixes.has(prefix),
    fullKeyType: (key) => fullTypes.get(key),
    serviceSetting: (key) => svcMap.get(key),
    listenerSetting: (kind, key) => lstMaps[kind].get(key),
    serviceSettings: () => svc,
    listenerSettings: (kind) => lst[kind],
    globalSetting: (key) => settings.get(key),
    rootSection: (name) => sections.get(name),
    sectionKeys: (name) => sectionKeys.get(name),
  };
}

const CATALOGS: Readonly<Record<DovecotVersion, VersionCatalog>> = {
  '2.3': build('2.3', GLOBAL_SETTINGS_23),
  '2.4': build('2.4', GLOBAL_SETTINGS_24),
};

/**
 * The catalog of a version.
 *
 * @example catalogFor('2.4').rootSection('namespace'); // 'named-list'
 */
export function catalogFor(version: DovecotVersion): VersionCatalog {
  return CATALOGS[version];
}
