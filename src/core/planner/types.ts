/**
 * Shapes of the capacity planner: what the admin expects (load, hardware,
 * login mode, role in a cluster) and what the planner answers.
 *
 * @example
 *   const input: PlanInput = { ...DEFAULT_PLAN_INPUT, connections: { ...DEFAULT_PLAN_INPUT.connections, imap: 20000 } };
 */

/** Login process mode (Dovecot docs `login_processes`: high-security vs high-performance). */
export type LoginMode = 'high-security' | 'high-performance';

/** Role of the server whose configuration is being planned. */
export type PlanRole = 'single' | 'backend' | 'proxy';

/** Protocols that have a login service and a post-login service. */
export type PlanProtocol = 'imap' | 'pop3' | 'submission' | 'managesieve';

/** Every planned protocol, in display order. */
export const PLAN_PROTOCOLS: readonly PlanProtocol[] = ['imap', 'pop3', 'submission', 'managesieve'];

/** What the admin expects and has. Loads are peaks for the whole installation (all servers). */
export interface PlanInput {
  /** Expected peak concurrent client connections per protocol. */
  readonly connections: Readonly<Record<PlanProtocol, number>>;
  /** LMTP deliveries in parallel (the MTA's concurrency towards Dovecot). */
  readonly lmtpParallel: number;
  /** CPU cores of one server of the planned role. */
  readonly cores: number;
  /** RAM of one server, bytes. */
  readonly ramBytes: number;
  /** `ulimit -n` (RLIMIT_NOFILE soft limit) the master runs with. */
  readonly ulimit: number;
  readonly loginMode: LoginMode;
  readonly role: PlanRole;
  /** Backends behind the proxies (role proxy/backend). */
  readonly backends: number;
  /** Proxies in front of the backends (role proxy/backend). */
  readonly proxies: number;
  /** Spare capacity over the expected load, percent: capacity = ceil(expected × (1 + headroom/100)). */
  readonly headroomPercent: number;
}

/** Starting inputs: a small single server. */
export const DEFAULT_PLAN_INPUT: PlanInput = {
  connections: { imap: 1000, pop3: 0, submission: 0, managesieve: 0 },
  lmtpParallel: 20,
  cores: 4,
  ramBytes: 8 * 1024 ** 3,
  ulimit: 65536,
  loginMode: 'high-security',
  role: 'single',
  backends: 4,
  proxies: 2,
  headroomPercent: 20,
};

/** A setting the planner writes; `count` is service_count (2.3) / restart_request_count (2.4). */
export type PlannedKey = 'process_limit' | 'client_limit' | 'process_min_avail' | 'vsz_limit' | 'count';

/** Where a planner rule comes from. */
export type RuleSourceId =
  | 'seed-limits-1'
  | 'seed-limits-2'
  | 'seed-limits-3'
  | 'seed-post-login'
  | 'seed-lmtp'
  | 'seed-auth'
  | 'seed-anvil'
  | 'budgets-3.1'
  | 'budgets-3.2'
  | 'budgets-3.3'
  | 'budgets-3.4'
  | 'budgets-6'
  | 'budgets-7'
  | 'login-high-security'
  | 'login-high-performance'
  | 'validation-9'
  | 'validation-12'
  | 'validation-17';

/** Identifier of one planner rule. */
export type RuleId =
  | 'protocol-enable'
  | 'login-hs-process-limit'
  | 'login-hs-count'
  | 'login-hp-process-limit'
  | 'login-hp-min-avail'
  | 'login-hp-count'
  | 'login-hp-client-limit'
  | 'login-hp-vsz'
  | 'min-avail-cap'
  | 'post-login-client-limit'
  | 'post-login-process-limit'
  | 'lmtp-client-limit'
  | 'lmtp-process-limit'
  | 'auth-client-limit'
  | 'anvil-client-limit';

/** Kinds of service the rules address. */
export type ServiceClass = 'login' | 'post-login' | 'lmtp';

/** Severity of a planner finding. */
export type PlanSeverity = 'danger' | 'caution' | 'info';

/** Codes of the planner's findings. */
export type PlanWarningCode =
  | 'config-unreadable'
  | 'planned-error'
  | 'planned-warning'
  | 'memory-over-ram'
  | 'memory-limits-over-ram'
  | 'memory-unbounded'
  | 'fd-over-ulimit'
  | 'fd-proxy-over-ulimit'
  | 'fd-total'
  | 'budget-wraps'
  | 'process-limit-unlimited'
  | 'process-limit-1'
  | 'value-too-large'
  | 'managesieve-plugin'
  | 'checks-skipped'
  | 'no-load'
  | 'input';
