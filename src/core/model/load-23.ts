/**
 * How doveconf 2.3.19.1 applies one line (`config_parser_apply_line()` in
 * src/config/config-parser.c @ 2.3.19.1): every setting becomes a path such as
 * `service/imap-login/process_limit=5` handed to the settings parsers; a
 * section opens by applying `NAME=VALUE` (or a counter when unnamed), so a
 * plain setting can be opened as a section and nothing inside it is known.
 *
 * @example
 *   apply23(state, line); // state.cfg.errors[0]?.message === 'Unknown setting: service { foo'
 */
import type { ListenerKind } from '../data/types.ts';
import { FILTER_KINDS, parseFilter, type FilterKind } from './filters.ts';
import type { Line, LoadState, Scope } from './load-state.ts';
import type { WrittenSetting } from './config.ts';

const LISTENER_KINDS: readonly string[] = ['unix_listener', 'fifo_listener', 'inet_listener'];

/** `service { unix_listener { ` — the non-filter sections around the current line. */
export function sectionPath23(s: LoadState): string {
  return s.frames.filter((f) => f.kind !== 'root' && f.kind !== 'filter').map((f) => `${f.key} { `).join('');
}

/** doveconf's setting path of the current section (`service/imap/`). */
export function pathPrefix23(s: LoadState): string {
  return s.pathFrame.prefix;
}

function unknown(s: LoadState, key: string, line: Line, services?: readonly string[]): void {
  s.diag('unknown-setting', `Unknown setting: ${sectionPath23(s)}${key}`, line.at, services ? { services } : {});
}

/** Current value of a root setting as `$key` sees it (filter scopes first, then root, then the default). */
function currentValue(s: LoadState, key: string): string | undefined {
  for (let i = s.frames.length - 1; i >= 0; i--) {
    const f = s.frames[i]!;
    if (f.kind === 'filter' || f.kind === 'root') {
      const w = f.scope.globals.get(key);
      if (w !== undefined) return w.value;
    }
  }
  return s.cat.globalDefault(key) ?? '';
}

/**
 * `KEY = ... $VAR ...` as `doveconf -n` writes it: only `$KEY` (a reference to the
 * setting being written) is expanded; other variables stay literal until startup.
 *
 * @example expandVariables23(s, 'protocols', '$protocols imap'); // { value: ' imap' } with protocols unset
 */
export function expandVariables23(s: LoadState, key: string, value: string): { value: string } | { error: string } {
  let out = '';
  let i = 0;
  for (;;) {
    const space = value.indexOf(' ', i);
    const token = space === -1 ? value.slice(i) : value.slice(i, space);
    const name = token.startsWith('$') ? token.slice(1) : token;
    if (!token.startsWith('$') || name !== key) out += token;
    else {
      if (s.cat.globalSetting(key) === undefined) return { error: `Unknown variable: $${name}` };
      out += currentValue(s, key) ?? '';
    }
    if (space === -1) break;
    out += ' ';
    let j = space;
    while (j < value.length && (value[j] === ' ' || value[j] === '\t')) j++;
    i = j;
  }
  return { value: out };
}

/** How a `key = value` line was written (doveconf's KEYVALUE / KEYFILE / KEYVARIABLE). */
export type AssignKind = 'value' | 'file' | 'variable';

/** The value text doveconf hands to the settings parser, or an error. */
function writeValue(s: LoadState, kind: AssignKind, key: string, value: string): { value: string } | { error: string } {
  if (kind === 'file') return { value: `<${value}` };
  if (kind === 'variable') return expandVariables23(s, key, value);
  return { value };
}

function setProtocols(s: LoadState, scope: Scope, w: WrittenSetting): void {
  if (!scope.root) return;
  const words = w.value.split(' ').filter((x) => x !== '');
  s.cfg.protocols = { list: words.length === 1 && words[0] === 'none' ? [] : words, at: w.at, raw: w.value };
}

