/**
 * Connection budgets exactly as Dovecot computes them (budgets.md): the auth
 * and anvil client_limit checks (32-bit sums, services in the version's order,
 * warning texts character for character), the master's fd-limit rule, the
 * seed's stats formula (advisory: no Dovecot release checks it), per-service
 * max connections and totals.
 *
 * @example
 *   const b = computeBudgets(resolveServices(loadConfig(file, { version: '2.4' })));
 *   b.auth.required; // 400 with protocols = imap pop3 lmtp submission
 */
import type { DovecotVersion } from '../data/types.ts';
import type { Diagnostic } from '../model/config.ts';
import type { EffectiveService, ResolvedConfig } from '../model/resolve.ts';

/** One service counted into a budget. */
export interface BudgetItem {
  readonly service: string;
  readonly processLimit: number;
}

/** A client_limit budget: what one service must accept versus what it is given. */
export interface ClientLimitBudget {
  readonly kind: 'auth' | 'anvil' | 'stats';
  /** The service whose client_limit is compared. */
  readonly service: string;
  readonly clientLimit: number;
  /** Sum as Dovecot computes it (unsigned 32-bit, wraps). */
  readonly required: number;
  /** Exact sum without wrapping, for the UI. */
  readonly requiredExact: number;
  readonly items: readonly BudgetItem[];
  /** Constant part (anvil: the master's 2 pipes). */
  readonly constant: number;
  readonly ok: boolean;
  /** true for stats: shown for planning, never checked by Dovecot. */
  readonly advisory: boolean;
}

/** The master's fd-limit requirement (largest per-process client_limit). */
export interface FdBudget {
  readonly required: number;
  /** `service NAME { client_limit }`, `default_client_limit`, or 2.4's `BUG` when nothing is enabled. */
  readonly source: string;
  readonly sourceService: string | null;
}

/** Totals over enabled services. */
export interface Totals {
  readonly processes: number;
  /** process_limit × vsz_limit summed; null when some service is unlimited. */
  readonly memoryBytes: number | null;
  /** Listening sockets + one fd per possible client connection (a floor, not an exact count). */
  readonly fileDescriptors: number;
  readonly connections: number;
}

/** Every budget of a configuration. */
export interface Budgets {
  readonly version: DovecotVersion;
  readonly auth: ClientLimitBudget;
  readonly anvil: ClientLimitBudget;
  readonly stats: ClientLimitBudget;
  readonly fd: FdBudget;
  readonly totals: Totals;
  /** Enabled services with their max connections, in doveconf order. */
  readonly perService: readonly { readonly service: string; readonly processLimit: number; readonly clientsPerProcess: number; readonly maxConnections: number }[];
}

const U32 = 2 ** 32;

function clientLimitOf(resolved: ResolvedConfig, name: string): number {
  const s = resolved.services.find((x) => x.name === name);
  if (s !== undefined) return s.clientLimit;
  const d = Number(resolved.globals['default_client_limit']?.text ?? '1000');
  return Number.isFinite(d) ? d : 1000;
}

function budget(kind: ClientLimitBudget['kind'], service: string, resolved: ResolvedConfig, items: BudgetItem[], constant: number, advisory: boolean): ClientLimitBudget {
  const exact = items.reduce((a, i) => a + i.processLimit, constant);
  const required = exact % U32;
  const clientLimit = clientLimitOf(resolved, service);
  return { kind, service, clientLimit, required, requiredExact: exact, items, constant, ok: !(clientLimit < required), advisory };
}

/** Does the auth budget count this service? (budgets.md §3.1) */
export function countsForAuth(s: EffectiveService): boolean {
  return s.enabled && s.protocol !== '' && (s.restartCount !== 1 || s.type === 'login') && s.name !== 'imap-hibernate';
}

/** Does the anvil budget count this service? (budgets.md §3.2) */
export function countsForAnvil(s: EffectiveService): boolean {
  return s.enabled && (s.type === 'login' || s.name === 'auth');
}

/**
 * Computes every budget.
 *
 * @example computeBudgets(resolved).anvil.required; // 403 for the 2.4 default with four protocols
 */
