/**
 * Shared state of the configuration loader: the section stack, the filter
 * scopes, diagnostics, and the service/listener blocks every statement writes
 * into. The version-specific rules live in load-23.ts / load-24.ts; the line
 * loop and includes in load.ts.
 *
 * @example
 *   const s = new LoadState('2.3', 'dovecot.conf');
 *   s.diag('unknown-setting', 'Unknown setting: foo', at);
 */
import type { DovecotVersion, ListenerKind, ServiceDefault, SettingType } from '../data/types.ts';
import type { Statement } from '../syntax/statement.ts';
import { catalogFor, type VersionCatalog } from './catalog.ts';
import type {
  Diagnostic, DiagnosticCode, FilterScope, ListenerBlock, LoadedConfig, ServiceBlock, SourceRef, WrittenSetting,
} from './config.ts';
import { parseValue } from './values.ts';
import { type FilterState, ROOT_FILTER, filtersEqual } from './filters.ts';

const SMALL_UINT = /^[0-9]{1,9}$/;
const SMALL_SIZE = /^[0-9]{1,9} ?[BKMGT]?$/i;

/** One logical line, classified, with where it sits. */
export interface Line {
  readonly st: Statement;
  /** Statement position; `line` is the last physical line (the one doveconf names). */
  readonly at: SourceRef;
}

/** Where settings written inside a frame end up. */
export interface Scope {
  readonly filter: FilterState;
  readonly globals: Map<string, WrittenSetting>;
  readonly services: Map<string, ServiceBlock>;
  /** true for the root scope; 2.4 service blocks in filters use a throwaway scope. */
  readonly root: boolean;
}

/** An open section. `key` is the section name as doveconf keeps it (for 2.3 messages). */
export type Frame =
  | { readonly kind: 'root'; readonly key: null; readonly scope: Scope }
  /** `own`: 2.4 compares a nested filter with its immediate parent only. */
  | { readonly kind: 'filter'; readonly key: string; readonly value: string; readonly scope: Scope; readonly own?: FilterState }
  | { readonly kind: 'service'; readonly key: string; readonly name: string; readonly scope: Scope }
  | { readonly kind: 'listener'; readonly key: string; readonly service: string; readonly lkind: ListenerKind; readonly id: string; readonly name: string; readonly scope: Scope }
  /** 2.3 list/strlist sections (namespace, plugin, ...); `keys` undefined = any key. */
  | { readonly kind: 'section23'; readonly key: string; readonly keys: ReadonlySet<string> | undefined; readonly sub: boolean; readonly scope: Scope }
  /** 2.3 `SETTING {` on a plain setting: the section is accepted, nothing inside is. */
  | { readonly kind: 'plain23'; readonly key: string; readonly scope: Scope }
  /** 2.4 named (list) filter other than service/listeners: `passdb x {`, `ssl_server {`. */
  | { readonly kind: 'named24'; readonly key: string; readonly filterName: string; readonly array: boolean; readonly required: string | null; readonly scope: Scope }
  /** 2.4 `KEY {` of a strlist/boollist setting. */
  | { readonly kind: 'list24'; readonly key: string; readonly type: 'strlist' | 'boollist'; readonly scope: Scope }
  /** Content is ignored (after an error, or 2.4 include groups). */
  | { readonly kind: 'swallow'; readonly key: string; readonly scope: Scope };

/** A frame plus where its section was opened (for `Missing '}'`) and its 2.3 setting path (`service/imap/`). */
export type OpenFrame = Frame & {
  readonly openFile: string;
  readonly openLine: number;
  readonly prefix: string;
  /** 2.4 caches: the filter id (SSL warning), the frame's own filter and its key prefixes. */
  fid?: string;
  filter24?: FilterState;
  keyPrefix?: { readonly full: string; readonly base: string };
  /** 2.4: the block a service/listener frame writes to. */
  svc24?: ServiceBlock;
  lst24?: ListenerBlock;
};

