/**
 * The presets, as data: whole-document starting points, and tunings that set
 * a few service settings on the current document. Each says what it sets and
 * why, citing the "Service Limits" rules of Dovecot's service documentation
 * (the seed page) and budgets.md §7. Values may refer to parameters the user
 * adjusts (CPU cores, expected connections).
 *
 * @example PRESETS.find((p) => p.id === 'high-performance')?.settings?.['2.4'][0]?.key; // 'restart_request_count'
 */
import type { DovecotVersion } from '../../core/index.ts';
import type { StockTextId } from './stock-texts.ts';

/** Parameters a tuning preset can ask for. */
export type PresetParamId = 'cores' | 'loginConnections' | 'imapConnections' | 'pop3Connections';

/** A parameter with its label and default. */
export interface PresetParam {
  readonly id: PresetParamId;
  readonly label: string;
  readonly hint: string;
  /** Default; `cores` defaults to the browser's CPU count instead. */
  readonly fallback: number;
}

/** A value: literal text, a parameter, or ⌈a ÷ b⌉ of two parameters. */
export type PresetValue = string | { readonly param: PresetParamId } | { readonly ceilDiv: readonly [PresetParamId, PresetParamId] };

/** Which block a setting goes into. */
export type PresetTarget = { readonly service: string } | { readonly serviceType: 'login' } | { readonly global: true };

/** One setting a tuning writes. */
export interface PresetSetting {
  readonly target: PresetTarget;
  readonly key: string;
  readonly value: PresetValue;
}

/** A preset. */
export interface Preset {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** Reasons, each tied to a documented rule. */
  readonly why: readonly string[];
  /** Whole-document presets: the text that replaces the document. */
  readonly text?: StockTextId;
  /** Tuning presets: per-version settings applied to the current document. */
  readonly settings?: Readonly<Record<DovecotVersion, readonly PresetSetting[]>>;
  readonly params?: readonly PresetParam[];
  /** After the settings: raise auth/anvil client_limit to what doveconf then requires. */
  readonly balance?: boolean;
}

const LOGIN = { serviceType: 'login' } as const;

const CORES: PresetParam = { id: 'cores', label: 'CPU cores', hint: 'cores of the mail server (defaults to this computer’s)', fallback: 4 };

const RULE_BLOCKING =
  'Service Limits rule 2: services that do disk I/O or other blocking work (imap, pop3, lmtp) "should have client_limit = 1", so process_limit is the number of parallel connections.';
const RULE_LOGIN =
  'Service Limits rule 3: non-blocking login services "should have process_limit and process_min_avail set to the number of CPU cores", with client_limit high enough for all connections (max connections = process_limit × client_limit).';
const RULE_RESTART =
  'Service Limits rule 3: restart_request_count (2.3: service_count) "is commonly set to unlimited" for those services, otherwise the available connections shrink as the limit is reached.';
const RULE_BUDGETS =
  'budgets.md §7: auth client_limit must be ≥ the auth need and anvil client_limit ≥ the anvil need, or Dovecot warns at startup; the preset raises them to exactly what doveconf requires.';

function highPerformance(count: string, unlimited: string): readonly PresetSetting[] {
  return [
    { target: LOGIN, key: count, value: unlimited },
    { target: LOGIN, key: 'process_limit', value: { param: 'cores' } },
    { target: LOGIN, key: 'process_min_avail', value: { param: 'cores' } },
    { target: LOGIN, key: 'client_limit', value: { ceilDiv: ['loginConnections', 'cores'] } },
    { target: LOGIN, key: 'vsz_limit', value: '1G' },
  ];
}

function highSecurity(count: string): readonly PresetSetting[] {
  return [
    { target: LOGIN, key: count, value: '1' },
    { target: LOGIN, key: 'process_limit', value: { param: 'loginConnections' } },
    { target: LOGIN, key: 'process_min_avail', value: '2' },
  ];
}

function small(): readonly PresetSetting[] {
  return [
    { target: { global: true }, key: 'default_process_limit', value: '25' },
    { target: { global: true }, key: 'default_client_limit', value: '250' },
    { target: { service: 'imap' }, key: 'process_limit', value: '50' },
    { target: { service: 'pop3' }, key: 'process_limit', value: '10' },
    { target: { service: 'submission' }, key: 'process_limit', value: '10' },
  ];
}

function large(count: string, unlimited: string): readonly PresetSetting[] {
  return [
    ...highPerformance(count, unlimited),
    { target: { service: 'imap' }, key: 'process_limit', value: { param: 'imapConnections' } },
    { target: { service: 'imap' }, key: 'client_limit', value: '1' },
    { target: { service: 'pop3' }, key: 'process_limit', value: { param: 'pop3Connections' } },
    { target: { service: 'pop3' }, key: 'client_limit', value: '1' },
    { target: { service: 'lmtp' }, key: 'process_limit', value: '200' },
    { target: { service: 'lmtp' }, key: 'process_min_avail', value: '5' },
    { target: { service: 'submission' }, key: 'process_limit', value: '2000' },
  ];
}

