/**
 * Stage 4: syntax trees → `LoadedConfig`, applying each statement the way
 * doveconf's config parser does for the chosen version (syntax.md, validation.md
 * stage A): includes, filters, service and listener blocks merged by name,
 * path keys, value types, and doveconf's own message for every refusal.
 * doveconf stops at the first error; the loader keeps going so the editor can
 * show everything, and `errors[0]` is doveconf's verdict.
 *
 * @example
 *   const cfg = loadConfig({ path: 'd.conf', text: 'foo = 1\n' }, { version: '2.3' });
 *   cfg.errors[0]?.message; // "Unknown setting: foo"
 */
import type { DovecotVersion, ListenerKind, SettingType } from '../data/types.ts';
import { parseConfig, positionAt, type AssignNode, type ConfigNode, type SectionNode } from '../syntax/parse.ts';
import { catalogFor, type VersionCatalog } from './catalog.ts';
import type {
  Diagnostic, DiagnosticCode, ListenerBlock, LoadedConfig, ServiceBlock, SourceRef, WrittenSetting,
} from './config.ts';
import { parseValue } from './values.ts';
import { checkFilterNesting, type FilterKind, FILTER_KINDS } from './filters.ts';
import { splitBoollist } from './lists.ts';

/** Reads files for `!include`; absent in the browser. */
export interface FileAccess {
  /** Paths matching a glob pattern, in glob(3) order ([] when none), or null when unknowable. */
  glob(pattern: string): readonly string[] | null;
  /** File text, or an error text (`No such file or directory`). */
  read(path: string): { readonly text: string } | { readonly error: string };
}

/** Options of `loadConfig`. */
export interface LoadOptions {
  readonly version: DovecotVersion;
  readonly files?: FileAccess;
}

/** The 2.4.1 binary's list of accepted `dovecot_config_version` values. */
export const SUPPORTED_CONFIG_VERSIONS_24 = ['2.4.0', '2.4.1', '2.4.2', '2.4.3', '2.4.4'] as const;

const LISTENER_KINDS: readonly ListenerKind[] = ['unix_listener', 'fifo_listener', 'inet_listener'];

type Frame =
  | { readonly kind: 'root' }
  | { readonly kind: 'filter'; readonly filter: FilterKind; readonly value: string }
  | { readonly kind: 'service'; readonly svc: ServiceBlock }
  | { readonly kind: 'listener'; readonly svc: ServiceBlock; readonly lst: ListenerBlock }
  | { readonly kind: 'boollist'; readonly key: string }
  | { readonly kind: 'opaque'; readonly name: string; readonly value: string; readonly strict: boolean }
  | { readonly kind: 'swallow' };

interface FileCtx {
  readonly path: string;
  readonly text: string;
  readonly starts: number[];
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Joins a relative include pattern to the including file's folder, as Dovecot does. */
export function includePath(pattern: string, includingFile: string): string {
  if (pattern.startsWith('/')) return pattern;
  const slash = includingFile.lastIndexOf('/');
  return slash === -1 ? pattern : `${includingFile.slice(0, slash)}/${pattern}`;
}

class Loader {
  readonly cat: VersionCatalog;
  readonly cfg: LoadedConfig;
  readonly frames: Frame[] = [{ kind: 'root' }];
  /** Section type names for 2.3 messages (`service { unix_listener { `). */
  readonly path23: string[] = [];
  readonly includeStack: string[] = [];
  sawFirstSetting = false;
  unnamedListeners = 0;
  protocolsList: string[] = [];

  constructor(readonly version: DovecotVersion, readonly files: FileAccess | undefined, main: string) {
    this.cat = catalogFor(version);
    this.cfg = {
      version, file: main, globals: new Map(), services: new Map(),
      protocols: { list: [], at: null, raw: null },
      configVersion: null, storageVersion: null,
      errors: [], warnings: [], unresolvedIncludes: [], files: [],
      serviceInFilter: false, unnamedServices: 0,
    };
  }

  ref(f: FileCtx, start: number, end: number): SourceRef {
    const p = positionAt(f.starts, start);
    return { file: f.path, line: p.line, column: p.column, start, end };
  }

