/**
 * Stage B: the settings check doveconf runs after reading the files
 * (`master_settings_verify()` @ 2.3.19.1, `master_settings_ext_check()` @ 2.4.1,
 * validation.md §3), step for step: global rules, names and types of every
 * service, protocols, then per enabled service its rules, budget counting and
 * listener paths (base_dir warnings on the way), then the auth/anvil warnings
 * (each printed once per process) and duplicate listeners. The first error
 * ends a check; warnings printed before it are kept.
 *
 * @example
 *   const r = runServiceCheck(resolveServices(cfg), { userExists: () => true }, { auth: false, anvil: false }, 'd.conf');
 *   r.error?.message; // "service(imap-login): process_min_avail is higher than process_limit"
 */
import type { Diagnostic, DiagnosticCode, LoadedConfig } from '../model/config.ts';
import type { EffectiveService, ResolvedConfig } from '../model/resolve.ts';
import { addressList, isYes } from '../model/resolve.ts';
import { parseSize, parseUint, parsePort } from '../model/values.ts';
import { computeBudgets, budgetWarnings, type Budgets } from './budgets.ts';

/** Environment facts doveconf reads from the machine it runs on. */
export interface CheckEnvironment {
  /** Does this system user exist? undefined = cannot tell (skip the check). */
  readonly userExists?: (name: string) => boolean | undefined;
}

/** Outcome of the settings check. */
export interface VerifyResult {
  /** The error doveconf reports (it stops there), or null. */
  readonly error: Diagnostic | null;
  /** Every rule that fails, for the editor (the verdict error included). */
  readonly allErrors: readonly Diagnostic[];
  /** Warnings in doveconf's order. */
  readonly warnings: readonly Diagnostic[];
  readonly budgets: Budgets;
}

/** The "already warned" flags doveconf keeps per process. */
export interface WarnedFlags {
  auth: boolean;
  anvil: boolean;
}

/** One run of the check. */
export interface CheckRun {
  readonly error: Diagnostic | null;
  readonly warnings: readonly Diagnostic[];
}

const SERVICE_TYPES = new Set(['', 'log', 'config', 'anvil', 'login', 'startup', 'worker']);
const MIN_VSZ = 1024 * 1024;

function diag(code: DiagnosticCode, message: string, file: string, services?: readonly string[], severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { code, message, severity, stage: 'B', file, line: null, column: null, ...(services ? { services } : {}) };
}

function globalNumber(resolved: ResolvedConfig, cfg: LoadedConfig, key: string, fallback: number): number {
  const w = cfg.globals.get(key);
  if (w === undefined) return fallback;
  const r = parseUint(w.value, resolved.version);
  return r.ok ? r.value : fallback;
}

function baseDirOf(resolved: ResolvedConfig): string {
  const b = resolved.globals['base_dir']?.text ?? '/run/dovecot';
  return b.endsWith('/') ? b.slice(0, -1) : b;
}

/** Global rules 1–9, in doveconf's order; the first failure. */
function globalError(resolved: ResolvedConfig, cfg: LoadedConfig, env: CheckEnvironment, file: string): Diagnostic | null {
  const v = resolved.version;
  const g = (k: string): string => resolved.globals[k]?.text ?? '';
  if (v === '2.3' && g('listen') === '') return diag('listen-empty', "listen can't be set empty", file);
  const lastUid = globalNumber(resolved, cfg, 'last_valid_uid', 0);
  if (lastUid !== 0 && globalNumber(resolved, cfg, 'first_valid_uid', 500) > lastUid) return diag('uid-range', "first_valid_uid can't be larger than last_valid_uid", file);
  const lastGid = globalNumber(resolved, cfg, 'last_valid_gid', 0);
  if (lastGid !== 0 && globalNumber(resolved, cfg, 'first_valid_gid', 1) > lastGid) return diag('gid-range', "first_valid_gid can't be larger than last_valid_gid", file);
  for (const [key, code] of [['default_login_user', 'login-user-missing'], ['default_internal_user', 'internal-user-missing']] as const) {
    const user = g(key);
    if (env.userExists?.(user) === false) return diag(code, `${key} doesn't exist: ${user}`, file);
  }
  return null;
}

