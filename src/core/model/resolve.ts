/**
 * Stage 5: `LoadedConfig` → effective services. Every setting of every service
 * (built-in and custom) gets its effective value and where it came from:
 * written in the block, a 2.4 root `service_*` key, the built-in default, a
 * `default_*` global, or the generic default (services-defaults.md §1.1).
 *
 * @example
 *   const r = resolveServices(loadConfig({ path: 'd.conf', text }, { version: '2.4' }));
 *   r.services.find((s) => s.name === 'imap-login')?.processLimit; // 100
 */
import type { DovecotVersion, ListenerKind, ServiceDefault } from '../data/types.ts';
import { SERVICES_23, SERVICE_FIELD_DEFAULTS_23, LISTENER_FIELD_DEFAULTS_23 } from '../data/services-2.3.ts';
import {
  SERVICES_24, SERVICE_FIELD_DEFAULTS_24, LISTENER_FIELD_DEFAULTS_24, SERVICE_CHAIN_24, CONFIG_VERSION_HISTORY_24, type ConfigVersionChange,
} from '../data/services-2.4.ts';
import { GLOBALS_23, GLOBALS_24 } from '../data/globals.ts';
import type { LoadedConfig, ServiceBlock, SourceRef } from './config.ts';
import { parseBool, parseOctal, parseSize, parseTime, parseUint, parsePort, UINT_MAX, SIZE_UNLIMITED } from './values.ts';

const SIZE_MAX_NUMBER = Number(SIZE_UNLIMITED);
import { splitBoollist } from './lists.ts';

/** Where an effective value comes from. */
export type ValueSource = 'service' | 'root' | 'builtin' | 'global' | 'default' | 'history';

/** One effective setting. */
export interface EffectiveValue {
  readonly key: string;
  /** Text as Dovecot would hold it (before 2.3's 0 → default substitution). */
  readonly text: string;
  readonly source: ValueSource;
  /** Name of the global or root key the value came from (`default_process_limit`). */
  readonly sourceKey?: string;
  readonly at?: SourceRef;
}

/** An effective listener. */
export interface EffectiveListener {
  readonly kind: ListenerKind;
  readonly name: string;
  readonly builtin: boolean;
  readonly written: boolean;
  readonly values: Readonly<Record<string, EffectiveValue>>;
  readonly at?: SourceRef;
  /** Listener type: explicit (2.4) or the socket name after the last `-`. */
  readonly connType: string;
  /** Disabled: unix/fifo `mode = 0`, inet `port = 0`. */
  readonly disabled: boolean;
  /** The effective text of one setting (same as `values[key]?.text ?? ''`, without building `values`). */
  valueText(key: string): string;
}

/** An effective service with its numbers already resolved. */
export interface EffectiveService {
  readonly name: string;
  readonly builtin: boolean;
  /** Exists only with the Pigeonhole managesieve package. */
  readonly plugin?: 'managesieve';
  readonly role?: string;
  readonly block?: ServiceBlock;
  readonly values: Readonly<Record<string, EffectiveValue>>;
  readonly listeners: readonly EffectiveListener[];
  readonly type: string;
  readonly protocol: string;
  /** Protocol empty or listed in `protocols`. */
  readonly enabled: boolean;
  /** Effective process_limit (2.3: 0 → default_process_limit); NaN when not computable. */
  readonly processLimit: number;
  /** Effective client_limit (2.3: 0 → default_client_limit). */
  readonly clientLimit: number;
  /** Raw 2.3 client_limit (0 stays 0), used by the 2.3 fd check. */
  readonly clientLimitRaw: number;
  /** service_count (2.3, 0 = unlimited) / restart_request_count (2.4, unlimited = 2³²−1). */
  readonly restartCount: number;
  readonly processMinAvail: number;
  /** Bytes; null = unlimited. */
  readonly vszLimit: number | null;
  /** Seconds; null = never. */
  readonly idleKill: number | null;
  /** Connections one process serves at once: min(client_limit, count) when count caps it. */
  readonly clientsPerProcess: number;
  /** process_limit × clientsPerProcess. */
  readonly maxConnections: number;
  readonly processLimit1: boolean;
  /** The effective text of one setting (same as `values[key]?.text ?? ''`, without building `values`). */
  valueText(key: string): string;
}

