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
import { resolveServices, type ResolvedConfig, type ResolveOptions } from '../model/resolve.ts';
import { mergedScope } from '../model/scopes.ts';
import { parseConfig } from '../syntax/parse.ts';
import { computeBudgets, fdWarning, type Budgets } from './budgets.ts';
import { allServiceErrors, runServiceCheck, type CheckEnvironment, type CheckRun, type WarnedFlags } from './verify.ts';

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

/**
 * Checks one configuration (main file plus what it includes).
 *
 * @example checkConfig({ path: 'e07.conf', text }, { version: '2.3' }).errors;
 */
export function checkConfig(main: { readonly path: string; readonly text: string }, opts: CheckOptions = {}): CheckResult {
  const version = opts.version ?? detectVersion(main.text);
  const loaded = loadConfig(main, { version, ...(opts.files ? { files: opts.files } : {}), ...(opts.managesieve !== undefined ? { managesieve: opts.managesieve } : {}) });
  if (opts.protocols !== undefined) {
    const words = opts.protocols.split(/[\s,]+/).filter((w) => w !== '');
    loaded.protocols = { list: version === '2.3' && words.length === 1 && words[0] === 'none' ? [] : words, at: null, raw: opts.protocols };
  }
  const resolveOpts = {
    ...(opts.managesieve !== undefined ? { managesieve: opts.managesieve } : {}),
    ...(opts.cpuCount !== undefined ? { cpuCount: opts.cpuCount } : {}),
  };
  const resolved = resolveServices(loaded, resolveOpts);
  const env = opts.env ?? {};
  const file = main.path;
  const budgets = computeBudgets(resolved);
  const parseError = loaded.errors[0] ?? null;
  let errors: Diagnostic[];
  let warnings: Diagnostic[];
  let allErrors: () => Diagnostic[];
  if (parseError !== null) {
    errors = [parseError];
    warnings = loaded.warnings.slice(0, loaded.warningsBeforeError ?? loaded.warnings.length);
    allErrors = () => [...loaded.errors];
    if (version === '2.3' && parseError.code === 'missing-close') {
      // found after reading (not on a line): 2.3 doveconf -n still dumps and checks the root
      warnings.push(...runServiceCheck(resolved, loaded, env, { auth: false, anvil: false }, file, budgets).warnings);
    }
  } else {
    const verdict = version === '2.3' ? stageB23(loaded, resolved, env, file, resolveOpts, budgets) : stageB24(loaded, resolved, env, file, budgets);
    errors = verdict.error ? [verdict.error] : [];
    warnings = [...loaded.warnings, ...verdict.warnings];
    allErrors = () => {
      const all = allServiceErrors(resolved, loaded, env, file);
      if (verdict.error !== null && !all.some((e) => e.message === verdict.error!.message)) all.unshift(verdict.error);
      return all;
    };
  }
  if (opts.ulimit !== undefined && errors.length === 0) {
    const fd = fdWarning(budgets, opts.ulimit, main.path);
    if (fd !== null) warnings.push(fd);
  }
  // every failing rule is for the editor; computed on first read (the CLI never reads it)
  let all: Diagnostic[] | null = null;
  return {
    file, version, detected: opts.version === undefined,
    errors, warnings,
    get allErrors(): readonly Diagnostic[] {
      return (all ??= allErrors());
    },
    loaded, resolved, budgets, checksSkipped: resolved.checksSkipped,
  };
}

/**
 * 2.3: the check runs for the root and then for every filter with the matching
 * filters merged in (config_all_parsers_check), stopping at the first error;
 * `doveconf -n` then checks the root once more while dumping it, which repeats
 * the base_dir warnings (the auth/anvil ones are printed once per process).
 */
function stageB23(loaded: LoadedConfig, resolved: ResolvedConfig, env: CheckEnvironment, file: string, resolveOpts: ResolveOptions, budgets: Budgets): CheckRun {
  const warned: WarnedFlags = { auth: false, anvil: false };
  const warnings: Diagnostic[] = [];
  let error: Diagnostic | null = null;
  const globalSsl = loaded.globals.get('ssl')?.value ?? '';
  let sslWarned = false;
  const first = runServiceCheck(resolved, loaded, env, warned, file, budgets);
  warnings.push(...first.warnings);
  error = first.error;
  for (const scope of loaded.filterScopes) {
    if (error !== null) break;
    const ssl = scope.globals.get('ssl')?.value ?? globalSsl;
    if (ssl !== 'no' && globalSsl === 'no' && !sslWarned) {
      sslWarned = true;
      warnings.push({
        code: 'ssl-disabled', severity: 'warning', stage: 'B', file, line: null, column: null,
        message: `SSL is disabled because global ssl=no, ignoring ssl=${ssl} for subsection`,
      });
    }
    const view = mergedScope(loaded, scope);
    const run = runServiceCheck(resolveServices(view, resolveOpts), view, env, warned, file);
    warnings.push(...run.warnings);
    error = run.error;
  }
  // the dump repeats the root check on the same settings: the same base_dir
  // warnings again; its auth/anvil warnings were printed already (once per process)
  warnings.push(...first.warnings.filter((w) => w.code === 'base-dir-prefix'));
  return { error, warnings };
}

/**
 * 2.4: the root check; a service block inside a filter is checked on its own
 * and fails with `listen can't be set empty`; then dovecot_storage_version must be set.
 */
function stageB24(loaded: LoadedConfig, resolved: ResolvedConfig, env: CheckEnvironment, file: string, budgets: Budgets): CheckRun {
  const run = runServiceCheck(resolved, loaded, env, { auth: false, anvil: false }, file, budgets);
  const warnings = [...run.warnings];
  const globalSsl = loaded.globals.get('ssl')?.value ?? '';
  const ssl = loaded.filterSsl.find((f) => (f.ssl ?? globalSsl) !== 'no' && globalSsl === 'no');
  if (ssl !== undefined) {
    warnings.push({
      code: 'ssl-disabled', severity: 'warning', stage: 'B', file, line: null, column: null,
      message: `SSL is disabled because global ssl=no, ignoring ssl=${ssl.ssl ?? globalSsl} for subsection`,
    });
  }
  let error = run.error ?? loaded.filterErrors[0] ?? null;
  if (error === null && (loaded.storageVersion ?? '') === '') {
    error = { code: 'storage-version-missing', severity: 'error', stage: 'B', file, line: null, column: null, message: 'dovecot_storage_version setting must be set' };
  }
  return { error, warnings };
}
