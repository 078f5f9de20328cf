/**
 * Stage B: the settings check doveconf runs after reading the files
 * (`master_settings_verify` 2.3 / `master_settings_ext_check` 2.4, validation.md §3),
 * in its order: global rules, then per enabled service, then the auth/anvil
 * budget warnings, then duplicate listeners. The first error ends the check;
 * warnings printed before it are kept. 2.3 runs the pass twice (the first one
 * silently), which is why its base_dir warnings appear twice.
 *
 * @example
 *   const r = verifyServices(resolveServices(cfg), cfg, {});
 *   r.error?.message; // "service(imap-login): process_min_avail is higher than process_limit"
 */
import type { Diagnostic, DiagnosticCode, LoadedConfig } from '../model/config.ts';
import type { EffectiveService, ResolvedConfig } from '../model/resolve.ts';
import { addressList, isYes } from '../model/resolve.ts';
import { parseSize, parseUint, parsePort, parseOctal } from '../model/values.ts';
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
  /** Every rule that fails, for the editor (the first equals `error`). */
  readonly allErrors: readonly Diagnostic[];
  /** Warnings in doveconf's order. */
  readonly warnings: readonly Diagnostic[];
  readonly budgets: Budgets;
}

const SERVICE_TYPES = new Set(['', 'log', 'config', 'anvil', 'login', 'startup', 'worker']);
const MIN_VSZ = 1024 * 1024;

function diag(code: DiagnosticCode, message: string, file: string, services?: string[], severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { code, message, severity, stage: 'B', file, line: null, column: null, ...(services ? { services } : {}) };
}

function globalNumber(resolved: ResolvedConfig, cfg: LoadedConfig, key: string, fallback: number): number {
  const w = cfg.globals.get(key);
  if (w === undefined) return fallback;
  const r = parseUint(w.value, resolved.version);
  return r.ok ? r.value : fallback;
}

/** Per-service rules 10–18, in doveconf's order. */
function serviceErrors(s: EffectiveService, resolved: ResolvedConfig, file: string): Diagnostic[] {
  const v = resolved.version;
  const out: Diagnostic[] = [];
  const add = (code: DiagnosticCode, msg: string): void => {
    out.push(diag(code, `service(${s.name}): ${msg}`, file, [s.name]));
  };
  const text = (k: string): string => s.values[k]?.text ?? '';
  if (isYes(text('drop_priv_before_exec')) && text('chroot') !== '') add('drop-priv-chroot', "drop_priv_before_exec=yes can't be used with chroot");
  if (v === '2.4' && s.processLimit === 0) add('process-limit-zero', 'process_limit must be higher than 0');
  if (s.processMinAvail > s.processLimit) add('process-min-avail-too-high', 'process_min_avail is higher than process_limit');
  if (v === '2.4') {
    if (s.clientLimit === 0) add('client-limit-zero', 'client_limit must be higher than 0');
    if (s.restartCount === 0) add('restart-request-count-zero', 'restart_request_count must be higher than 0 (did you mean "unlimited"?)');
    if (s.idleKill === 0) add('idle-kill-zero', 'idle_kill_interval must be higher than 0 (did you mean "unlimited"?)');
    if (s.vszLimit !== null && s.vszLimit < MIN_VSZ) add('vsz-limit-too-low', 'vsz_limit is too low (did you mean "unlimited"?)');
  } else {
    // 2.3 checks the service's own value only: 0 = unlimited, the unset sentinel = default
    const raw = parseSize(text('vsz_limit'), '2.3');
    if (raw.ok && raw.value > 0 && raw.value < MIN_VSZ) add('vsz-limit-too-low', 'vsz_limit is too low');
  }
  if (s.processLimit1 && s.processLimit > 1) add('process-limit-must-be-1', 'process_limit must be 1');
  for (const l of s.listeners) {
    if (l.kind !== 'inet_listener' && (l.values['path']?.text ?? l.name) === '') {
      add('listener-path-empty', `${l.kind}: path must not be empty`);
    }
  }
  return out;
}

function baseDirWarnings(s: EffectiveService, baseDir: string, file: string): Diagnostic[] {
  const prefix = `${baseDir}/`;
  return s.listeners
    .filter((l) => l.kind !== 'inet_listener' && l.name.startsWith(prefix))
    .map((l) => diag('base-dir-prefix', `You should remove base_dir prefix from unix_listener: ${l.name}`, file, [s.name], 'warning'));
}

