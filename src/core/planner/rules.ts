/**
 * The planner's rules as data: which setting of which kind of service gets
 * which formula in which login mode and role, and the document each rule comes
 * from. `settings.ts` evaluates them; nothing else decides a planned value.
 *
 * @example
 *   SETTING_RULES.filter((r) => r.service === 'login' && r.modes?.includes('high-performance')).map((r) => r.key);
 *   // ['process_limit', 'process_min_avail', 'count', 'client_limit', 'vsz_limit']
 */
import type { LoginMode, PlanRole, PlannedKey, RuleId, RuleSourceId, ServiceClass } from './types.ts';

/** A document (section) a rule is taken from. */
export interface RuleSource {
  readonly id: RuleSourceId;
  /** Short citation shown next to a recommendation. */
  readonly label: string;
  /** Where to read it. */
  readonly where: string;
}

/** Every source the planner cites. */
export const RULE_SOURCES: Readonly<Record<RuleSourceId, RuleSource>> = {
  'seed-limits-1': { id: 'seed-limits-1', label: 'Service Limits, item 1', where: 'Dovecot docs "Service Configuration" › Service Limits 1: master services (auth, anvil, log…) cannot be scaled by processes' },
  'seed-limits-2': { id: 'seed-limits-2', label: 'Service Limits, item 2', where: 'Dovecot docs "Service Configuration" › Service Limits 2: blocking services (imap, pop3, lmtp): client_limit 1, process_limit = parallel connections' },
  'seed-limits-3': { id: 'seed-limits-3', label: 'Service Limits, item 3', where: 'Dovecot docs "Service Configuration" › Service Limits 3: login services: process_limit = process_min_avail = CPU cores, client_limit high enough, restart count unlimited' },
  'seed-post-login': { id: 'seed-post-login', label: 'imap, pop3, submission, managesieve', where: 'Dovecot docs "Service Configuration" › imap, pop3, submission, managesieve: process_limit limits simultaneous connections; client_limit above 1 is not safe' },
  'seed-lmtp': { id: 'seed-lmtp', label: 'lmtp', where: 'Dovecot docs "Service Configuration" › lmtp: client_limit 1, time is spent waiting for disk I/O' },
  'seed-auth': { id: 'seed-auth', label: 'auth', where: 'Dovecot docs "Service Configuration" › auth: client_limit large enough for all simultaneous connections' },
  'seed-anvil': { id: 'seed-anvil', label: 'anvil', where: 'Dovecot docs "Service Configuration" › anvil: client_limit large enough; auth and login services keep a connection each' },
  'budgets-3.1': { id: 'budgets-3.1', label: 'budgets.md §3.1', where: 'auth_need = Σ process_limit of enabled protocol services with count ≠ 1 or type login (imap-hibernate excluded)' },
  'budgets-3.2': { id: 'budgets-3.2', label: 'budgets.md §3.2', where: 'anvil_need = 2 + Σ process_limit of login services and auth' },
  'budgets-3.3': { id: 'budgets-3.3', label: 'budgets.md §3.3', where: 'the sums are 32-bit unsigned and wrap modulo 2³²' },
  'budgets-3.4': { id: 'budgets-3.4', label: 'budgets.md §3.4', where: 'the master warns when ulimit -n is below the largest single client_limit' },
  'budgets-6': { id: 'budgets-6', label: 'budgets.md §6', where: 'stats: Σ process_limit of all services; advisory, no Dovecot release checks it' },
  'budgets-7': { id: 'budgets-7', label: 'budgets.md §7', where: 'max connections = process_limit × min(client_limit, count); login-process modes and recommendations' },
  'login-high-security': { id: 'login-high-security', label: 'login processes: high-security', where: 'Dovecot docs login_processes › high-security mode: one login process per connection (count 1)' },
  'login-high-performance': { id: 'login-high-performance', label: 'login processes: high-performance', where: 'Dovecot docs login_processes › high-performance mode: count unlimited, process_min_avail = CPU cores, vsz_limit 1G' },
  'validation-9': { id: 'validation-9', label: 'validation.md #9', where: 'a protocol must be in `protocols` for its services to run (sieve needs Pigeonhole)' },
  'validation-12': { id: 'validation-12', label: 'validation.md #12', where: 'process_min_avail must not be higher than process_limit' },
  'validation-17': { id: 'validation-17', label: 'validation.md #17', where: 'anvil, auth, log, indexer (…): process_limit must be 1' },
};

/** One planner rule: a short statement and its sources. */
export interface PlanRule {
  readonly id: RuleId;
  /** The rule in one line, with the formula. */
  readonly text: string;
  readonly sources: readonly RuleSourceId[];
}