/** Options for resolving. */
export interface ResolveOptions {
  /** Include Pigeonhole's managesieve services (dovecot-managesieved installed). */
  readonly managesieve?: boolean;
  /** CPU count used for `%{system:cpu_count}` (2.4). */
  readonly cpuCount?: number;
}

/** Resolved configuration. */
export interface ResolvedConfig {
  readonly version: DovecotVersion;
  /** Services in doveconf's order (budgets.md §4). */
  readonly services: readonly EffectiveService[];
  readonly globals: Readonly<Record<string, EffectiveValue>>;
  readonly protocols: readonly string[];
  /** 2.4: a numeric service setting holds `$SET:`/unknown `%{}`: doveconf then skips its checks. */
  readonly checksSkipped: boolean;
}

const UNLIMITED_WORDS = new Set(['unlimited', 'infinite']);
/** 2.4 service settings whose value doveconf must evaluate as a number. */
const NUMERIC_KEYS_24 = new Set(['process_limit', 'client_limit', 'process_min_avail', 'restart_request_count', 'vsz_limit', 'idle_kill_interval']);

function numeric(text: string, kind: 'uint' | 'size' | 'time', version: DovecotVersion, cpu: number): number {
  let t = text;
  if (version === '2.4' && t === '%{system:cpu_count}') return cpu;
  if (version === '2.4' && UNLIMITED_WORDS.has(t)) t = 'unlimited';
  const r = kind === 'uint' ? parseUint(t, version) : kind === 'size' ? parseSize(t, version) : parseTime(t, version);
  return r.ok ? r.value : NaN;
}

/** True for a value doveconf cannot evaluate without `-x` (2.4 then skips the checks). */
function unevaluable(text: string): boolean {
  if (text === '%{system:cpu_count}') return false;
  return text.includes('$SET:') || text.includes('$ENV:') || text.includes('%{');
}

function globalDefaults(version: DovecotVersion, cfg: LoadedConfig): Record<string, EffectiveValue> {
  const out: Record<string, EffectiveValue> = {};
  for (const g of version === '2.3' ? GLOBALS_23 : GLOBALS_24) {
    const w = cfg.globals.get(g.key);
    out[g.key] = w
      ? { key: g.key, text: w.value, source: 'global', sourceKey: g.key, at: w.at }
      : { key: g.key, text: g.default, source: 'default' };
  }
  return out;
}

/** 2.3 `$default_internal_user`-style references and 2.4 `$SET:` in built-in values. */
function expandBuiltin(text: string, globals: Record<string, EffectiveValue>): string {
  return text.replace(/\$(?:SET:)?(default_[a-z_]+)/g, (m, name: string) => globals[name]?.text ?? m);
}

function listenerConnType(kind: ListenerKind, name: string, explicit: string): string {
  if (explicit !== '') return explicit;
  if (kind === 'inet_listener') return name;
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dash = base.lastIndexOf('-');
  return dash === -1 ? base : base.slice(dash + 1);
}

function versionAtMost(v: string | null, until: string): boolean {
  if (v === null) return false;
  const a = v.split('.').map(Number);
  const b = until.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}

/**
 * The built-in services of a version, in doveconf's list order.
 *
 * @example builtinServices('2.4', false).length; // 25
 */
export function builtinServices(version: DovecotVersion, managesieve: boolean): readonly ServiceDefault[] {
  const all = version === '2.3' ? SERVICES_23 : SERVICES_24;
  return managesieve ? all : all.filter((s) => s.plugin === undefined);
}

/**
 * Resolves every service of a loaded configuration.
 *
 * @example resolveServices(cfg, { cpuCount: 4 }).services.map((s) => s.name);
 */