/** Listener identities per the duplicate rule (validation.md §3 row 20). */
function listenerKeys(s: EffectiveService, resolved: ResolvedConfig, baseDir: string): string[] {
  const keys: string[] = [];
  const globalListen = resolved.globals['listen']?.text ?? '';
  for (const l of s.listeners) {
    if (l.kind === 'inet_listener') {
      const p = parsePort(l.values['port']?.text ?? '0');
      if (!p.ok || p.value === 0) continue;
      if (resolved.version === '2.3') {
        keys.push(`${p.value}:${l.values['address']?.text ?? ''}`);
      } else {
        const listen = l.values['listen']?.text ?? globalListen;
        for (const a of addressList(listen, '2.4')) keys.push(`${p.value}:${a}`);
      }
    } else {
      const m = parseOctal(l.values['mode']?.text ?? '0600', resolved.version);
      if (m.ok && m.value === 0) continue;
      const path = l.values['path']?.text ?? l.name;
      keys.push(path.startsWith('/') ? path : `${baseDir}/${path}`);
    }
  }
  return keys;
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Runs doveconf's settings check on a resolved configuration.
 *
 * @example verifyServices(resolved, loaded, { userExists: () => true }).warnings.map((w) => w.message);
 */
export function verifyServices(resolved: ResolvedConfig, cfg: LoadedConfig, env: CheckEnvironment): VerifyResult {
  const file = cfg.file;
  const v = resolved.version;
  const budgets = computeBudgets(resolved);
  const all: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const g = (k: string): string => resolved.globals[k]?.text ?? '';
  const baseDir = g('base_dir') || '/run/dovecot';

  // 1–9: global rules
  const globalErrs: Diagnostic[] = [];
  if (v === '2.3' && cfg.globals.has('listen') && cfg.globals.get('listen')!.value === '') {
    globalErrs.push(diag('listen-empty', "listen can't be set empty", file));
  }
  if (v === '2.4' && cfg.serviceInFilter) globalErrs.push(diag('listen-empty', "listen can't be set empty", file));
  const firstUid = globalNumber(resolved, cfg, 'first_valid_uid', 500);
  const lastUid = globalNumber(resolved, cfg, 'last_valid_uid', 0);
  if (lastUid !== 0 && firstUid > lastUid) globalErrs.push(diag('uid-range', "first_valid_uid can't be larger than last_valid_uid", file));
  const firstGid = globalNumber(resolved, cfg, 'first_valid_gid', 1);
  const lastGid = globalNumber(resolved, cfg, 'last_valid_gid', 0);
  if (lastGid !== 0 && firstGid > lastGid) globalErrs.push(diag('gid-range', "first_valid_gid can't be larger than last_valid_gid", file));
  for (const [key, code] of [['default_login_user', 'login-user-missing'], ['default_internal_user', 'internal-user-missing']] as const) {
    const user = g(key);
    if (env.userExists?.(user) === false) globalErrs.push(diag(code, `${key} doesn't exist: ${user}`, file));
  }
  resolved.services.forEach((s, i) => {
    if (s.name.startsWith('\u0000unnamed-') || s.name === '') globalErrs.push(diag('service-missing-name', `Service #${i} is missing name`, file));
  });
  for (const s of resolved.services) {
    if (!SERVICE_TYPES.has(s.type)) globalErrs.push(diag('unknown-service-type', `Unknown service type: ${s.type}`, file, [s.name]));
  }
  const knownProtocols = new Set(resolved.services.map((s) => s.protocol).filter((p) => p !== ''));
  for (const p of resolved.protocols) {
    if (!knownProtocols.has(p)) {
      globalErrs.push(diag('unknown-protocol', `protocols: Unknown protocol: ${p}`, file));
      break;
    }
  }
  all.push(...globalErrs);

  const passes = v === '2.3' ? 2 : 1;
  let error: Diagnostic | null = globalErrs[0] ?? null;
  if (error === null && !resolved.checksSkipped) {
    for (let pass = 0; pass < passes; pass++) {
      let passError: Diagnostic | null = null;
      for (const s of resolved.services) {
        if (!s.enabled) continue;
        const errs = serviceErrors(s, resolved, file);
        if (pass === passes - 1) all.push(...errs);
        if (errs.length > 0) {
          passError ??= errs[0]!;
          if (pass === passes - 1) continue;
          break;
        }
        if (passError === null) warnings.push(...baseDirWarnings(s, baseDir, file));
      }
      if (passError === null && pass === 0) warnings.push(...budgetWarnings(budgets, v, file));
      if (pass === passes - 1 && passError !== null) error = passError;
      if (passError !== null) continue;
    }
    if (error === null) {
      const keys: string[] = [];
      for (const s of resolved.services) if (s.enabled) keys.push(...listenerKeys(s, resolved, baseDir));
      keys.sort(compareBytes);
      for (let i = 1; i < keys.length; i++) {
        if (keys[i] === keys[i - 1]) {
          error = diag('duplicate-listener', `duplicate listener: ${keys[i]}`, file);
          all.push(error);
          break;
        }
      }
    }
  }
  return { error, allErrors: all, warnings, budgets };
}