/** Applies `key = value` at the root of a scope (a global, or a `service/...` path key). */
export function applyRoot23(s: LoadState, scope: Scope, key: string, value: string, line: Line): void {
  if (key === '') {
    s.diag('unknown-setting', "Missing key name ('=' at the beginning of line)", line.at);
    return;
  }
  if (key.includes('/')) {
    applyPath23(s, scope, key, value, line);
    return;
  }
  const type = s.cat.globalSetting(key);
  if (type === undefined) {
    unknown(s, key, line);
    return;
  }
  const err = s.typeError(type, value, key);
  if (err !== null) {
    s.diag('invalid-value', err, line.at);
    return;
  }
  const w = s.written(key, value, line);
  scope.globals.set(key, w);
  if (key === 'protocols') setProtocols(s, scope, w);
}

/** `service/NAME/KEY` and `service/NAME/KIND/LISTENER/KEY` (also used by the obsolete-settings rewrites). */
export function applyPath23(s: LoadState, scope: Scope, key: string, value: string, line: Line): boolean {
  const parts = key.split('/');
  const last = parts[parts.length - 1]!;
  const fail = (): boolean => {
    unknown(s, key, line);
    return false;
  };
  if (parts[0] !== 'service') {
    const kind = s.cat.rootSection(parts[0]!);
    if (kind === undefined || kind === 'filter' || parts.length < 3) return fail();
    const keys = s.cat.sectionKeys(parts[0]!);
    if (keys !== undefined && parts.length === 3 && !keys.has(last)) return fail();
    return true;
  }
  if (parts.length < 3 || parts[1] === '' || !s.hasService(scope, parts[1]!)) return fail();
  const svc = s.service(scope, parts[1]!, line.at, false);
  if (parts.length === 3) {
    const def = s.cat.serviceSetting(last);
    if (def === undefined) return fail();
    const err = s.typeError(def.type, value);
    if (err !== null) {
      s.diag('invalid-value', err, line.at, { services: [svc.name] });
      return false;
    }
    svc.settings.set(last, s.written(last, value, line));
    return true;
  }
  const kind = parts[2]!;
  if (!LISTENER_KINDS.includes(kind) || parts.length < 5) return fail();
  const lname = parts.slice(3, -1).join('/');
  const def = s.cat.listenerSetting(kind as ListenerKind, last);
  if (def === undefined || !s.hasListener(svc, kind as ListenerKind, lname)) return fail();
  const lst = s.listener(svc, kind as ListenerKind, lname, lname, line.at, false);
  const err = s.typeError(def.type, value);
  if (err !== null) {
    s.diag('invalid-value', err, line.at, { services: [svc.name] });
    return false;
  }
  lst.settings.set(last, s.written(last, value, line));
  return true;
}

/** `key = value` in whatever section is open. */
export function assign23(s: LoadState, line: Line): void {
  const st = line.st;
  if (st.type !== 'assign') return;
  applyAssign23(s, st.form === 'file' ? 'file' : st.form === 'variable' ? 'variable' : 'value', st.key, st.value, line);
}

/** doveconf's config_parser_apply_line() for a KEYVALUE/KEYFILE/KEYVARIABLE line. */
export function applyAssign23(s: LoadState, kind: AssignKind, key: string, rawValue: string, line: Line): void {
  if (s.frames.length === 1) {
    // a root path key (`service/imap/process_limit`) matches what a block recorded
    const slash = key.lastIndexOf('/');
    s.checkSeen(key.slice(0, slash + 1), key.slice(slash + 1), true, true, line.at);
  } else s.checkSeen(pathPrefix23(s), key, false, true, line.at);
  const written = writeValue(s, kind, key, rawValue);
  if ('error' in written) {
    s.diag('unknown-variable', written.error, line.at);
    return;
  }
  const value = written.value;
  const pf = s.pathFrame;
  const scope = s.scope;
  switch (pf.kind) {
    case 'root':
    case 'filter':
      applyRoot23(s, scope, key, value, line);
      return;
    case 'service': {
      const svc = s.service(scope, pf.name, line.at, false);
      const def = s.cat.serviceSetting(key);
      if (def === undefined) {
        unknown(s, key, line, [svc.name]);
        return;
      }
      const err = s.typeError(def.type, value);
      if (err !== null) s.diag('invalid-value', err, line.at, { services: [svc.name] });
      else svc.settings.set(key, s.written(key, value, line));
      return;
    }
    case 'listener': {
      const svc = s.service(scope, pf.service, line.at, false);
      const lst = s.listener(svc, pf.lkind, pf.id, pf.name, line.at, false);
      const def = s.cat.listenerSetting(pf.lkind, key);
      if (def === undefined) {
        unknown(s, key, line, [svc.name]);
        return;
      }
      const err = s.typeError(def.type, value);
      if (err !== null) s.diag('invalid-value', err, line.at, { services: [svc.name] });
      else lst.settings.set(key, s.written(key, value, line));
      return;
    }
    case 'section23':
      if (pf.keys !== undefined && !pf.keys.has(key)) unknown(s, key, line);
      return;
    case 'plain23':
      unknown(s, key, line);
      return;
    default:
      return;
  }
}