/** Every planner rule. */
export const PLAN_RULES: Readonly<Record<RuleId, PlanRule>> = {
  'protocol-enable': { id: 'protocol-enable', text: 'A protocol with expected load is added to `protocols`', sources: ['validation-9'] },
  'login-hs-process-limit': { id: 'login-hs-process-limit', text: 'High-security: one login process per connection, process_limit = expected + headroom', sources: ['login-high-security', 'budgets-7'] },
  'login-hs-count': { id: 'login-hs-count', text: 'High-security: each login process serves one connection (count 1)', sources: ['login-high-security', 'budgets-7'] },
  'login-hp-process-limit': { id: 'login-hp-process-limit', text: 'High-performance: process_limit = CPU cores', sources: ['seed-limits-3'] },
  'login-hp-min-avail': { id: 'login-hp-min-avail', text: 'High-performance: process_min_avail = CPU cores, so every core has a login process', sources: ['seed-limits-3', 'login-high-performance'] },
  'login-hp-count': { id: 'login-hp-count', text: 'High-performance: count unlimited, so capacity never shrinks while processes drain', sources: ['seed-limits-3', 'login-high-performance'] },
  'login-hp-client-limit': { id: 'login-hp-client-limit', text: 'High-performance: client_limit = ⌈(expected + headroom) / CPU cores⌉', sources: ['seed-limits-3', 'budgets-7'] },
  'login-hp-vsz': { id: 'login-hp-vsz', text: 'High-performance: vsz_limit 1G for many clients per process', sources: ['login-high-performance', 'budgets-7'] },
  'min-avail-cap': { id: 'min-avail-cap', text: 'process_min_avail lowered to process_limit', sources: ['validation-12'] },
  'post-login-client-limit': { id: 'post-login-client-limit', text: 'Blocking post-login service: client_limit 1', sources: ['seed-limits-2', 'seed-post-login'] },
  'post-login-process-limit': { id: 'post-login-process-limit', text: 'Blocking post-login service: process_limit = expected + headroom', sources: ['seed-limits-2', 'seed-post-login'] },
  'lmtp-client-limit': { id: 'lmtp-client-limit', text: 'LMTP blocks on disk I/O: client_limit 1', sources: ['seed-limits-2', 'seed-lmtp'] },
  'lmtp-process-limit': { id: 'lmtp-process-limit', text: 'LMTP: process_limit = deliveries in parallel (the MTA caps them)', sources: ['seed-limits-2', 'budgets-7'] },
  'auth-client-limit': { id: 'auth-client-limit', text: 'auth client_limit ≥ what doveconf requires of the planned config', sources: ['budgets-3.1', 'seed-auth', 'seed-limits-1'] },
  'anvil-client-limit': { id: 'anvil-client-limit', text: 'anvil client_limit ≥ what doveconf requires of the planned config', sources: ['budgets-3.2', 'seed-anvil', 'seed-limits-1'] },
};

/** How a planned value is computed (evaluated by `settings.ts`). */
export type Formula =
  /** A fixed value. */
  | { readonly kind: 'const'; readonly value: string }
  /** Restart count unlimited: 2.3 `service_count = 0`, 2.4 `restart_request_count = unlimited`. */
  | { readonly kind: 'count-unlimited' }
  /** The CPU cores input. */
  | { readonly kind: 'cores' }
  /** ⌈expected × (1 + headroom)⌉ for the service's protocol on this server. */
  | { readonly kind: 'capacity' }
  /** ⌈capacity / cores⌉. */
  | { readonly kind: 'capacity-per-core' }
  /** LMTP deliveries in parallel on this server. */
  | { readonly kind: 'deliveries' };

/** One setting rule: for a kind of service, in some modes/roles, a key gets a formula. */
export interface SettingRule {
  readonly rule: RuleId;
  readonly service: ServiceClass;
  readonly key: PlannedKey;
  readonly formula: Formula;
  /** Login modes it applies to (all when absent). */
  readonly modes?: readonly LoginMode[];
  /** Roles it applies to (all when absent). */
  readonly roles?: readonly PlanRole[];
}

const HS: readonly LoginMode[] = ['high-security'];
const HP: readonly LoginMode[] = ['high-performance'];
/** Post-login processes do not run on a proxy: its login services proxy the session. */
const NOT_PROXY: readonly PlanRole[] = ['single', 'backend'];

/** The setting rules, in the order their recommendations are listed. */
export const SETTING_RULES: readonly SettingRule[] = [
  { rule: 'login-hs-process-limit', service: 'login', key: 'process_limit', formula: { kind: 'capacity' }, modes: HS },
  { rule: 'login-hs-count', service: 'login', key: 'count', formula: { kind: 'const', value: '1' }, modes: HS },
  { rule: 'login-hp-process-limit', service: 'login', key: 'process_limit', formula: { kind: 'cores' }, modes: HP },
  { rule: 'login-hp-min-avail', service: 'login', key: 'process_min_avail', formula: { kind: 'cores' }, modes: HP },
  { rule: 'login-hp-count', service: 'login', key: 'count', formula: { kind: 'count-unlimited' }, modes: HP },
  { rule: 'login-hp-client-limit', service: 'login', key: 'client_limit', formula: { kind: 'capacity-per-core' }, modes: HP },
  { rule: 'login-hp-vsz', service: 'login', key: 'vsz_limit', formula: { kind: 'const', value: '1G' }, modes: HP },
  { rule: 'post-login-client-limit', service: 'post-login', key: 'client_limit', formula: { kind: 'const', value: '1' }, roles: NOT_PROXY },
  { rule: 'post-login-process-limit', service: 'post-login', key: 'process_limit', formula: { kind: 'capacity' }, roles: NOT_PROXY },
  { rule: 'lmtp-client-limit', service: 'lmtp', key: 'client_limit', formula: { kind: 'const', value: '1' } },
  { rule: 'lmtp-process-limit', service: 'lmtp', key: 'process_limit', formula: { kind: 'deliveries' } },
];

/** Service names per protocol: login service, post-login service, `protocols` word. */
export const PROTOCOL_SERVICES = {
  imap: { login: 'imap-login', postLogin: 'imap', word: 'imap' },
  pop3: { login: 'pop3-login', postLogin: 'pop3', word: 'pop3' },
  submission: { login: 'submission-login', postLogin: 'submission', word: 'submission' },
  managesieve: { login: 'managesieve-login', postLogin: 'managesieve', word: 'sieve' },
} as const;

/**
 * The Dovecot key of a planned key in a version.
 *
 * @example dovecotKey('count', '2.3'); // 'service_count'
 */
export function dovecotKey(key: PlannedKey, version: '2.3' | '2.4'): string {
  if (key !== 'count') return key;
  return version === '2.3' ? 'service_count' : 'restart_request_count';
}