export function computeBudgets(resolved: ResolvedConfig): Budgets {
  const enabled = resolved.services.filter((s) => s.enabled);
  const item = (s: EffectiveService): BudgetItem => ({ service: s.name, processLimit: s.processLimit });
  const auth = budget('auth', 'auth', resolved, enabled.filter(countsForAuth).map(item), 0, false);
  const anvil = budget('anvil', 'anvil', resolved, enabled.filter(countsForAnvil).map(item), 2, false);
  const stats = budget('stats', 'stats', resolved, enabled.map(item), 0, true);

  let max = resolved.version === '2.3' ? Number(resolved.globals['default_client_limit']?.text ?? '1000') : 0;
  let source = resolved.version === '2.3' ? 'default_client_limit' : 'BUG';
  let sourceService: string | null = null;
  for (const s of masterOrder(resolved)) {
    if (!s.enabled) continue;
    const v = resolved.version === '2.3' ? s.clientLimitRaw : s.clientLimit;
    if (v > max) {
      max = v;
      source = `service ${s.name} { client_limit }`;
      sourceService = s.name;
    }
  }

  let processes = 0;
  let memory: number | null = 0;
  let fds = 0;
  let connections = 0;
  for (const s of enabled) {
    processes += s.processLimit;
    if (memory !== null) memory = s.vszLimit === null ? null : memory + s.processLimit * s.vszLimit;
    fds += s.listeners.filter((l) => !l.disabled).length + s.maxConnections;
    connections += s.maxConnections;
  }
  return {
    version: resolved.version, auth, anvil, stats,
    fd: { required: max, source, sourceService },
    totals: { processes, memoryBytes: memory, fileDescriptors: fds, connections },
    perService: enabled.map((s) => ({ service: s.name, processLimit: s.processLimit, clientsPerProcess: s.clientsPerProcess, maxConnections: s.maxConnections })),
  };
}

/**
 * The master's service order (budgets.md §4): 2.3 = list order; 2.4 = built-ins
 * not named by a `service NAME {` block (sorted), then named services in file order.
 *
 * @example masterOrder(resolved).map((s) => s.name);
 */
export function masterOrder(resolved: ResolvedConfig): readonly EffectiveService[] {
  if (resolved.version === '2.3') return resolved.services;
  const unnamed = resolved.services.filter((s) => s.builtin && !(s.block?.namedByBlock ?? false));
  const named = resolved.services
    .filter((s) => s.block?.namedByBlock ?? false)
    .sort((a, b) => (a.block!.at.file === b.block!.at.file ? a.block!.at.start - b.block!.at.start : 0));
  const userOnly = resolved.services.filter((s) => !s.builtin && !(s.block?.namedByBlock ?? false));
  return [...unnamed, ...named, ...userOnly];
}

function itemsText(items: readonly BudgetItem[]): string {
  return items.map((i) => `service ${i.service} { process_limit=${i.processLimit} }`).join(' + ');
}

/**
 * doveconf's warnings for the auth and anvil budgets, in its order.
 *
 * @example budgetWarnings(b, '2.3', 'dovecot.conf')[0]?.message;
 */
export function budgetWarnings(b: Budgets, version: DovecotVersion, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const countName = version === '2.3' ? 'service_count' : 'restart_request_count';
  if (!b.auth.ok) {
    out.push({
      code: 'auth-client-limit', severity: 'warning', stage: 'W', file, line: null, column: null,
      services: ['auth', ...b.auth.items.map((i) => i.service)],
      message: `service auth { client_limit=${b.auth.clientLimit} } is lower than required under max. load (${b.auth.required}). Counted for protocol services with ${countName} != 1: ${itemsText(b.auth.items)}`,
    });
  }
  if (!b.anvil.ok) {
    out.push({
      code: 'anvil-client-limit', severity: 'warning', stage: 'W', file, line: null, column: null,
      services: ['anvil', ...b.anvil.items.map((i) => i.service)],
      message: `service anvil { client_limit=${b.anvil.clientLimit} } is lower than required under max. load (${b.anvil.required}). Counted with: ${itemsText(b.anvil.items)}`,
    });
  }
  return out;
}

/**
 * The master's fd-limit warning for a given `ulimit -n` (never printed by doveconf).
 *
 * @example fdWarning(b, 1024)?.message; // "fd limit (ulimit -n) is lower than required under max. load (1024 < 5000), because of service imap-login { client_limit }"
 */
export function fdWarning(b: Budgets, ulimit: number, file = ''): Diagnostic | null {
  if (!(ulimit < b.fd.required)) return null;
  return {
    code: 'fd-limit', severity: 'warning', stage: 'app', file, line: null, column: null,
    ...(b.fd.sourceService ? { services: [b.fd.sourceService] } : {}),
    message: `fd limit (ulimit -n) is lower than required under max. load (${ulimit} < ${b.fd.required}), because of ${b.fd.source}`,
  };
}