/** Common state and helpers of one load. */
export class LoadState {
  readonly cat: VersionCatalog;
  readonly cfg: LoadedConfig;
  readonly rootScope: Scope;
  readonly frames: OpenFrame[];
  /** First position where a setting was written inside a filter (global-after-filter warning). */
  readonly seen = new Map<string, Map<string, SourceRef>>();
  /** 2.4 filter parsers in creation order with an explicit `ssl` (the "SSL is disabled" warning). */
  readonly sslFilters: { readonly id: string; ssl: string | null }[] = [];
  readonly sslIndex = new Map<string, { readonly id: string; ssl: string | null }>();
  /** 2.4 key resolution per filter kind (`service` → `process_limit` → `service_process_limit`). */
  readonly resolved24 = new Map<string, Map<string, string | null>>();
  /** 2.4 named filters whose required setting was seen (per filter, across reopened blocks). */
  readonly requiredSeen = new Set<string>();
  /** 2.3: counter naming sections written without a name. */
  sectionCounter = 0;
  private readonly scopes: (FilterScope & Scope)[] = [];
  /** 2.4 protocols boollist as built so far. */
  protocolsList: string[] = [];

  constructor(readonly version: DovecotVersion, main: string, readonly builtins: readonly ServiceDefault[] = []) {
    this.cat = catalogFor(version);
    this.cfg = {
      version, file: main, globals: new Map(), services: new Map(),
      protocols: { list: [], at: null, raw: null },
      configVersion: null, storageVersion: null,
      errors: [], warnings: [], unresolvedIncludes: [], files: [],
      serviceInFilter: false, unnamedServices: 0, filterScopes: [], warningsBeforeError: null, filterSsl: this.sslFilters, filterErrors: [],
    };
    this.rootScope = { filter: ROOT_FILTER, globals: this.cfg.globals, services: this.cfg.services, root: true };
    this.frames = [{ kind: 'root', key: null, scope: this.rootScope, openFile: main, openLine: 0, prefix: '' }];
  }

  get top(): OpenFrame {
    return this.frames[this.frames.length - 1]!;
  }

  /** The scope settings go to: the innermost frame's. */
  get scope(): Scope {
    return this.top.scope;
  }

  /** Innermost frame that is not a filter (doveconf's setting path). */
  get pathFrame(): OpenFrame {
    for (let i = this.frames.length - 1; i >= 0; i--) if (this.frames[i]!.kind !== 'filter') return this.frames[i]!;
    return this.frames[0]!;
  }

  /** Records an error or warning (stage A). */
  diag(code: DiagnosticCode, message: string, at: SourceRef | null, opts: { line?: number | null; file?: string; severity?: Diagnostic['severity']; services?: readonly string[] } = {}): void {
    const d: Diagnostic = {
      code, message, severity: opts.severity ?? 'error', stage: 'A',
      file: opts.file ?? at?.file ?? this.cfg.file,
      line: opts.line !== undefined ? opts.line : at?.line ?? null,
      column: at?.column ?? null,
      ...(at ? { start: at.start, end: at.end } : {}),
      ...(opts.services ? { services: opts.services } : {}),
    };
    if (d.severity === 'error') {
      if (this.cfg.errors.length === 0) this.cfg.warningsBeforeError = this.cfg.warnings.length;
      this.cfg.errors.push(d);
    } else this.cfg.warnings.push(d);
  }

  /** A doveconf warning (stage A). */
  warn(code: DiagnosticCode, message: string, at: SourceRef | null, services?: readonly string[]): void {
    this.diag(code, message, at, { severity: 'warning', ...(services ? { services } : {}) });
  }

  /** True once doveconf would have stopped. */
  get failed(): boolean {
    return this.cfg.errors.length > 0;
  }

  push(frame: Frame, at: SourceRef, prefix = ''): void {
    const f = frame as OpenFrame & { openFile: string; openLine: number; prefix: string };
    f.openFile = at.file;
    f.openLine = at.line;
    f.prefix = prefix;
    this.frames.push(f);
  }

  pop(): void {
    if (this.frames.length > 1) this.frames.pop();
  }

  /** Records a setting as written. */
  written(key: string, value: string, line: Line): WrittenSetting {
    const st = line.st;
    const raw = st.type === 'assign' ? st.raw : value;
    const form = st.type === 'assign' ? st.form : 'plain';
    return { key, value, raw, form, at: line.at };
  }

