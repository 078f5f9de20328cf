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
}

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
  return {
    version,
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
