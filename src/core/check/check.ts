/**
 * The whole check, as `doveconf -n` would run it on a configuration: read the
 * files (stage A), then the settings check (stage B) with its warnings, plus
 * every budget. `errors` and `warnings` hold exactly what doveconf prints
 * (it stops at the first error); `all*` hold everything the editor shows.
 *
 * @example
 *   const r = checkConfig({ path: 'dovecot.conf', text }, {});
 *   r.version;            // '2.3' (no dovecot_config_version line)
 *   r.errors[0]?.message; // doveconf's text
 */
import type { DovecotVersion } from '../data/types.ts';
import type { Diagnostic, LoadedConfig } from '../model/config.ts';
import { loadConfig, type FileAccess } from '../model/load.ts';
import { resolveServices, type ResolvedConfig } from '../model/resolve.ts';
import { parseConfig } from '../syntax/parse.ts';
import { fdWarning, type Budgets } from './budgets.ts';
import { verifyServices, type CheckEnvironment } from './verify.ts';

/** Options of a check. */
export interface CheckOptions {
  /** Force a version; otherwise detected from `dovecot_config_version`. */
  readonly version?: DovecotVersion;
  /** Replace the enabled protocols (space-separated), e.g. for a 10-master.conf snippet. */
  readonly protocols?: string;
  /** `ulimit -n` to check the master's fd requirement against. */
  readonly ulimit?: number;
  /** Pigeonhole's managesieve services are installed. */
  readonly managesieve?: boolean;
  readonly cpuCount?: number;
  readonly env?: CheckEnvironment;
  readonly files?: FileAccess;
}

/** Result of a check. */
export interface CheckResult {
  readonly file: string;
  readonly version: DovecotVersion;
  /** The version was detected, not given. */
  readonly detected: boolean;
  /** doveconf's verdict: at most one error. */
  readonly errors: readonly Diagnostic[];
  /** doveconf's warnings, in its order (plus the fd warning when `ulimit` is given). */
  readonly warnings: readonly Diagnostic[];
  /** Every problem found, for the editor. */
  readonly allErrors: readonly Diagnostic[];
  readonly loaded: LoadedConfig;
  readonly resolved: ResolvedConfig;
  readonly budgets: Budgets;
  /** 2.4 skipped the settings check because of `$SET:`/`%{}` in a number. */
  readonly checksSkipped: boolean;
}

/**
 * Detects the version: a file with a root `dovecot_config_version` line is 2.4.
 *
 * @example detectVersion('dovecot_config_version = 2.4.1\n'); // '2.4'
 */
export function detectVersion(text: string): DovecotVersion {
  const { doc } = parseConfig(text, '2.4');
  return doc.children.some((n) => n.kind === 'assign' && n.key === 'dovecot_config_version') ? '2.4' : '2.3';
}

function before(a: Diagnostic, b: Diagnostic): boolean {
  if (a.file !== b.file) return true;
  return (a.line ?? Infinity) <= (b.line ?? Infinity);
}

/**
 * Checks one configuration (main file plus what it includes).
 *
 * @example checkConfig({ path: 'e07.conf', text }, { version: '2.3' }).errors;
 */
export function checkConfig(main: { readonly path: string; readonly text: string }, opts: CheckOptions = {}): CheckResult {
  const version = opts.version ?? detectVersion(main.text);
  const loaded = loadConfig(main, { version, ...(opts.files ? { files: opts.files } : {}) });
  if (opts.protocols !== undefined) {
    const words = opts.protocols.split(/[\s,]+/).filter((w) => w !== '');
    loaded.protocols = { list: version === '2.3' && words.length === 1 && words[0] === 'none' ? [] : words, at: null, raw: opts.protocols };
  }
  const resolved = resolveServices(loaded, {
    ...(opts.managesieve !== undefined ? { managesieve: opts.managesieve } : {}),
    ...(opts.cpuCount !== undefined ? { cpuCount: opts.cpuCount } : {}),
  });
  const verify = verifyServices(resolved, loaded, opts.env ?? {});
  const parseError = loaded.errors[0] ?? null;
  let errors: Diagnostic[];
  let warnings: Diagnostic[];
  if (parseError !== null) {
    errors = [parseError];
    warnings = loaded.warnings.filter((w) => before(w, parseError));
  } else {
    errors = verify.error ? [verify.error] : [];
    warnings = [...loaded.warnings, ...verify.warnings];
  }
  if (opts.ulimit !== undefined && errors.length === 0) {
    const fd = fdWarning(verify.budgets, opts.ulimit, main.path);
    if (fd !== null) warnings.push(fd);
  }
  return {
    file: main.path, version, detected: opts.version === undefined,
    errors, warnings, allErrors: [...loaded.errors, ...verify.allErrors],
    loaded, resolved, budgets: verify.budgets, checksSkipped: resolved.checksSkipped,
  };
}