  /** Checks a typed value; returns doveconf's text (without the 2.4 key prefix) or null. */
  typeError(type: SettingType | 'strlist' | undefined, value: string, key?: string): string | null {
    if (type === undefined || type === 'strlist' || type === 'string' || type === 'boollist') return null;
    if (this.version === '2.4' && (value.includes('%{') || value.includes('$SET:') || value.includes('$ENV:'))) return null;
    if (type === 'enum') {
      const values = key === undefined ? undefined : this.cat.enumValues(key);
      return values === undefined || values.includes(value) ? null : `Invalid value: ${value}`;
    }
    // the common plain forms need no parse
    if (type === 'uint' && SMALL_UINT.test(value)) return null;
    if (type === 'size' && SMALL_SIZE.test(value)) return null;
    const r = parseValue(type, value, this.version);
    return r.ok ? null : r.error;
  }

  /** A service block in a scope (created on first use, merged by name like doveconf). */
  service(scope: Scope, name: string, at: SourceRef, byBlock: boolean): ServiceBlock {
    const key = this.version === '2.3' ? name.toLowerCase() : name;
    let svc = scope.services.get(key);
    if (svc === undefined) {
      svc = { name, at, namedByBlock: byBlock, inFilter: !scope.root, listed: byBlock, settings: new Map(), listeners: new Map(), scoped: new Map() };
      scope.services.set(key, svc);
    } else if (byBlock) {
      svc.namedByBlock = true;
      svc.name = name;
    }
    return svc;
  }

  /** Does a service exist for a 2.3 path key (built-in, or a block written earlier)? */
  hasService(scope: Scope, name: string): boolean {
    const key = name.toLowerCase();
    return scope.services.has(key) || this.cfg.services.has(key) || this.builtins.some((b) => b.name === key);
  }

  /** A listener of a service (merged by kind and name; 2.3 names case-insensitively, last spelling kept). */
  listener(svc: ServiceBlock, kind: ListenerKind, id: string, name: string, at: SourceRef, rename = true): ListenerBlock {
    const key = `${kind} ${this.version === '2.3' ? id.toLowerCase() : id}`;
    let lst = svc.listeners.get(key);
    if (lst === undefined) {
      lst = { kind, name, at, settings: new Map(), namedByBlock: rename };
      svc.listeners.set(key, lst);
    } else if (rename) lst.name = name;
    return lst;
  }

  /** Does a 2.3 service have this listener (built-in or written earlier)? */
  hasListener(svc: ServiceBlock, kind: ListenerKind, id: string): boolean {
    const lid = id.toLowerCase();
    if (svc.listeners.has(`${kind} ${lid}`)) return true;
    const def = this.builtins.find((b) => b.name === svc.name.toLowerCase());
    return def?.listeners.some((l) => l.kind === kind && l.name.toLowerCase() === lid) ?? false;
  }

  /** The scope of a filter: found by equality (doveconf reuses the parser), else created in order. */
  filterScope(filter: FilterState, at: SourceRef): Scope {
    const found = this.scopes.find((s) => filtersEqual(s.filter, filter));
    if (found !== undefined) return found;
    const scope: FilterScope & Scope = { filter, globals: new Map(), services: new Map(), root: false, at };
    this.scopes.push(scope);
    this.cfg.filterScopes.push(scope);
    return scope;
  }

  /**
   * The global-after-filter warning bookkeeping (config_parser_check_warnings):
   * settings written inside sections are remembered by path and key (the path is
   * `service/imap/` in 2.3, '' for 2.4's full keys); a root assignment of the same
   * path and key warns.
   */
  checkSeen(prefix: string, key: string, root: boolean, record: boolean, at: SourceRef): void {
    if (!root && !record) return;
    let byKey = this.seen.get(prefix);
    const first = byKey?.get(key);
    if (root) {
      if (first === undefined) return;
      const pos = `${first.file} line ${first.line}`;
      this.warn('global-after-filter',
        `${at.file} line ${at.line}: Global setting ${prefix}${key} won't change the setting inside an earlier filter at ${pos} (if this is intentional, avoid this warning by moving the global setting before ${pos})`,
        at);
      return;
    }
    if (first !== undefined) return;
    if (byKey === undefined) this.seen.set(prefix, (byKey = new Map()));
    byKey.set(key, at);
  }

}
