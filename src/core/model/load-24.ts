/**
 * How doveconf 2.4.1 applies one line (`config_parser_apply_line()` and
 * `config_apply_line_full()` in src/config/config-parser.c @ 2.4.1): services
 * and listeners are named list filters; a key inside `FILTER NAME { }` is
 * looked up as `FILTER_NAME_key`, then `FILTER_key`, then as the plain key;
 * the errors carry the key as written (`process_limit: Invalid number ...`).
 *
 * @example
 *   apply24(state, line); // 'foo: Unknown setting: foo (service_foo or service_imap_foo not found either.)'
 */
import type { ListenerKind, SettingType } from '../data/types.ts';
import { FILTER_KINDS, ROOT_FILTER, parseFilter, type FilterKind, type FilterState } from './filters.ts';
import type { Line, LoadState, OpenFrame, Scope } from './load-state.ts';
import type { WrittenSetting } from './config.ts';
import { splitBoollist } from './lists.ts';
import { SUPPORTED_CONFIG_VERSIONS_24 } from './versions.ts';
import { parseBool } from './values.ts';

const LISTENER_KINDS: readonly string[] = ['unix_listener', 'fifo_listener', 'inet_listener'];

/** A frame's own filter, built once per frame (lines are applied thousands of times). */
function ownFilter(f: OpenFrame): FilterState | null {
  let own = f.filter24;
  if (own !== undefined) return own;
  switch (f.kind) {
    case 'root':
      return ROOT_FILTER;
    case 'filter':
      return f.own ?? ROOT_FILTER;
    case 'service':
      own = { ...ROOT_FILTER, filterName: `service/${f.name}`, filterArray: true };
      break;
    case 'listener':
      own = { ...ROOT_FILTER, filterName: `${f.lkind}/${f.name}`, filterArray: true };
      break;
    case 'named24':
      own = { ...ROOT_FILTER, filterName: f.filterName, filterArray: f.array };
      break;
    default:
      return null;
  }
  f.filter24 = own;
  return own;
}

/** The filter doveconf applies the current line to (list sections share their parent's). */
export function currentFilter24(s: LoadState): { filter: FilterState; index: number } {
  for (let i = s.frames.length - 1; i >= 0; i--) {
    const own = ownFilter(s.frames[i]!);
    if (own !== null) return { filter: own, index: i };
  }
  return { filter: ROOT_FILTER, index: 0 };
}

/** `service_imap` and `service` for the filter `service/imap`; `full` is '' when no key can start with it. */
function prefixes(s: LoadState, f: FilterState): { readonly full: string; readonly base: string } {
  const name = f.filterName!.startsWith('@') ? f.filterName!.slice(1) : f.filterName!;
  const full = underscore(name);
  return { full: s.cat.isKeyPrefix(full) ? full : '', base: headOf(name) };
}

function headOf(key: string): string {
  const slash = key.indexOf('/');
  return slash === -1 ? key : key.slice(0, slash);
}

/** Does any enclosing filter restrict by protocol/IP/name, or is a named non-list filter? */
function hasNonNamedListFilter(s: LoadState, upto: number): boolean {
  for (let i = upto; i >= 1; i--) {
    const f = s.frames[i]!;
    if (f.kind === 'filter') return true;
    if (f.kind === 'named24' && !f.array) return true;
  }
  return false;
}