  diag(code: DiagnosticCode, message: string, at: SourceRef | null, opts: { line?: number | null; severity?: Diagnostic['severity']; services?: string[] } = {}): void {
    const d: Diagnostic = {
      code, message, severity: opts.severity ?? 'error', stage: 'A',
      file: at?.file ?? this.cfg.file,
      line: opts.line !== undefined ? opts.line : at?.line ?? null,
      column: at?.column ?? null,
      ...(at ? { start: at.start, end: at.end } : {}),
      ...(opts.services ? { services: opts.services } : {}),
    };
    if (d.severity === 'error') this.cfg.errors.push(d);
    else this.cfg.warnings.push(d);
  }

  get top(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  // ---------- files ----------

  loadFile(path: string, text: string): void {
    const f: FileCtx = { path, text, starts: lineStarts(text) };
    this.cfg.files.push(path);
    this.includeStack.push(path);
    const { doc, problems } = parseConfig(text, this.version);
    for (const p of problems) {
      if (p.code === 'ambiguous-hash') {
        this.cfg.warnings.push({
          code: 'ambiguous-hash', severity: 'warning', stage: 'A',
          message: `Configuration file ${path} line ${p.line}: ${p.message}`,
          file: path, line: p.line, column: p.column, start: p.offset, end: p.offset + 1,
        });
      }
    }
    const frameDepth = this.frames.length;
    this.walk(f, doc.children);
    const missing = problems.find((p) => p.code === 'missing-close');
    if (missing !== undefined) {
      this.diag('missing-close', `Missing '}' (section started at ${path}:${missing.sectionLine ?? 0})`,
        this.ref(f, missing.offset, missing.offset), { line: null });
    }
    this.frames.length = Math.min(this.frames.length, frameDepth);
    this.includeStack.pop();
  }

  walk(f: FileCtx, nodes: readonly ConfigNode[]): void {
    for (const n of nodes) {
      switch (n.kind) {
        case 'trivia':
          break;
        case 'error': {
          const code = n.code;
          this.diag(code, n.message, { ...this.ref(f, n.span.start, n.span.end), line: n.lastLine });
          if (code === 'unexpected-close' && this.frames.length > 1) this.popFrame();
          break;
        }
        case 'assign':
          this.assign(f, n);
          break;
        case 'section':
          this.section(f, n);
          break;
        case 'include':
          this.include(f, n.pattern, n.optional, this.ref(f, n.span.start, n.span.end), n.lastLine);
          break;
        case 'group-apply':
          this.firstSetting(f, n.lastLine, this.ref(f, n.span.start, n.span.end));
          break;
      }
    }
  }

  include(f: FileCtx, pattern: string, optional: boolean, at: SourceRef, line: number): void {
    this.firstSetting(f, line, at);
    const full = includePath(pattern, f.path);
    const matches = this.files?.glob(full) ?? null;
    if (matches === null) {
      this.cfg.unresolvedIncludes.push({
        code: 'include-unresolved', severity: 'info', stage: 'app', file: f.path, line, column: at.column,
        start: at.start, end: at.end,
        message: `${optional ? '!include_try' : '!include'} ${pattern} was not resolved here; the line is kept as written`,
      });
      return;
    }
    if (matches.length === 0) {
      if (!optional) this.diag('include-no-matches', 'No matches', { ...at, line });
      return;
    }
    for (const m of matches) {
      if (this.includeStack.includes(m)) {
        this.diag('include-recursive', `Recursive include file: ${m}`, { ...at, line });
        continue;
      }
      const r = this.files!.read(m);
      if ('error' in r) {
        if (!optional) this.diag('include-open-failed', `Couldn't open include file ${m}: ${r.error}`, { ...at, line });
        continue;
      }
      this.loadFile(m, r.text);
    }
  }

  /** 2.4: the first setting must be dovecot_config_version. */
  firstSetting(f: FileCtx, line: number, at: SourceRef, key?: string): boolean {
    if (this.version !== '2.4' || this.sawFirstSetting) return true;
    this.sawFirstSetting = true;
    if (key === 'dovecot_config_version') return true;
    this.diag('first-setting-not-version', 'The first setting must be dovecot_config_version', { ...at, line });
    void f;
    return false;
  }

  popFrame(): void {
    const fr = this.frames.pop();
    if (fr && (fr.kind === 'service' || fr.kind === 'listener' || fr.kind === 'opaque' || fr.kind === 'boollist' || fr.kind === 'swallow')) {
      this.path23.pop();
    }
  }

  // ---------- settings ----------

  msgUnknown(key: string, shownKey: string): string {
    if (this.version === '2.3') return `Unknown setting: ${this.path23.map((p) => `${p} { `).join('')}${shownKey}`;
    return `${key}: Unknown setting: ${shownKey}`;
  }

  /** Checks a typed value; returns the error text (with the 2.4 key prefix) or null. */
  typeError(key: string, type: SettingType | 'strlist', w: WrittenSetting): string | null {
    if (type === 'strlist' || type === 'string' || type === 'enum' || type === 'boollist') return null;
    let value = w.value;
    if (w.form === 'file') value = `<${w.value}`;
    if (this.version === '2.4') {
      if (value.includes('%{') || value.includes('$SET:') || value.includes('$ENV:')) return null;
    }
    const r = parseValue(type, value, this.version);
    if (r.ok) return null;
    return this.version === '2.4' ? `${key}: ${r.error}` : r.error;
  }

  written(f: FileCtx, n: AssignNode, key: string, value: string): WrittenSetting {
    return { key, value, raw: n.raw, form: n.form, at: { ...this.ref(f, n.span.start, n.span.end), line: n.lastLine } };
  }

  /** 2.3 `$name` self-reference expansion (the only expansion `doveconf -n` does). */
  expand23(key: string, n: AssignNode, current: string | undefined): string {
    if (n.form !== 'variable') return n.value;
    const tokens = n.value.split(/[ \t]+/);
    if (!tokens.includes(`$${key}`)) return n.value;
    return tokens.map((t) => (t === `$${key}` ? current ?? '' : t)).join(' ');
  }

  assign(f: FileCtx, n: AssignNode): void {
    const at = { ...this.ref(f, n.span.start, n.span.end), line: n.lastLine };
    if (!this.firstSetting(f, n.lastLine, at, this.frames.length === 1 ? n.key : undefined)) return;
    const fr = this.top;
    switch (fr.kind) {
      case 'root':
      case 'filter':
        this.globalAssign(f, n, fr.kind === 'filter');
        return;
      case 'service':
        this.serviceAssign(f, n, fr.svc);
        return;
      case 'listener':
        this.listenerAssign(f, n, fr.svc, fr.lst);
        return;
      case 'boollist': {
        const w = this.written(f, n, n.key, n.value);
        const r = parseValue('bool', n.value, this.version);
        if (!r.ok) {
          this.diag('invalid-value', `${n.key}: ${r.error}`, at);
          return;
        }
        if (fr.key === 'protocols') {
          this.protocolsList = this.protocolsList.filter((p) => p !== n.key);
          if (r.value === 1) this.protocolsList.push(n.key);
          this.cfg.protocols = { list: [...this.protocolsList], at: w.at, raw: this.protocolsList.join(' ') };
        }
        return;
      }
      case 'opaque':
        if (fr.strict) {
          const keys = this.cat.sectionKeys(fr.name);
          if (keys !== undefined && !keys.has(n.key)) {
            this.diag('unknown-setting', this.version === '2.3'
              ? this.msgUnknown(n.key, n.key)
              : `${n.key}: Unknown setting: ${n.key} (${fr.name}_${n.key} or ${fr.name}_${fr.value}_${n.key} not found either.)`, at);
          }
        }
        return;
      case 'swallow':
        return;
    }
  }

  globalAssign(f: FileCtx, n: AssignNode, inFilter: boolean): void {
    const at = { ...this.ref(f, n.span.start, n.span.end), line: n.lastLine };
    const key = n.key;
    if (key.includes('/')) {
      this.pathAssign(f, n);
      return;
    }
    if (this.version === '2.4' && !inFilter) {
      if (key === 'dovecot_config_version') {
        if (!(SUPPORTED_CONFIG_VERSIONS_24 as readonly string[]).includes(n.value)) {
          this.diag('invalid-config-version',
            `Invalid dovecot_config_version: Currently supported versions are: ${SUPPORTED_CONFIG_VERSIONS_24.join(' ')}`, at);
          return;
        }
        if (this.cfg.configVersion !== null && this.cfg.configVersion !== n.value) {
          this.diag('config-version-changed', "dovecot_config_version value can't be changed once set", at);
          return;
        }
        this.cfg.configVersion = n.value;
        this.cfg.globals.set(key, this.written(f, n, key, n.value));
        return;
      }
      if (key === 'dovecot_storage_version') {
        this.cfg.storageVersion = n.value;
        this.cfg.globals.set(key, this.written(f, n, key, n.value));
        return;
      }
      const svcKey = key.startsWith('service_') ? this.cat.serviceSetting(key.slice('service_'.length)) : undefined;
      if (svcKey !== undefined && this.cat.globalSetting(key) === undefined) {
        const w = this.written(f, n, key, n.value);
        const err = this.typeError(key, svcKey.type, w);
        if (err !== null) this.diag('invalid-value', err, at);
        else this.cfg.globals.set(key, w);
        return;
      }
    }
    const type = this.cat.globalSetting(key);
    if (type === undefined) {
      this.diag('unknown-setting', this.msgUnknown(key, key), at);
      return;
    }
    if (key === 'protocols') {
      this.protocolsAssign(f, n, inFilter);
      return;
    }
    const value = this.version === '2.3' ? this.expand23(key, n, this.cfg.globals.get(key)?.value) : n.value;
    const w = this.written(f, n, key, value);
    if (this.version === '2.4' && n.form === 'variable' && n.value.split(/\s+/).includes(`$SET:${key}`) && type === 'boollist') {
      this.diag('set-expand-list', `Failed to expand $SET:${key}: Setting type can't be expanded to string`, at);
      return;
    }
    const err = this.typeError(key, type, w);
    if (err !== null) {
      this.diag('invalid-value', err, at);
      return;
    }
    if (!inFilter) this.cfg.globals.set(key, w);
  }

  protocolsAssign(f: FileCtx, n: AssignNode, inFilter: boolean): void {
    const at = { ...this.ref(f, n.span.start, n.span.end), line: n.lastLine };
    if (this.version === '2.4') {
      if (n.form === 'variable' && /(^|[\s,])\$SET:protocols($|[\s,])/.test(n.value)) {
        this.diag('set-expand-list', "Failed to expand $SET:protocols: Setting type can't be expanded to string", at);
        return;
      }
      if (inFilter) return;
      this.protocolsList = splitBoollist(n.value);
      this.cfg.protocols = { list: [...this.protocolsList], at, raw: n.value };
      this.cfg.globals.set('protocols', this.written(f, n, 'protocols', n.value));
      return;
    }
    const value = this.expand23('protocols', n, this.cfg.globals.get('protocols')?.value ?? '');
    if (inFilter) return;
    const words = value.split(' ').filter((w) => w !== '');
    const list = words.length === 1 && words[0] === 'none' ? [] : words;
    this.cfg.protocols = { list, at, raw: value };
    this.cfg.globals.set('protocols', this.written(f, n, 'protocols', value));
  }

  /** `service/NAME/KEY = v` and `service/NAME/KIND/LISTENER/KEY = v`. */
  pathAssign(f: FileCtx, n: AssignNode): void {
    const at = { ...this.ref(f, n.span.start, n.span.end), line: n.lastLine };
    const parts = n.key.split('/');
    const last = parts[parts.length - 1]!;
    const unknown = (): void => {
      this.diag('unknown-setting', this.version === '2.3' ? `Unknown setting: ${n.key}` : `${n.key}: Unknown setting: ${last}`, at);
    };
    if (parts[0] !== 'service' || parts.length < 3 || parts[1] === '') {
      unknown();
      return;
    }
    const svc = this.getService(parts[1]!, at, false);
    if (parts.length === 3) {
      const def = this.cat.serviceSetting(last);
      if (def === undefined) {
        unknown();
        return;
      }
      const w = this.written(f, n, last, n.value);
      const err = this.typeError(last, def.type, w);
      if (err !== null) this.diag('invalid-value', err, at);
      else svc.settings.set(last, w);
      return;
    }
    const kind = parts[2] as ListenerKind;
    if (!LISTENER_KINDS.includes(kind) || parts.length < 5) {
      unknown();
      return;
    }
    const lname = parts.slice(3, -1).join('/');
    const def = this.cat.listenerSetting(kind, last);
    if (def === undefined) {
      unknown();
      return;
    }
    const lst = this.getListener(svc, kind, lname, at);
    const w = this.written(f, n, last, n.value);
    const err = this.typeError(last, def.type, w);
    if (err !== null) this.diag('invalid-value', err, at);
    else lst.settings.set(last, w);
  }

  serviceAssign(f: FileCtx, n: AssignNode, svc: ServiceBlock): void {
    const at = { ...this.ref(f, n.span.start, n.span.end), line: n.lastLine };
    const def = this.cat.serviceSetting(n.key);
    if (def !== undefined) {
      const w = this.written(f, n, n.key, n.value);
      const err = this.typeError(n.key, def.type, w);
      if (err !== null) this.diag('invalid-value', err, at, { services: [svc.name] });
      else svc.settings.set(n.key, w);
      return;
    }
    if (this.version === '2.4') {
      const gtype = this.cat.globalSetting(n.key);
      if (gtype !== undefined) {
        const w = this.written(f, n, n.key, n.value);
        const err = this.typeError(n.key, gtype, w);
        if (err !== null) this.diag('invalid-value', err, at, { services: [svc.name] });
        else svc.scoped.set(n.key, w);
        return;
      }
      this.diag('unknown-setting',
        `${n.key}: Unknown setting: ${n.key} (service_${n.key} or service_${svc.name}_${n.key} not found either.)`, at,
        { services: [svc.name] });
      return;
    }
    this.diag('unknown-setting', this.msgUnknown(n.key, n.key), at, { services: [svc.name] });
  }

  listenerAssign(f: FileCtx, n: AssignNode, svc: ServiceBlock, lst: ListenerBlock): void {
    const at = { ...this.ref(f, n.span.start, n.span.end), line: n.lastLine };
    const def = this.cat.listenerSetting(lst.kind, n.key);
    if (def !== undefined) {
      const w = this.written(f, n, n.key, n.value);
      const err = this.typeError(n.key, def.type, w);
      if (err !== null) this.diag('invalid-value', err, at, { services: [svc.name] });
      else lst.settings.set(n.key, w);
      return;
    }
    if (this.version === '2.4') {
      const gtype = this.cat.globalSetting(n.key);
      if (gtype !== undefined) {
        const w = this.written(f, n, n.key, n.value);
        const err = this.typeError(n.key, gtype, w);
        if (err !== null) this.diag('invalid-value', err, at, { services: [svc.name] });
        else lst.settings.set(n.key, w);
        return;
      }
      this.diag('unknown-setting',
        `${n.key}: Unknown setting: ${n.key} (${lst.kind}_${n.key} or ${lst.kind}_${lst.name}_${n.key} not found either.)`, at,
        { services: [svc.name] });
      return;
    }
    this.diag('unknown-setting', this.msgUnknown(n.key, n.key), at, { services: [svc.name] });
  }

  // ---------- sections ----------

  getService(name: string, at: SourceRef, byBlock: boolean): ServiceBlock {
    let svc = this.cfg.services.get(name);
    if (svc === undefined) {
      svc = {
        name, at, namedByBlock: byBlock, inFilter: false,
        settings: new Map(), listeners: new Map(), scoped: new Map(),
      };
      this.cfg.services.set(name, svc);
    } else if (byBlock) {
      svc.namedByBlock = true;
    }
    return svc;
  }

  getListener(svc: ServiceBlock, kind: ListenerKind, name: string, at: SourceRef): ListenerBlock {
    const id = `${kind} ${name}`;
    let lst = svc.listeners.get(id);
    if (lst === undefined) {
      lst = { kind, name, at, settings: new Map() };
      svc.listeners.set(id, lst);
    }
    return lst;
  }

  push(fr: Frame, pathName: string | null): void {
    this.frames.push(fr);
    if (pathName !== null) this.path23.push(pathName);
  }

  section(f: FileCtx, n: SectionNode): void {
    const at = { ...this.ref(f, n.openSpan.start, n.openSpan.end), line: n.lastLine };
    const depth = this.frames.length;
    if (this.firstSetting(f, n.lastLine, at)) this.openSection(f, n, at);
    else this.push({ kind: 'swallow' }, n.name);
    this.walk(f, n.children);
    if (n.close !== null) {
      while (this.frames.length > depth) this.popFrame();
    }
  }

  openSection(f: FileCtx, n: SectionNode, at: SourceRef): void {
    const fr = this.top;
    const v24 = this.version === '2.4';
    const name = n.name;
    const swallow = (): void => this.push({ kind: 'swallow' }, name);

    if ((FILTER_KINDS as readonly string[]).includes(name) && fr.kind !== 'service' && fr.kind !== 'listener') {
      const parents = this.frames.filter((x): x is Extract<Frame, { kind: 'filter' }> => x.kind === 'filter');
      const problem = checkFilterNesting(parents.map((p) => ({ kind: p.filter, value: p.value })), name as FilterKind, n.value);
      if (problem !== null) {
        this.diag(problem.code, problem.message, at);
        swallow();
        return;
      }
      this.frames.push({ kind: 'filter', filter: name as FilterKind, value: n.value });
      return;
    }

    if (fr.kind === 'service') {
      if ((LISTENER_KINDS as readonly string[]).includes(name)) {
        const kind = name as ListenerKind;
        let lname = n.value;
        if (lname === '') {
          if (v24) {
            this.diag('missing-section-name', `${kind} { } is missing section name`, at, { services: [fr.svc.name] });
            swallow();
            return;
          }
          // 2.3 names an unnamed listener with a counter
          lname = `#${this.unnamedListeners++}`;
        }
        const lst = this.getListener(fr.svc, kind, lname, at);
        this.push({ kind: 'listener', svc: fr.svc, lst }, name);
        return;
      }
      if (name === 'service') {
        this.diag('section-not-allowed', v24 ? 'service { .. } not allowed under service { .. }' : this.msgUnknownSection(name), at);
        swallow();
        return;
      }
      if (v24 && this.cat.rootSection(name) !== undefined) {
        this.push({ kind: 'opaque', name, value: n.value, strict: false }, name);
        return;
      }
      this.unknownSection(name, at);
      swallow();
      return;
    }
    if (fr.kind === 'listener' || fr.kind === 'boollist') {
      if (v24 && fr.kind === 'listener' && this.cat.rootSection(name) !== undefined) {
        this.push({ kind: 'opaque', name, value: n.value, strict: false }, name);
        return;
      }
      this.unknownSection(name, at);
      swallow();
      return;
    }
    if (fr.kind === 'opaque' || fr.kind === 'swallow') {
      this.push({ kind: 'opaque', name, value: n.value, strict: false }, name);
      return;
    }

    // root or filter
    if (name === 'service') {
      if (n.value === '' && v24) {
        this.diag('missing-section-name', 'service { } is missing section name', at);
        swallow();
        return;
      }
      let svcName = n.value;
      if (svcName === '' ) {
        // 2.3: each unnamed block is its own service, later reported as "Service #N is missing name"
        svcName = `\u0000unnamed-${this.cfg.unnamedServices++}`;
      }
      const svc = this.getService(svcName, at, fr.kind === 'root');
      if (fr.kind === 'filter') {
        if (v24) this.cfg.serviceInFilter = true;
        else if (!svc.namedByBlock && svc.settings.size === 0) svc.inFilter = true;
      }
      this.push({ kind: 'service', svc }, name);
      return;
    }
    const kind = this.cat.rootSection(name);
    if (kind === undefined) {
      this.unknownSection(name, at);
      swallow();
      return;
    }
    if (v24 && kind === 'named-list' && n.value === '') {
      this.diag('missing-section-name', `${name} { } is missing section name`, at);
      swallow();
      return;
    }
    if (v24 && kind === 'named' && n.value !== '') {
      this.diag('section-name-not-allowed', `${name} { } must not have a section name`, at);
      swallow();
      return;
    }
    if (kind === 'boollist') {
      this.push({ kind: 'boollist', key: name }, name);
      return;
    }
    this.push({ kind: 'opaque', name, value: n.value, strict: true }, name);
  }

  msgUnknownSection(name: string): string {
    return `Unknown setting: ${[...this.path23, name].map((p) => `${p} { `).join('')}${name}`;
  }

  unknownSection(name: string, at: SourceRef): void {
    this.diag('unknown-section', this.version === '2.4' ? `Unknown section name: ${name}` : this.msgUnknownSection(name), at);
  }

  finish(): void {
    if (this.version === '2.4' && this.cfg.errors.length === 0 && this.cfg.storageVersion === null) {
      this.cfg.errors.push({
        code: 'storage-version-missing', severity: 'error', stage: 'A',
        message: 'dovecot_storage_version setting must be set', file: this.cfg.file, line: null, column: null,
      });
    }
  }
}

/**
 * Loads a configuration (main file plus includes) for one version.
 *
 * @example
 *   loadConfig({ path: 'dovecot.conf', text }, { version: '2.4', files: nodeFiles() });
 */
export function loadConfig(main: { readonly path: string; readonly text: string }, opts: LoadOptions): LoadedConfig {
  const l = new Loader(opts.version, opts.files, main.path);
  l.loadFile(main.path, main.text);
  l.finish();
  return l.cfg;
}