/**
 * Every preset, documents first.
 *
 * @example PRESETS.map((p) => p.id);
 */
export const PRESETS: readonly Preset[] = [
  {
    id: 'defaults-2.4', title: 'Dovecot 2.4 defaults', text: 'defaults-2.4',
    summary: 'A 2.4.1 file that leaves every service at its built-in values and enables imap, pop3, lmtp and submission.',
    why: ['The baseline to compare against: what doveconf -d prints for 2.4.1 (services-defaults.md §5).'],
  },
  {
    id: 'defaults-2.3', title: 'Dovecot 2.3 defaults', text: 'defaults-2.3',
    summary: 'A 2.3.19.1 file that leaves every service at its built-in values and enables imap, pop3, lmtp and submission.',
    why: ['The baseline to compare against: what doveconf -a prints for 2.3.19.1 (services-defaults.md §4).'],
  },
  {
    id: 'debian-13', title: 'Debian 13 stock 10-master.conf', text: 'debian-13',
    summary: 'The service layout Debian trixie ships (Dovecot 2.4), with its empty listener blocks and commented examples, as one file with config version 2.4.0 like Debian’s dovecot.conf.',
    why: [
      'Most real files are this layout with one to five edits (corpus README): start here to reproduce a server.',
      'Config version 2.4.0 keeps lmtp at restart_request_count = unlimited, so lmtp counts in the auth budget (budgets.md §3.1).',
    ],
  },
  {
    id: 'debian-12', title: 'Debian 12 stock 10-master.conf', text: 'debian-12',
    summary: 'The service layout Debian bookworm ships (Dovecot 2.3), with its empty listener blocks and commented examples.',
    why: ['Most real files are this layout with one to five edits (corpus README): start here to reproduce a server.'],
  },
  {
    id: 'high-security', title: 'High-security login',
    summary: 'Every enabled login service handles one client per process (the default mode), with a few processes kept ready.',
    why: [
      'One client per process isolates clients from each other: a compromised login process sees one connection (budgets.md §7, high-security mode).',
      'process_limit is then the number of simultaneous logins, and each login process counts fully into the auth and anvil budgets.',
      'process_min_avail 2 hides fork latency without many idle processes ("0 or small", budgets.md §7).',
      RULE_BUDGETS,
    ],
    params: [{ id: 'loginConnections', label: 'Connections per login service', hint: 'simultaneous clients of each *-login service', fallback: 500 }],
    settings: { '2.3': highSecurity('service_count'), '2.4': highSecurity('restart_request_count') },
    balance: true,
  },
  {
    id: 'high-performance', title: 'High-performance login',
    summary: 'Every enabled login service runs one long-lived process per CPU core, each serving many clients.',
    why: [RULE_LOGIN, RULE_RESTART, 'vsz_limit 1G: a process with many clients needs more than the 256M default (budgets.md §7).', 'A large client_limit raises the master’s fd requirement: check the fd budget against ulimit -n.', RULE_BUDGETS],
    params: [CORES, { id: 'loginConnections', label: 'Connections per login service', hint: 'client_limit = ⌈connections ÷ cores⌉', fallback: 10000 }],
    settings: { '2.3': highPerformance('service_count', '0'), '2.4': highPerformance('restart_request_count', 'unlimited') },
    balance: true,
  },
  {
    id: 'small', title: 'Small personal server',
    summary: 'A handful of users: fewer processes everywhere, 50 IMAP sessions, 10 POP3 and submission sessions.',
    why: [
      'default_process_limit and default_client_limit are the fallbacks of every service without its own value (services-defaults.md §1.1); lowering them cuts the worst-case process count and memory.',
      RULE_BLOCKING,
      'auth and anvil inherit default_client_limit 250, which still covers the 4 login services × 25 (+ lmtp in 2.3) they must accept.',
    ],
    settings: { '2.3': small(), '2.4': small() },
    balance: true,
  },
  {
    id: 'large-isp', title: 'Large ISP',
    summary: 'High-performance login services plus sized imap, pop3, lmtp and submission pools for many thousands of sessions.',
    why: [
      RULE_LOGIN, RULE_RESTART, RULE_BLOCKING,
      'lmtp gets 5 ready processes so delivery bursts do not wait for forks (process_min_avail, budgets.md §7).',
      RULE_BUDGETS,
      'Raise LimitNOFILE (ulimit -n) to at least the largest client_limit: the fd budget shows the number.',
    ],
    params: [
      CORES,
      { id: 'loginConnections', label: 'Connections per login service', hint: 'client_limit = ⌈connections ÷ cores⌉', fallback: 20000 },
      { id: 'imapConnections', label: 'IMAP sessions', hint: 'imap process_limit (one session per process)', fallback: 20000 },
      { id: 'pop3Connections', label: 'POP3 sessions', hint: 'pop3 process_limit', fallback: 5000 },
    ],
    settings: { '2.3': large('service_count', '0'), '2.4': large('restart_request_count', 'unlimited') },
    balance: true,
  },
];