/** Names, types and protocols (after the global rules). */
function listError(resolved: ResolvedConfig, file: string): Diagnostic | null {
  for (let i = 0; i < resolved.services.length; i++) {
    const s = resolved.services[i]!;
    if (s.name.startsWith('\u0000unnamed-') || s.name === '') return diag('service-missing-name', `Service #${i} is missing name`, file);
    if (!SERVICE_TYPES.has(s.type)) return diag('unknown-service-type', `Unknown service type: ${s.type}`, file, [s.name]);
  }
  const known = new Set(resolved.services.map((s) => s.protocol));
  for (const p of resolved.protocols) {
    if (!known.has(p)) return diag('unknown-protocol', `protocols: Unknown protocol: ${p}`, file);
  }
  return null;
}

/** Per-service rules 10–17, in doveconf's order (every failing one, for the editor). */
function serviceRuleErrors(s: EffectiveService, resolved: ResolvedConfig, file: string): Diagnostic[] {
  const v = resolved.version;
  const out: Diagnostic[] = [];
  const add = (code: DiagnosticCode, msg: string): void => {
    out.push(diag(code, `service(${s.name}): ${msg}`, file, [s.name]));
  };
  const text = (k: string): string => s.valueText(k);
  if (isYes(text('drop_priv_before_exec')) && text('chroot') !== '') add('drop-priv-chroot', "drop_priv_before_exec=yes can't be used with chroot");
  if (v === '2.4' && s.processLimit === 0) add('process-limit-zero', 'process_limit must be higher than 0');
  if (s.processMinAvail > s.processLimit) add('process-min-avail-too-high', 'process_min_avail is higher than process_limit');
  if (v === '2.4') {
    if (s.clientLimit === 0) add('client-limit-zero', 'client_limit must be higher than 0');
    if (s.restartCount === 0) add('restart-request-count-zero', 'restart_request_count must be higher than 0 (did you mean "unlimited"?)');
    if (s.idleKill === 0) add('idle-kill-zero', 'idle_kill_interval must be higher than 0 (did you mean "unlimited"?)');
    if (s.vszLimit !== null && s.vszLimit < MIN_VSZ) add('vsz-limit-too-low', 'vsz_limit is too low (did you mean "unlimited"?)');
  } else {
    // 2.3 checks the stored value: 0 = unlimited, the unset sentinel = default
    const raw = parseSize(text('vsz_limit'), '2.3');
    if (raw.ok && raw.value > 0 && raw.value < MIN_VSZ) add('vsz-limit-too-low', 'vsz_limit is too low');
  }
  if (s.processLimit1 && s.processLimit > 1) add('process-limit-must-be-1', 'process_limit must be 1');
  return out;
}

/**
 * The file listeners of a service: `path must not be empty` or the base_dir
 * warnings (unix listeners first, then fifo), and the listener identities for
 * the duplicate check.
 */
function listenerPass(s: EffectiveService, resolved: ResolvedConfig, baseDir: string, file: string, keys: string[]): { error: Diagnostic | null; warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  for (const kind of ['unix_listener', 'fifo_listener'] as const) {
    for (const l of s.listeners) {
      if (l.kind !== kind) continue;
      const path = l.valueText('path');
      if (path === '') return { error: diag('listener-path-empty', `service(${s.name}): ${kind}: path must not be empty`, file, [s.name]), warnings };
      let full = path;
      if (!path.startsWith('/')) full = `${baseDir}/${path}`;
      else if (path.startsWith(baseDir) && path[baseDir.length] === '/') {
        warnings.push(diag('base-dir-prefix', `You should remove base_dir prefix from unix_listener: ${path}`, file, [s.name], 'warning'));
      }
      if (!l.disabled) keys.push(full);
    }
  }
  const globalListen = resolved.globals['listen']?.text ?? '';
  for (const l of s.listeners) {
    if (l.kind !== 'inet_listener') continue;
    const p = parsePort(l.valueText('port'));
    if (!p.ok || p.value === 0) continue;
    if (resolved.version === '2.3') keys.push(`${p.value}:${l.valueText('address')}`);
    else for (const a of addressList(l.values['listen']?.text ?? globalListen, '2.4')) keys.push(`${p.value}:${a}`);
  }
  return { error: null, warnings };
}

