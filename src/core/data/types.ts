/**
 * Shapes of the per-version Dovecot fact tables. The tables themselves are data
 * (services-2.3.ts, services-2.4.ts, service-settings.ts), never `if` chains.
 *
 * @example
 *   import { SERVICES_24 } from './services-2.4.ts';
 *   SERVICES_24.find((s) => s.name === 'imap-login')?.settings.process_limit; // undefined → inherits
 */

/** The two Dovecot releases the product models. */
export type DovecotVersion = '2.3' | '2.4';

/** Value types understood by Dovecot's settings parser (services-defaults.md §2.3). */
export type SettingType =
  | 'uint'
  | 'size'
  | 'time'
  | 'bool'
  | 'string'
  | 'octal'
  | 'port'
  | 'boollist'
  | 'enum';

/** Where a listener lives inside a service block. */
export type ListenerKind = 'unix_listener' | 'fifo_listener' | 'inet_listener';

/** One key accepted inside `service NAME { }` or a listener block. */
export interface SettingDef {
  /** Dovecot key as written inside the block, e.g. `process_limit`. */
  readonly key: string;
  readonly type: SettingType;
  /** Human unit shown in the UI: "processes", "connections", "bytes", "seconds", ... */
  readonly unit?: string;
  /** Allowed values for `enum` (e.g. service `type`). */
  readonly values?: readonly string[];
  /** One-paragraph explanation for the inspector (own words, from the seed and facts). */
  readonly doc: string;
  /** Name of the global fallback (`default_process_limit`), when the setting inherits one. */
  readonly fallbackGlobal?: string;
  /** 2.4 only: root-level key that overrides every service (`service_process_limit`). */
  readonly rootKey?: string;
}

/** A built-in listener of a service with its defaults as Dovecot prints them. */
export interface ListenerDefault {
  readonly kind: ListenerKind;
  /** Path for unix/fifo (relative to base_dir when not absolute), name for inet. */
  readonly name: string;
  /** Listener settings that differ from the listener defaults, as strings in the version's syntax. */
  readonly settings: Readonly<Record<string, string>>;
}

/** A built-in service of one Dovecot version. */
export interface ServiceDefault {
  readonly name: string;
  /**
   * Only the settings this service sets itself, as strings in the version's own syntax
   * (`"1024"`, `"unlimited"`, `"infinite"`, `"$default_internal_user"`,
   * `"$SET:default_internal_user"`). Absent keys inherit (2.3: 0/unset → default_*;
   * 2.4: the root `service_*` / `default_*` chain).
   */
  readonly settings: Readonly<Record<string, string>>;
  readonly listeners: readonly ListenerDefault[];
  /** doveconf refuses a process_limit other than 1 (`process_limit_1` flag). */
  readonly processLimit1: boolean;
  /** Shipped only with the dovecot-managesieved package (Pigeonhole). */
  readonly plugin?: 'managesieve';
  /** Short role description for the UI. */
  readonly role: string;
}

/** Global (root-level) master setting with its default for one version. */
export interface GlobalDefault {
  readonly key: string;
  readonly type: SettingType;
  readonly default: string;
  readonly doc: string;
}