export function resolveServices(cfg: LoadedConfig, opts: ResolveOptions = {}): ResolvedConfig {
  const version = cfg.version;
  const cpu = opts.cpuCount ?? 2;
  const globals = globalDefaults(version, cfg);
  const builtins = builtinServices(version, opts.managesieve ?? false);
  const builtinNames = new Set(builtins.map((b) => b.name));
  const protocols = new Set(cfg.protocols.list);
  const history = version === '2.4' && versionAtMost(cfg.configVersion, '2.4.0') ? CONFIG_VERSION_HISTORY_24 : [];
  const fieldDefaults = version === '2.3' ? SERVICE_FIELD_DEFAULTS_23 : SERVICE_FIELD_DEFAULTS_24;
  const listenerDefaults = version === '2.3' ? LISTENER_FIELD_DEFAULTS_23 : LISTENER_FIELD_DEFAULTS_24;
  let checksSkipped = false;
  // the same few value texts repeat over thousands of services: parse each once
  const memo = new Map<string, number>();
  const num = (t: string, kind: 'uint' | 'size' | 'time'): number => {
    const k = `${kind}\0${t}`;
    let v = memo.get(k);
    if (v === undefined) {
      v = numeric(t, kind, version, cpu);
      memo.set(k, v);
    }
    return v;
  };
  const keys = version === '2.3' ? Object.keys(fieldDefaults) : [...new Set([...Object.keys(fieldDefaults), ...Object.keys(SERVICE_CHAIN_24)])];
  const keySet = new Set(keys);

  const order: { def?: ServiceDefault; block?: ServiceBlock }[] = builtins.map((def) => {
    const block = cfg.services.get(def.name);
    return block ? { def, block } : { def };
  });
  for (const [key, block] of cfg.services) {
    // 2.4: a service reached only by path keys is not in doveconf's service list
    if (!builtinNames.has(key) && !block.inFilter && (version === '2.3' || block.listed !== false)) order.push({ block });
  }

  // a value that is not written in the block is the same for every service with the
  // same built-in defaults: build it once per (built-in, key) and share it (read-only)
  const inherited = new Map<ServiceDefault | undefined, Map<string, EffectiveValue>>();
  const inheritedValue = (def: ServiceDefault | undefined, name: string, key: string): EffectiveValue => {
    let perDef = inherited.get(def);
    if (perDef === undefined) inherited.set(def, (perDef = new Map()));
    let v = perDef.get(key);
    if (v === undefined) {
      v = inheritedFor(def, name, key);
      perDef.set(key, v);
    }
    return v;
  };
  const inheritedFor = (def: ServiceDefault | undefined, name: string, key: string): EffectiveValue => {
    const hist = history.length === 0 ? undefined : history.find((h) => h.service === name && h.listener === undefined && h.key === key);
    const builtinText = def?.settings[key];
    if (version === '2.4' && SERVICE_CHAIN_24[key] !== undefined) {
      const link = SERVICE_CHAIN_24[key]!;
      const root = cfg.globals.get(link.rootKey);
      if (root !== undefined) return { key, text: root.value, source: 'root', sourceKey: link.rootKey, at: root.at };
      if (hist !== undefined) return { key, text: hist.value, source: 'history', sourceKey: 'dovecot_config_version' };
      if (builtinText !== undefined) return { key, text: builtinText, source: 'builtin' };
      if (link.globalKey !== undefined) {
        const g = globals[link.globalKey]!;
        return { key, text: g.text, source: g.source === 'default' ? 'default' : 'global', sourceKey: link.globalKey, ...(g.at ? { at: g.at } : {}) };
      }
      return { key, text: link.fallback ?? '', source: 'default' };
    }
    if (builtinText !== undefined) return { key, text: builtinText, source: 'builtin' };
    return { key, text: fieldDefaults[key] ?? '', source: 'default' };
  };

  const listenerDefaultValues = new Map<string, EffectiveValue>();
  const listenerDefault = (kind: ListenerKind, key: string, text: string): EffectiveValue => {
    const k = `${kind}\0${key}`;
    let v = listenerDefaultValues.get(k);
    if (v === undefined) listenerDefaultValues.set(k, (v = { key, text, source: 'default' }));
    return v;
  };

  const services = order.map(({ def, block }): EffectiveService => {
    const name = block?.name ?? def!.name;
    const text = (k: string): string => {
      if (!keySet.has(k)) return '';
      const w = block?.settings.get(k);
      return w !== undefined ? w.value : inheritedValue(def, name, k).text;
    };
    // `values` (one object per setting) is built when first read: the checks use text()
    let valuesCache: Record<string, EffectiveValue> | null = null;
    const buildValues = (): Record<string, EffectiveValue> => {
      const values: Record<string, EffectiveValue> = {};
      for (const key of keys) {
        const w = block?.settings.get(key);
        values[key] = w !== undefined ? { key, text: w.value, source: 'service', at: w.at } : inheritedValue(def, name, key);
      }
      return values;
    };
    if (block !== undefined && version === '2.4') {
      for (const [key, w] of block.settings) {
        if (NUMERIC_KEYS_24.has(key) && unevaluable(w.value)) checksSkipped = true;
      }
    }

    const type = text('type');
    const protocol = text('protocol');
    let processLimit: number;
    let clientLimit: number;
    let clientLimitRaw: number;
    let restartCount: number;
    let vszLimit: number | null;
    let idleKill: number | null;
    if (version === '2.3') {
      const pl = num(text('process_limit'), 'uint');
      processLimit = pl === 0 ? num(globals['default_process_limit']!.text, 'uint') : pl;
      clientLimitRaw = num(text('client_limit'), 'uint');
      clientLimit = clientLimitRaw === 0 ? num(globals['default_client_limit']!.text, 'uint') : clientLimitRaw;
      restartCount = num(text('service_count'), 'uint');
      const vt = text('vsz_limit');
      const vsz = num(vt, 'size');
      const unset = vt === SERVICE_FIELD_DEFAULTS_23['vsz_limit'] || vsz >= SIZE_MAX_NUMBER;
      const eff = unset ? num(globals['default_vsz_limit']!.text, 'size') : vsz;
      vszLimit = eff === 0 ? null : eff;
      const ik = num(text('idle_kill'), 'time');
      const ikEff = ik === 0 ? num(globals['default_idle_kill']!.text, 'time') : ik;
      idleKill = ikEff >= UINT_MAX ? null : ikEff;
    } else {
      processLimit = num(text('process_limit'), 'uint');
      clientLimit = num(text('client_limit'), 'uint');
      clientLimitRaw = clientLimit;
      restartCount = num(text('restart_request_count'), 'uint');
      const vsz = num(text('vsz_limit'), 'size');
      vszLimit = vsz >= SIZE_MAX_NUMBER ? null : vsz;
      const ik = num(text('idle_kill_interval'), 'time');
      idleKill = ik >= UINT_MAX ? null : ik;
    }
    const capped = restartCount > 0 && restartCount < clientLimit ? restartCount : clientLimit;
    const enabled = protocol === '' || protocols.has(protocol);

    const listeners: EffectiveListener[] = [];
    const seen = new Set<string>();
    const addListener = (kind: ListenerKind, lname: string, builtinSettings: Readonly<Record<string, string>> | undefined, mapKey = `${kind} ${lname}`): void => {
      seen.add(mapKey);
      const lb = block?.listeners.get(mapKey);
      const base = listenerDefaults[kind];
      const hist = (key: string): ConfigVersionChange | undefined => (history.length === 0 ? undefined
        : history.find((h) => h.service === name && h.listener?.kind === kind && h.listener.name === lname && h.key === key));
      const lvalue = (key: string): EffectiveValue => {
        const w = lb?.settings.get(key);
        if (w !== undefined) return { key, text: w.value, source: 'service', at: w.at };
        const h = hist(key);
        if (h !== undefined) return { key, text: h.value, source: 'history', sourceKey: 'dovecot_config_version' };
        if (builtinSettings?.[key] !== undefined) return { key, text: builtinSettings[key]!, source: 'builtin' };
        if (key === 'path' || key === 'name') return { key, text: lb?.name ?? lname, source: lb ? 'service' : 'builtin' };
        return listenerDefault(kind, key, base[key] ?? '');
      };
      const ltext = (key: string): string => {
        const w = lb?.settings.get(key);
        if (w !== undefined) return w.value;
        const h = hist(key);
        if (h !== undefined) return h.value;
        if (builtinSettings?.[key] !== undefined) return builtinSettings[key]!;
        if (key === 'path' || key === 'name') return lb?.name ?? lname;
        return base[key] ?? '';
      };
      let lvalsCache: Record<string, EffectiveValue> | null = null;
      const buildLvals = (): Record<string, EffectiveValue> => {
        const lvals: Record<string, EffectiveValue> = {};
        for (const key of Object.keys(base)) lvals[key] = lvalue(key);
        if (lb !== undefined) for (const key of lb.settings.keys()) if (!(key in base)) lvals[key] = lvalue(key);
        return lvals;
      };
      const disabled = kind === 'inet_listener' ? isZeroPort(ltext('port')) : isZeroMode(ltext('mode'), version);
      listeners.push({
        kind, name: lname, builtin: builtinSettings !== undefined, written: lb !== undefined,
        get values(): Record<string, EffectiveValue> {
          return (lvalsCache ??= buildLvals());
        },
        ...(lb ? { at: lb.at } : {}),
        connType: listenerConnType(kind, lname, ltext('type')),
        disabled,
        valueText: (key) => (key in base || lb?.settings.has(key) ? ltext(key) : ''),
      });
    };
    for (const l of def?.listeners ?? []) addListener(l.kind, l.name, l.settings);
    for (const [mapKey, lb] of block?.listeners ?? []) {
      if (!seen.has(mapKey) && (version === '2.3' || lb.namedByBlock !== false)) addListener(lb.kind, lb.name, undefined, mapKey);
    }

    const pl = processLimit;
    return {
      name, builtin: def !== undefined, ...(def?.plugin ? { plugin: def.plugin } : {}),
      ...(def?.role ? { role: def.role } : {}), ...(block ? { block } : {}),
      get values(): Record<string, EffectiveValue> {
        return (valuesCache ??= buildValues());
      },
      listeners, type, protocol, enabled,
      processLimit: pl, clientLimit, clientLimitRaw, restartCount,
      processMinAvail: num(text('process_min_avail'), 'uint'),
      vszLimit, idleKill, clientsPerProcess: capped,
      maxConnections: pl * capped,
      processLimit1: (def?.processLimit1 ?? false) && name === def!.name,
      valueText: text,
    };
  });

  if (version === '2.4') {
    for (const key of Object.values(SERVICE_CHAIN_24).map((l) => l.rootKey)) {
      const w = cfg.globals.get(key);
      if (w !== undefined && unevaluable(w.value)) checksSkipped = true;
    }
  }
  return { version, services, globals, protocols: [...protocols], checksSkipped };
}

function isZeroPort(text: string): boolean {
  const r = parsePort(text);
  return r.ok && r.value === 0;
}

function isZeroMode(text: string, version: DovecotVersion): boolean {
  if (text === '0600' || text === '0660' || text === '0666') return false;
  const r = parseOctal(text, version);
  return r.ok && r.value === 0;
}

/** Expands `$default_*` / `$SET:default_*` in a built-in value for display. */
export function displayValue(text: string, resolved: ResolvedConfig): string {
  return expandBuiltin(text, resolved.globals as Record<string, EffectiveValue>);
}

/** Parses a 2.4 `listen`-style list or 2.3 comma string into addresses. */
export function addressList(text: string, version: DovecotVersion): string[] {
  return version === '2.4' ? splitBoollist(text) : text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** True when a boolean setting text means yes. */
export function isYes(text: string): boolean {
  const r = parseBool(text);
  return r.ok && r.value === 1;
}