/** strcmp over UTF-8 = code point order. */
function compareBytes(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Sorts like strcmp over UTF-8 (the default sort is the same for BMP text below U+E000). */
function sortBytes(keys: string[]): void {
  if (keys.some((k) => /[\ud800-\uffff]/.test(k))) keys.sort(compareBytes);
  else keys.sort();
}

/**
 * One run of doveconf's service check over a resolved configuration, with the
 * process-wide "already warned" flags.
 *
 * @example runServiceCheck(resolved, cfg, {}, { auth: false, anvil: false }, 'dovecot.conf').warnings;
 */
export function runServiceCheck(resolved: ResolvedConfig, cfg: LoadedConfig, env: CheckEnvironment, warned: WarnedFlags, file: string, budgets?: Budgets): CheckRun {
  const warnings: Diagnostic[] = [];
  const done = (error: Diagnostic | null): CheckRun => ({ error, warnings });
  const ge = globalError(resolved, cfg, env, file);
  if (ge !== null) return done(ge);
  if (resolved.version === '2.4' && resolved.checksSkipped) return done(null);
  const le = listError(resolved, file);
  if (le !== null) return done(le);
  const baseDir = baseDirOf(resolved);
  const keys: string[] = [];
  for (const s of resolved.services) {
    if (!s.enabled) continue;
    const errs = serviceRuleErrors(s, resolved, file);
    if (errs.length > 0) return done(errs[0]!);
    const lp = listenerPass(s, resolved, baseDir, file, keys);
    warnings.push(...lp.warnings);
    if (lp.error !== null) return done(lp.error);
  }
  for (const w of budgetWarnings(budgets ?? computeBudgets(resolved), resolved.version, file)) {
    const kind = w.code === 'auth-client-limit' ? 'auth' : 'anvil';
    if (warned[kind]) continue;
    warned[kind] = true;
    warnings.push(w);
  }
  sortBytes(keys);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] === keys[i - 1]) return done(diag('duplicate-listener', `duplicate listener: ${keys[i]}`, file));
  }
  return done(null);
}

/**
 * Every failing rule of a resolved configuration (not only doveconf's first),
 * for the editor's badges.
 *
 * @example allServiceErrors(resolved, cfg, {}, 'dovecot.conf').map((d) => d.message);
 */
export function allServiceErrors(resolved: ResolvedConfig, cfg: LoadedConfig, env: CheckEnvironment, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ge = globalError(resolved, cfg, env, file);
  if (ge !== null) out.push(ge);
  const le = listError(resolved, file);
  if (le !== null) out.push(le);
  const baseDir = baseDirOf(resolved);
  const keys: string[] = [];
  for (const s of resolved.services) {
    if (!s.enabled) continue;
    out.push(...serviceRuleErrors(s, resolved, file));
    const lp = listenerPass(s, resolved, baseDir, file, keys);
    if (lp.error !== null) out.push(lp.error);
  }
  sortBytes(keys);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] === keys[i - 1]) {
      out.push(diag('duplicate-listener', `duplicate listener: ${keys[i]}`, file));
      break;
    }
  }
  return out;
}

/**
 * The root check as doveconf runs it for the root settings (one pass, fresh
 * warned flags), plus every failing rule and the budgets.
 *
 * @example verifyServices(resolved, loaded, { userExists: () => true }).warnings.map((w) => w.message);
 */
export function verifyServices(resolved: ResolvedConfig, cfg: LoadedConfig, env: CheckEnvironment): VerifyResult {
  const run = runServiceCheck(resolved, cfg, env, { auth: false, anvil: false }, cfg.file);
  return { error: run.error, allErrors: allServiceErrors(resolved, cfg, env, cfg.file), warnings: run.warnings, budgets: computeBudgets(resolved) };
}