function underscore(filterName: string): string {
  return filterName.replace(/\//g, '_');
}

function canAutoprefix(s: LoadState, key: string): boolean {
  const k = s.cat.keyKind(headOf(key));
  return k !== undefined && k !== 'filter-name';
}

/** The `Unknown setting:` text with doveconf's hints (config_set_unknown_key_error). */
function unknownText(s: LoadState, key: string, f: FilterState): string {
  let t = `Unknown setting: ${key}`;
  if (f.filterName === null) return t;
  const base = f.filterName.split('/')[0]!;
  t += ` (${base}_${key}`;
  if (f.filterArray) t += ` or ${underscore(f.filterName)}_${key}`;
  t += ' not found either.';
  if (!f.filterArray) return `${t})`;
  const prefix = `${base}_`;
  const alt: string[] = [];
  for (const k of s.cat.allKeys()) {
    if (!k.startsWith(prefix)) continue;
    const rest = k.slice(prefix.length);
    const u = rest.indexOf('_');
    if (u !== -1 && rest.slice(u + 1) === key) alt.push(k);
  }
  if (alt.length === 0) return `${t})`;
  return alt.length === 1 ? `${t} Did you mean ${alt[0]}?)` : `${t} Did you mean one of: ${alt.join(', ')}?)`;
}

/** Which key a line sets: doveconf's lookup order inside named filters. */
function resolveKey(s: LoadState, key: string, f: FilterState, frame?: OpenFrame): string | null {
  if (f.filterName !== null) {
    const p = frame === undefined ? prefixes(s, f) : (frame.keyPrefix ??= prefixes(s, f));
    if (f.filterArray && p.full !== '') {
      const k2 = `${p.full}_${key}`;
      if (canAutoprefix(s, k2)) return k2;
    }
    // the rest depends only on the filter kind and the key: remember it
    let byKey = s.resolved24.get(p.base);
    if (byKey === undefined) s.resolved24.set(p.base, (byKey = new Map()));
    let r = byKey.get(key);
    if (r === undefined) {
      const k3 = `${p.base}_${key}`;
      r = canAutoprefix(s, k3) ? k3 : s.cat.keyKind(headOf(key)) !== undefined ? key : null;
      byKey.set(key, r);
    }
    return r;
  }
  return s.cat.keyKind(headOf(key)) !== undefined ? key : null;
}

function typeOf(s: LoadState, full: string): SettingType | 'strlist' | undefined {
  return s.cat.fullKeyType(full);
}

/** `$SET:KEY` self-references as `doveconf -n` expands them; other variables stay literal. */
function writeVariable(s: LoadState, key: string, value: string): { value: string } | { error: string } {
  let out = '';
  let i = 0;
  for (;;) {
    const space = value.indexOf(' ', i);
    const token = space === -1 ? value.slice(i) : value.slice(i, space);
    if (token.startsWith('$SET:') && token.slice(5) === key) {
      const kind = s.cat.keyKind(key);
      if (kind === undefined) return { error: `Unknown setting: ${key}` };
      if (kind !== 'setting') return { error: `Failed to expand $SET:${key}: Setting type can't be expanded to string` };
      out += s.scope.globals.get(key)?.value ?? s.cat.globalDefault(key) ?? '';
    } else out += token;
    if (space === -1) break;
    out += ' ';
    let j = space;
    while (j < value.length && /\s/.test(value[j]!)) j++;
    i = j;
  }
  return { value: out };
}

function setProtocols(s: LoadState, w: WrittenSetting, list: string[]): void {
  s.protocolsList = list;
  s.cfg.protocols = { list: [...list], at: w.at, raw: list.join(' ') };
}

/** `key = value` (also `@group = name`) in 2.4. */
export function assign24(s: LoadState, line: Line): void {
  const st = line.st;
  if (st.type !== 'assign') return;
  let value: string;
  if (st.form === 'file') value = `<${st.value}`;
  else if (st.form === 'variable') {
    const r = writeVariable(s, st.key, st.value);
    if ('error' in r) {
      s.diag('set-expand-list', r.error, line.at);
      return;
    }
    value = r.value;
  } else value = st.value;
  if (st.key.startsWith('@')) return;

  const top = s.top;
  const inList = top.kind === 'list24';
  const keyWithPath = inList ? `${top.key}/${st.key}` : st.key;
  const frameFilter = currentFilter24(s);
  let { filter } = frameFilter;
  const { index } = frameFilter;
  let key = keyWithPath;
  // path keys: service/imap/process_limit, service/imap/inet_listener/imap/port
  let svcName: string | null = null;
  let lst: { kind: ListenerKind; name: string } | null = null;
  for (;;) {
    const slash = key.indexOf('/');
    if (slash === -1) break;
    const head = key.slice(0, slash);
    const kind = s.cat.keyKind(head);
    if (kind === 'filter-array') {
      const slash2 = key.indexOf('/', slash + 1);
      if (slash2 === -1) {
        // `service/imap = x`: a plain `service` filter, key `imap`
        filter = { ...ROOT_FILTER, filterName: head, filterArray: false };
        key = key.slice(slash + 1);
        continue;
      }
      const name = key.slice(slash + 1, slash2);
      filter = { ...ROOT_FILTER, filterName: `${head}/${name}`, filterArray: true };
      if (head === 'service') svcName = name;
      else if (LISTENER_KINDS.includes(head) && svcName !== null) lst = { kind: head as ListenerKind, name };
      key = key.slice(slash2 + 1);
    } else if (kind === 'filter-name') {
      filter = { ...ROOT_FILTER, filterName: head, filterArray: false };
      key = key.slice(slash + 1);
    } else break;
  }
  let full = resolveKey(s, key, filter, filter === frameFilter.filter ? s.frames[index] : undefined);
  const fail = (msg: string, code: 'unknown-setting' | 'invalid-value' | 'setting-kind' = 'invalid-value'): void => {
    const about = svcName ?? serviceOf(top);
    s.diag(code, `${st.key}: ${msg}`, line.at, about !== null ? { services: [about] } : {});
  };
  if (full === null) {
    // the hint names the section's own filter, not a path key's (doveconf restores it first)
    fail(unknownText(s, key, frameFilter.filter), 'unknown-setting');
    return;
  }
  if (full === 'ssl' && index > 0) {
    const fid = s.frames[index]!.fid;
    const entry = fid === undefined ? undefined : s.sslIndex.get(fid);
    if (entry !== undefined) entry.ssl = value;
  }
  const named = s.frames[index]!;
  if (named.kind === 'named24' && named.required !== null && full === named.required) s.requiredSeen.add(named.filterName);
  const kind = s.cat.keyKind(headOf(full));
  // `default_process_limit { a = 1 }`: inside a section opened on a plain setting,
  // any key sets that setting (doveconf looks up only the part before '/')
  if (kind === 'setting' && full.includes('/')) full = headOf(full);
  if (kind === 'filter-array') {
    fail(value.startsWith('__') ? `Named list filter name must not begin with '__': ${value}` : `Setting is a named list filter, use '${st.key} ${value} {'`, 'setting-kind');
    return;
  }
  if (kind === 'filter-name') {
    fail(`Setting is a named filter, use '${full} {'`, 'setting-kind');
    return;
  }
  if (kind === 'strlist') {
    if (!full.includes('/') && value !== '') fail(`Setting is a string list, use '${full} {'`, 'setting-kind');
    return;
  }
  if (kind === 'boollist') {
    if (full.includes('/')) {
      if (!value.includes('%{') && !value.includes('$SET:') && !value.includes('$ENV:')) {
        const b = parseBool(value);
        if (!b.ok) {
          fail(b.error);
          return;
        }
        if (full.startsWith('protocols/') && index === 0) {
          const item = full.slice('protocols/'.length);
          const list = s.protocolsList.filter((p) => p !== item);
          if (b.value === 1) list.push(item);
          setProtocols(s, s.written('protocols', list.join(' '), line), list);
        }
      }
    } else if (index === 0 && !inList && svcName === null) {
      const w = s.written(full, value, line);
      s.rootScope.globals.set(full, w);
      if (full === 'protocols') setProtocols(s, w, splitBoollist(value));
    } else if (full === 'listen') store(s, line, svcName, lst, full, value);
    s.checkSeen('', full, index === 0 && svcName === null, hasNonNamedListFilter(s, index), line.at);
    return;
  }
  const err = s.typeError(typeOf(s, full), value, full);
  if (err !== null) {
    fail(err);
    return;
  }
  store(s, line, svcName, lst, full, value);
  s.checkSeen('', full, index === 0 && svcName === null && filter.filterName === null, hasNonNamedListFilter(s, index), line.at);
}

function serviceOf(f: OpenFrame): string | null {
  return f.kind === 'service' ? f.name : f.kind === 'listener' ? f.service : null;
}

/** Stores a resolved setting where the resolver will look for it. */
function store(s: LoadState, line: Line, pathService: string | null, pathListener: { kind: ListenerKind; name: string } | null, full: string, value: string): void {
  const top = s.top;
  const scope: Scope = top.scope;
  let svc = pathService;
  let lkind: ListenerKind | null = pathListener?.kind ?? null;
  let lname = pathListener?.name ?? '';
  if (svc === null && top.kind === 'service') svc = top.name;
  if (svc === null && top.kind === 'listener') {
    svc = top.service;
    lkind = top.lkind;
    lname = top.name;
  }
  if (svc === null) {
    if (top.kind === 'root' || (top.kind === 'list24' && s.frames.length === 2)) {
      if (full === 'dovecot_storage_version') s.cfg.storageVersion = value;
      s.rootScope.globals.set(full, s.written(full, value, line));
    }
    return;
  }
  const block = pathService === null && top.kind === 'service' && top.svc24 !== undefined ? top.svc24 : s.service(pathService !== null ? s.rootScope : scope, svc, line.at, false);
  if (lkind !== null) {
    const l = pathListener === null && top.kind === 'listener' && top.lst24 !== undefined ? top.lst24 : s.listener(block, lkind, lname, lname, line.at, false);
    const k = full.startsWith(`${lkind}_`) ? full.slice(lkind.length + 1) : full;
    l.settings.set(k, s.written(k, value, line));
    return;
  }
  if (full.startsWith('service_') && s.cat.serviceSetting(full.slice(8)) !== undefined) {
    const k = full.slice(8);
    block.settings.set(k, s.written(k, value, line));
  } else block.scoped.set(full, s.written(full, value, line));
}

/** `NAME [VALUE] {` in 2.4. */
export function sectionBegin24(s: LoadState, name: string, value: string, quoted: boolean, line: Line): void {
  sectionBegin24Inner(s, name, value, quoted, line);
  const top = s.top;
  if (top.kind === 'filter' || top.kind === 'service' || top.kind === 'listener' || top.kind === 'named24') {
    let parent = '';
    for (let i = s.frames.length - 2; i >= 0; i--) {
      const f = s.frames[i]!.fid;
      if (f !== undefined) {
        parent = f;
        break;
      }
    }
    const fid = `${parent}>${top.key} ${top.kind === 'filter' ? top.value : top.kind === 'named24' ? top.filterName : top.kind === 'service' ? top.name : top.id}`;
    top.fid = fid;
    if (!s.sslIndex.has(fid)) {
      const entry = { id: fid, ssl: null };
      s.sslIndex.set(fid, entry);
      s.sslFilters.push(entry);
    }
  }
}

function sectionBegin24Inner(s: LoadState, name: string, value: string, quoted: boolean, line: Line): void {
  const at = line.at;
  const { filter: parent } = currentFilter24(s);
  const scope = s.scope;
  let key = name;
  if (parent.filterName !== null) {
    const k2 = `${underscore(parent.filterName)}_${name}`;
    const k3 = `${parent.filterName.split('/')[0]!}_${name}`;
    if (canAutoprefix(s, k2)) key = k2;
    else if (canAutoprefix(s, k3)) key = k3;
  }
  const swallow = (): void => s.push({ kind: 'swallow', key, scope }, at);
  const error = (code: 'filter-nesting' | 'invalid-network-mask' | 'missing-section-name' | 'section-name-not-allowed' | 'section-not-allowed' | 'unknown-section', msg: string): void => {
    swallow();
    s.diag(code, msg, at);
  };
  if ((FILTER_KINDS as readonly string[]).includes(key)) {
    const r = parseFilter(parent, key as FilterKind, value, '2.4');
    if ('error' in r) {
      error(r.error.startsWith('Invalid network mask') ? 'invalid-network-mask' : 'filter-nesting', r.error);
      return;
    }
    const fs: Scope = { filter: r.filter, globals: new Map(), services: new Map(), root: false };
    s.push({ kind: 'filter', key, value, scope: fs, own: r.filter }, at);
    return;
  }
  const kind = s.cat.keyKind(key);
  if (kind === 'filter-name') {
    if (value !== '' || quoted) {
      error('section-name-not-allowed', `${key} { } must not have a section name`);
      return;
    }
    s.push({ kind: 'named24', key, filterName: key, array: false, required: s.cat.requiredSetting(key) ?? null, scope }, at);
    return;
  }
  if (kind === 'filter-array') {
    const up = s.top;
    if (up.kind === 'named24' && up.required === key) s.requiredSeen.add(up.filterName);
    const pname = parent.filterName?.split('/')[0] ?? '';
    if (key === 'namespace' && parent.filterArray && (pname === 'namespace' || pname === 'mailbox')) {
      error('section-not-allowed', `${key} { .. } not allowed under ${pname} { .. }`);
      return;
    }
    if (key === 'mailbox' && parent.filterArray && pname === 'mailbox') {
      error('section-not-allowed', `${key} { .. } not allowed under ${pname} { .. }`);
      return;
    }
    if (key === 'service' && parent.filterArray && !(parent.filterName ?? '').startsWith('@')) {
      error('section-not-allowed', `${key} { .. } not allowed under ${pname} { .. }`);
      return;
    }
    if (value === '' && !quoted) {
      error('missing-section-name', `${key} { } is missing section name`);
      return;
    }
    const top = s.top;
    if ((key === 'passdb' || key === 'userdb') && (top.kind === 'service' || top.kind === 'listener')) {
      s.cfg.filterErrors.push({
        code: 'filter-check', severity: 'error', stage: 'B', file: s.cfg.file, line: null, column: null, start: at.start, end: at.end,
        message: `Failed to get ${key} ${value}: Filter ${key}=${value} unexpectedly not found (invalid userdb or -o override settings?)`,
      });
    }
    if (key === 'service') {
      const inFilter = s.frames.length > 1;
      if (inFilter && !s.cfg.serviceInFilter) {
        s.cfg.filterErrors.push({ code: 'listen-empty', severity: 'error', stage: 'B', file: s.cfg.file, line: null, column: null, start: at.start, end: at.end, message: "listen can't be set empty" });
      }
      if (inFilter) s.cfg.serviceInFilter = true;
      const svcScope: Scope = inFilter ? { filter: parent, globals: new Map(), services: new Map(), root: false } : s.rootScope;
      const block = s.service(svcScope, value, at, !inFilter);
      s.push({ kind: 'service', key, name: value, scope: svcScope }, at);
      s.top.svc24 = block;
      return;
    }
    if (LISTENER_KINDS.includes(key) && top.kind === 'service') {
      const svc = top.svc24 ?? s.service(top.scope, top.name, at, false);
      const lblock = s.listener(svc, key as ListenerKind, value, value, at);
      s.push({ kind: 'listener', key, service: top.name, lkind: key as ListenerKind, id: value, name: value, scope: top.scope }, at);
      s.top.svc24 = svc;
      s.top.lst24 = lblock;
      return;
    }
    s.push({ kind: 'named24', key, filterName: `${key}/${value}`, array: true, required: s.cat.requiredSetting(key) ?? null, scope }, at);
    return;
  }
  if (kind === undefined) {
    error('unknown-section', `Unknown section name: ${key}`);
    return;
  }
  s.push({ kind: 'list24', key, type: kind === 'boollist' ? 'boollist' : 'strlist', scope }, at);
}

/** `}` in 2.4. */
export function sectionEnd24(s: LoadState, line: Line): void {
  if (s.frames.length === 1) {
    s.diag('unexpected-close', "Unexpected '}'", line.at);
    return;
  }
  const top = s.top;
  if (top.kind === 'named24' && top.required !== null && !s.requiredSeen.has(top.filterName)) {
    s.diag('named-filter-required', `Named filter ${top.key} is required to have ${top.required} setting, but it is missing`, line.at);
    return;
  }
  s.pop();
}

/**
 * The version lines: `dovecot_config_version` must come first, may repeat with
 * the same value, and is checked against the supported list. Returns true
 * when the line was consumed (config_parser_get_version()).
 */
export function versionLine24(s: LoadState, line: Line): boolean {
  const st = line.st;
  if (st.type === 'error') return false;
  const key = st.type === 'assign' ? st.key : st.type === 'section-open' ? st.name
    : st.type === 'section-close' ? '}' : st.type === 'include' ? (st.optional ? '!include_try' : '!include')
      : st.type === 'group-apply' ? `@${st.group}` : `@${st.group}`;
  const value = st.type === 'assign' ? st.value : st.type === 'section-open' ? st.value : '';
  if (key !== 'dovecot_config_version') {
    if (s.cfg.configVersion === null) s.diag('first-setting-not-version', 'The first setting must be dovecot_config_version', line.at);
    return false;
  }
  if (s.cfg.configVersion !== null) {
    if (s.cfg.configVersion !== value) s.diag('config-version-changed', "dovecot_config_version value can't be changed once set", line.at);
    return true;
  }
  if (st.type !== 'assign' || (st.form !== 'plain' && st.form !== 'quoted')) {
    s.diag('invalid-config-version', 'Invalid dovecot_config_version: value is not a string', line.at);
  } else if (!(SUPPORTED_CONFIG_VERSIONS_24 as readonly string[]).includes(value)) {
    s.diag('invalid-config-version', `Invalid dovecot_config_version: Currently supported versions are: ${SUPPORTED_CONFIG_VERSIONS_24.join(' ')}`, line.at);
  } else {
    s.cfg.configVersion = value;
    s.rootScope.globals.set('dovecot_config_version', s.written('dovecot_config_version', value, line));
  }
  return true;
}