/**
 * `NAME [VALUE] {`. The frame is pushed first (doveconf's messages include the
 * new section), then `NAME=VALUE` is applied at the parent's path.
 */
export function sectionBegin23(s: LoadState, name: string, value: string, line: Line): void {
  const at = line.at;
  const scope = s.scope;
  const parentPrefix = pathPrefix23(s);
  if ((FILTER_KINDS as readonly string[]).includes(name)) {
    const r = parseFilter(scope.filter, name as FilterKind, value, '2.3');
    if ('error' in r) {
      s.push({ kind: 'swallow', key: name, scope }, at);
      s.diag('filter-nesting', r.error, at);
      return;
    }
    const fs = s.filterScope(r.filter, at);
    s.push({ kind: 'filter', key: name, value, scope: fs }, at, parentPrefix);
    return;
  }
  const id = value === '' ? String(s.sectionCounter++) : value;
  const prefix = `${parentPrefix}${name}/${id}/`;
  const pf = s.pathFrame;
  const swallow = (): void => s.push({ kind: 'swallow', key: name, scope }, at, prefix);
  if (pf.kind === 'root' || pf.kind === 'filter') {
    if (name === 'service') {
      let svcName = value;
      if (svcName === '') svcName = `\u0000unnamed-${s.cfg.unnamedServices++}`;
      s.service(scope, svcName, at, scope.root);
      s.push({ kind: 'service', key: name, name: svcName, scope }, at, prefix);
      return;
    }
    const kind = s.cat.rootSection(name);
    if (kind !== undefined && kind !== 'filter') {
      s.push({ kind: 'section23', key: name, keys: kind === 'strlist' ? undefined : s.cat.sectionKeys(name), sub: false, scope }, at, prefix);
      return;
    }
    const type = s.cat.globalSetting(name);
    if (type !== undefined) {
      s.push({ kind: 'plain23', key: name, scope }, at, prefix);
      const err = s.typeError(type, id, name);
      if (err !== null) s.diag('invalid-value', err, at);
      else {
        const w: WrittenSetting = { key: name, value: id, raw: value, form: 'plain', at };
        scope.globals.set(name, w);
        if (name === 'protocols') setProtocols(s, scope, w);
      }
      return;
    }
    swallow();
    unknown(s, name, line);
    return;
  }
  if (pf.kind === 'service' && LISTENER_KINDS.includes(name)) {
    const svc = s.service(scope, pf.name, at, false);
    // an unnamed listener is keyed by the section counter; its path stays empty
    const lid = value === '' ? `#${id}` : value;
    s.listener(svc, name as ListenerKind, lid, value, at);
    s.push({ kind: 'listener', key: name, service: pf.name, lkind: name as ListenerKind, id: lid, name: value, scope }, at, prefix);
    return;
  }
  if (pf.kind === 'section23') {
    s.push({ kind: 'section23', key: name, keys: undefined, sub: true, scope }, at, prefix);
    return;
  }
  swallow();
  if (pf.kind !== 'swallow') unknown(s, name, line);
}

/** `}`. */
export function sectionEnd23(s: LoadState, line: Line): void {
  if (s.frames.length === 1) {
    s.diag('unexpected-close', "Unexpected '}'", line.at);
    return;
  }
  s.pop();
}
