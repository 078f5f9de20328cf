/**
 * The loaded configuration: what the user wrote, per service and listener,
 * with where each value came from. Effective values (defaults, fallbacks) are
 * computed from this by `resolve.ts`; nothing here is a default.
 *
 * @example
 *   const loaded = loadConfig({ path: 'dovecot.conf', text }, { version: '2.4' });
 *   loaded.services.get('imap-login')?.settings.get('process_limit')?.value; // "5"
 */
import type { DovecotVersion, ListenerKind } from '../data/types.ts';
import type { ValueForm } from '../syntax/statement.ts';
import type { FilterState } from './filters.ts';

/** Where a statement sits. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Offsets in that file's text (for editing and highlighting). */
  readonly start: number;
  readonly end: number;
}

/** One `key = value` as written. */
export interface WrittenSetting {
  readonly key: string;
  /** Value after unquoting; `$var`/`%{}`/`<file` kept verbatim. */
  readonly value: string;
  readonly raw: string;
  readonly form: ValueForm;
  readonly at: SourceRef;
}

/** A listener block (merged over same-name blocks, as Dovecot merges them). */
export interface ListenerBlock {
  readonly kind: ListenerKind;
  /** As last written (2.3 matches names case-insensitively and keeps the last spelling). */
  name: string;
  readonly at: SourceRef;
  readonly settings: Map<string, WrittenSetting>;
  /** First reached by a `KIND NAME {` line (2.4 ignores listeners that a path key reached first). */
  namedByBlock?: boolean;
}

/** A service block (merged over same-name blocks). */
export interface ServiceBlock {
  /** As last written in a `service NAME {` line (2.3 matches names case-insensitively). */
  name: string;
  /** First appearance. */
  readonly at: SourceRef;
  /** Named by a `service NAME {` block (not only by path keys): matters for the 2.4 master order. */
  namedByBlock: boolean;
  /** Defined inside a protocol/local/remote filter. */
  inFilter: boolean;
  /**
   * 2.4: first reached by a `service NAME {` line. A service that a path key
   * (`service/NAME/KEY`) reached first never enters doveconf's service list.
   */
  listed?: boolean;
  readonly settings: Map<string, WrittenSetting>;
  /** Keyed by `${kind} ${name}` (2.3: name lower-cased), in order of first appearance. */
  readonly listeners: Map<string, ListenerBlock>;
  /** 2.4: other global settings written inside the block (scoped to the service). */
  readonly scoped: Map<string, WrittenSetting>;
}

/** Severity of a diagnostic. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem in doveconf's words. `message` has no `doveconf: Fatal:` or
 * `Error in configuration file ...` prefix; `line` is null where doveconf gives none.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  /** Offsets in `file` for editors (absent for whole-config problems). */
  readonly start?: number;
  readonly end?: number;
  /** Services this problem is about (for badges). */
  readonly services?: readonly string[];
  /** The stage that produced it: A = while reading lines, B = settings check. */
  readonly stage: 'A' | 'B' | 'W' | 'app';
}

/** Stable identifiers of every diagnostic the core produces. */
export type DiagnosticCode =
  | 'garbage-after-brace'
  | 'expecting-brace'
  | 'unexpected-close'
  | 'missing-close'
  | 'ambiguous-hash'
  | 'unknown-setting'
  | 'unknown-section'
  | 'invalid-value'
  | 'section-not-allowed'
  | 'missing-section-name'
  | 'section-name-not-allowed'
  | 'filter-nesting'
  | 'invalid-network-mask'
  | 'include-no-matches'
  | 'include-recursive'
  | 'include-open-failed'
  | 'include-unresolved'
  | 'first-setting-not-version'
  | 'invalid-config-version'
  | 'config-version-changed'
  | 'storage-version-missing'
  | 'set-expand-list'
  | 'listen-empty'
  | 'uid-range'
  | 'gid-range'
  | 'login-user-missing'
  | 'internal-user-missing'
  | 'service-missing-name'
  | 'unknown-service-type'
  | 'unknown-protocol'
  | 'drop-priv-chroot'
  | 'process-limit-zero'
  | 'process-min-avail-too-high'
  | 'client-limit-zero'
  | 'restart-request-count-zero'
  | 'idle-kill-zero'
  | 'vsz-limit-too-low'
  | 'process-limit-must-be-1'
  | 'listener-path-empty'
  | 'duplicate-listener'
  | 'base-dir-prefix'
  | 'auth-client-limit'
  | 'anvil-client-limit'
  | 'fd-limit'
  | 'stats-client-limit'
  | 'global-after-filter'
  | 'unknown-variable'
  | 'obsolete-setting'
  | 'setting-kind'
  | 'named-filter-required'
  | 'socket-listen'
  | 'ssl-disabled'
  | 'filter-check';

/**
 * Settings written inside one filter (`protocol imap { }`, `local 10.0.0.0/8 { }`, nested
 * combinations), in the order doveconf creates its filter parsers. 2.3 checks every
 * filter with the root settings merged in.
 */
export interface FilterScope {
  readonly filter: FilterState;
  readonly globals: Map<string, WrittenSetting>;
  readonly services: Map<string, ServiceBlock>;
  /** Where the filter was first opened. */
  readonly at: SourceRef;
}

/** Everything read from a configuration, before defaults. */
export interface LoadedConfig {
  readonly version: DovecotVersion;
  /** Path of the main file as given. */
  readonly file: string;
  /** Root-level settings (last one wins). */
  readonly globals: Map<string, WrittenSetting>;
  /** Services in order of first appearance, keyed by name (2.3: lower-cased, as doveconf matches them). */
  readonly services: Map<string, ServiceBlock>;
  /** Protocols after all `protocols` statements (2.4 boollist semantics, 2.3 split on spaces). */
  protocols: { readonly list: readonly string[]; readonly at: SourceRef | null; readonly raw: string | null };
  /** 2.4 `dovecot_config_version`. */
  configVersion: string | null;
  storageVersion: string | null;
  /** Stage-A errors in file order (doveconf stops at the first). */
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  /** Includes that could not be looked at (browser): kept visible, not an error. */
  readonly unresolvedIncludes: Diagnostic[];
  /** Files read, main first. */
  readonly files: string[];
  /** 2.4: a service block sits inside a protocol/local filter (doveconf then fails). */
  serviceInFilter: boolean;
  /** Number of unnamed 2.3 `service {` blocks (each becomes a service with an empty name). */
  unnamedServices: number;
  /** Filter scopes in creation order (root excluded). */
  readonly filterScopes: FilterScope[];
  /**
   * 2.4: errors of the checks doveconf runs on the filters after the root check
   * (a service inside `protocol`/`local`: `listen can't be set empty`; a passdb/userdb
   * inside a service: `Failed to get passdb ...`), in creation order.
   */
  readonly filterErrors: Diagnostic[];
  /** 2.4: filters in creation order with their explicit `ssl` value (null when not set there). */
  readonly filterSsl: readonly { readonly id: string; readonly ssl: string | null }[];
  /** How many warnings doveconf printed before it stopped at `errors[0]` (null without errors). */
  warningsBeforeError: number | null;
}
