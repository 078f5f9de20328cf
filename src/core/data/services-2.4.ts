/**
 * Built-in services of Dovecot 2.4.1 (Debian 13 build), transcribed from
 * ../shared/dovecot/services-defaults.md §5 / §5.1 (`doveconf -d`).
 *
 * Each service lists only the values it sets itself. Fields it does not set
 * (shown as `(x)` in the fact table) are absent and resolve through the chain
 * described at {@link SERVICE_CHAIN_24}.
 *
 * How a chained field is resolved in 2.4 (first hit wins):
 *   1. `service NAME { KEY = … }` written by the user;
 *   2. the root-level `service_KEY = …` written by the user (applies to every service,
 *      built-ins included);
 *   3. the value the built-in service sets itself (this file);
 *   4. the `default_*` global (`globalKey`), or the fixed `fallback` when there is none.
 * There is no "0 = default" sentinel any more: 0 is an error for the limits.
 *
 * @example
 *   import { SERVICES_24 } from './services-2.4.ts';
 *   SERVICES_24.find((s) => s.name === 'imap-login')?.settings.process_limit; // undefined → 100
 */
import type { ListenerDefault, ListenerKind, ServiceDefault } from './types.ts';

/**
 * Generic value of the `service { }` fields that are not resolved through the
 * global chain (the chained ones are in {@link SERVICE_CHAIN_24}).
 *
 * @example
 *   SERVICE_FIELD_DEFAULTS_24.drop_priv_before_exec; // 'no'
 */
export const SERVICE_FIELD_DEFAULTS_24: Readonly<Record<string, string>> = {
  protocol: '',
  type: '',
  executable: '',
  user: '',
  group: '',
  privileged_group: '',
  extra_groups: '',
  chroot: '',
  drop_priv_before_exec: 'no',
  process_min_avail: '0',
};

/** One link of the 2.4 per-service fallback chain. */
export interface ServiceChainLink {
  /** Root-level key that overrides this field for every service, e.g. `service_process_limit`. */
  readonly rootKey: string;
  /** Global used when neither the user nor the service sets a value, e.g. `default_process_limit`. */
  readonly globalKey?: string;
  /** Fixed value used when there is no `globalKey`. */
  readonly fallback?: string;
}

/**
 * The 2.4 fallback chain per chained service field (see the file comment for the
 * precedence). `process_min_avail` also has a root key but a plain `0` fallback.
 *
 * @example
 *   SERVICE_CHAIN_24.process_limit?.globalKey; // 'default_process_limit'
 *   SERVICE_CHAIN_24.restart_request_count?.fallback; // 'unlimited'
 */
export const SERVICE_CHAIN_24: Readonly<Record<string, ServiceChainLink>> = {
  process_limit: { rootKey: 'service_process_limit', globalKey: 'default_process_limit' },
  client_limit: { rootKey: 'service_client_limit', globalKey: 'default_client_limit' },
  process_min_avail: { rootKey: 'service_process_min_avail', fallback: '0' },
  restart_request_count: { rootKey: 'service_restart_request_count', fallback: 'unlimited' },
  idle_kill_interval: {
    rootKey: 'service_idle_kill_interval',
    globalKey: 'default_idle_kill_interval',
  },
  vsz_limit: { rootKey: 'service_vsz_limit', globalKey: 'default_vsz_limit' },
};

/**
 * Generic value of every listener field in 2.4, per listener kind. The section
 * name fills `path` (unix/fifo) or `name` (inet). An inet listener's `listen` is
 * not listed: when unset it inherits the global `listen` (default `* ::`).
 *
 * @example
 *   LISTENER_FIELD_DEFAULTS_24.inet_listener.ssl; // 'no'
 */
export const LISTENER_FIELD_DEFAULTS_24: Record<ListenerKind, Record<string, string>> = {
  unix_listener: { path: '', type: '', mode: '0600', user: '', group: '' },
  fifo_listener: { path: '', type: '', mode: '0600', user: '', group: '' },
  inet_listener: {
    name: '',
    type: '',
    port: '0',
    ssl: 'no',
    haproxy: 'no',
    reuse_port: 'no',
  },
};

/** A built-in default that was different under an older `dovecot_config_version`. */
export interface ConfigVersionChange {
  /** The change applies while `dovecot_config_version` is less than or equal to this. */
  readonly until: '2.4.0';
  readonly service: string;
  /** Set when the value belongs to a listener of the service. */
  readonly listener?: { readonly kind: ListenerKind; readonly name: string };
  readonly key: string;
  /** Value used under the older config version. */
  readonly value: string;
}

/**
 * Service defaults that 2.4.1 reverts when the config declares
 * `dovecot_config_version = 2.4.0` (as Debian 13's stock dovecot.conf does).
 *
 * @example
 *   // dovecot_config_version = 2.4.0 → lmtp is counted in the auth budget again
 *   CONFIG_VERSION_HISTORY_24.find((c) => c.service === 'lmtp')?.value; // 'unlimited'
 */
export const CONFIG_VERSION_HISTORY_24: readonly ConfigVersionChange[] = [
  { until: '2.4.0', service: 'lmtp', key: 'restart_request_count', value: 'unlimited' },
  {
    until: '2.4.0',
    service: 'auth',
    listener: { kind: 'unix_listener', name: 'auth-userdb' },
    key: 'group',
    value: '',
  },
];

const IU = '$SET:default_internal_user';
const IG = '$SET:default_internal_group';
const LU = '$SET:default_login_user';

const unix = (name: string, settings: Record<string, string> = {}): ListenerDefault => ({
  kind: 'unix_listener',
  name,
  settings,
});
const inet = (name: string, settings: Record<string, string>): ListenerDefault => ({
  kind: 'inet_listener',
  name,
  settings,
});
/** Per-process admin socket (`srv.NAME/%{pid}`) that 2.4 adds to many services. */
const admin = (service: string): ListenerDefault =>
  unix(`srv.${service}/%{pid}`, { type: 'admin' });

/**
 * Every built-in service of 2.4.1 in byte-wise name order (the order doveconf
 * uses for its warnings). managesieve / managesieve-login only exist with the
 * `dovecot-managesieved` package.
 *
 * @example
 *   SERVICES_24.find((s) => s.name === 'lmtp')?.settings.restart_request_count; // '1'
 */
export const SERVICES_24: readonly ServiceDefault[] = [
  {
    name: 'anvil',
    processLimit1: true,
    role: 'Tracks users and their connections (connection limits, auth penalties, `doveadm who`); must never be killed. In 2.4 it runs as root without chroot.',
    settings: {
      type: 'anvil',
      executable: 'anvil',
      process_limit: '1',
      process_min_avail: '1',
      idle_kill_interval: 'infinite',
    },
    listeners: [unix('anvil'), unix('anvil-auth-penalty')],
  },
  {
    name: 'auth',
    processLimit1: true,
    role: 'The authentication master: answers SASL, passdb and userdb requests from login, post-login, LDA and doveadm clients.',
    settings: {
      executable: 'auth',
      user: IU,
      process_limit: '1',
    },
    listeners: [
      unix('auth-client', { type: 'auth', user: IU }),
      unix('auth-login', { type: 'login', user: IU }),
      unix('auth-master', { type: 'master' }),
      unix('auth-userdb', { type: 'userdb', mode: '0666', user: IU, group: IG }),
      unix('login/login', { type: 'login', mode: '0666' }),
      unix('token-login/tokenlogin', { type: 'token-login', mode: '0666' }),
    ],
  },
  {
    name: 'auth-worker',
    processLimit1: false,
    role: 'Runs blocking passdb/userdb lookups (PAM, MySQL, passwd…) for the auth process; its process_limit is the number of parallel workers.',
    settings: {
      type: 'worker',
      executable: 'auth -w',
      process_limit: '30',
      client_limit: '1',
    },
    listeners: [unix('auth-worker', { user: IU })],
  },
  {
    name: 'config',
    processLimit1: false,
    role: 'Parses dovecot.conf and serves the resulting settings to every other process; runs as root so it can read secret files.',
    settings: {
      type: 'config',
      executable: 'config',
      idle_kill_interval: 'infinite',
    },
    listeners: [unix('config')],
  },
  {
    name: 'dict',
    processLimit1: false,
    role: 'Dict proxy server for backends with blocking lookups (e.g. MySQL): serves quota, last-login and similar key/value lookups for mail processes.',
    settings: {
      executable: 'dict',
      user: IU,
      client_limit: '1',
    },
    listeners: [unix('dict', { mode: '0660', group: IG })],
  },
  {
    name: 'dict-async',
    processLimit1: false,
    role: 'Dict proxy server for backends with asynchronous lookups (e.g. PostgreSQL, Cassandra, LDAP); one process serves many clients.',
    settings: {
      executable: 'dict',
      user: IU,
    },
    listeners: [unix('dict-async', { mode: '0660', group: IG })],
  },
  {
    name: 'dict-expire',
    processLimit1: false,
    role: 'Periodically deletes expired rows from the configured dicts (currently dict-sql with an expire field); a single process is enough.',
    settings: {
      executable: 'dict-expire',
      user: IU,
      process_limit: '1',
      client_limit: '1',
    },
    listeners: [],
  },
  {
    name: 'dns-client',
    processLimit1: false,
    role: 'Performs DNS lookups for other processes so they do not block; each lookup is synchronous inside the worker.',
    settings: {
      executable: 'dns-client',
      user: IU,
      client_limit: '1',
    },
    listeners: [unix('dns-client', { mode: '0666' }), unix('login/dns-client', { mode: '0666' })],
  },
  {
    name: 'doveadm',
    processLimit1: false,
    role: 'doveadm server: runs doveadm mail commands received over its socket (or TCP), e.g. from a doveadm client or a proxy.',
    settings: {
      executable: 'doveadm-server',
      client_limit: '1',
      restart_request_count: '1',
      extra_groups: IG,
    },
    listeners: [unix('doveadm-server', { type: 'tcp' })],
  },
  {
    name: 'health-check',
    processLimit1: false,
    role: 'Runs the health-check.sh script so a load balancer can probe whether this Dovecot instance answers (needs an inet listener you add yourself).',
    settings: {
      executable: 'script -p health-check.sh',
      user: IU,
      client_limit: '1',
      drop_priv_before_exec: 'yes',
    },
    listeners: [],
  },
  {
    name: 'imap',
    processLimit1: false,
    role: 'Post-login IMAP process: serves an authenticated IMAP session (one per process by default).',
    settings: {
      protocol: 'imap',
      executable: 'imap',
      process_limit: '1024',
      client_limit: '1',
      restart_request_count: '1',
      extra_groups: IG,
    },
    listeners: [
      unix('imap-master', { type: 'master' }),
      unix('login/imap', { type: 'login', mode: '0666' }),
      admin('imap'),
    ],
  },
  {
    name: 'imap-hibernate',
    processLimit1: false,
    role: 'Keeps idle IMAP IDLE sessions in a lightweight shared process so the full imap process can exit (needs imap_hibernate_timeout).',
    settings: {
      protocol: 'imap',
      executable: 'imap-hibernate',
      user: IU,
    },
    listeners: [unix('imap-hibernate', { mode: '0660', group: IG }), admin('imap-hibernate')],
  },
  {
    name: 'imap-login',
    processLimit1: false,
    role: 'Pre-login IMAP server (ports 143 and 993): handles TLS and authentication, then passes the session to an imap process.',
    settings: {
      type: 'login',
      protocol: 'imap',
      executable: 'imap-login',
      user: LU,
      chroot: 'login',
      restart_request_count: '1',
    },
    listeners: [
      admin('imap-login'),
      inet('imap', { port: '143' }),
      inet('imaps', { port: '993', ssl: 'yes' }),
    ],
  },
  {
    name: 'imap-urlauth',
    processLimit1: false,
    role: 'Post-login IMAP URLAUTH server (RFC 4467): lets a trusted client such as a submission server fetch message parts by URL.',
    settings: {
      protocol: 'imap',
      executable: 'imap-urlauth',
      user: IU,
      process_limit: '1024',
      client_limit: '1',
      restart_request_count: '1',
    },
    listeners: [unix('token-login/imap-urlauth', { mode: '0666' })],
  },
  {
    name: 'imap-urlauth-login',
    processLimit1: false,
    role: 'Login front end of imap-urlauth: authenticates URLAUTH clients with tokens before handing them over.',
    settings: {
      type: 'login',
      protocol: 'imap',
      executable: 'imap-urlauth-login',
      user: LU,
      chroot: 'token-login',
      restart_request_count: '1',
    },
    listeners: [unix('imap-urlauth', { mode: '0666' })],
  },
  {
    name: 'imap-urlauth-worker',
    processLimit1: false,
    role: 'Resolves IMAP URLAUTH URLs by opening the referenced user\'s mailbox on behalf of imap-urlauth.',
    settings: {
      protocol: 'imap',
      executable: 'imap-urlauth-worker',
      process_limit: '1024',
      client_limit: '1',
      restart_request_count: '1',
      extra_groups: IG,
    },
    listeners: [unix('imap-urlauth-worker', { user: IU })],
  },
  {
    name: 'indexer',
    processLimit1: true,
    role: 'Queues and prioritises indexing requests and makes sure only one worker updates a user\'s FTS index at a time.',
    settings: {
      executable: 'indexer',
      user: IU,
      process_limit: '1',
    },
    listeners: [unix('indexer', { mode: '0666' })],
  },
  {
    name: 'indexer-worker',
    processLimit1: false,
    role: 'Does the actual index, cache and full-text-search indexing work handed out by the indexer; CPU and disk heavy.',
    settings: {
      type: 'worker',
      executable: 'indexer-worker',
      process_limit: '10',
      client_limit: '1',
      extra_groups: IG,
    },
    listeners: [unix('indexer-worker', { user: IU }), admin('indexer-worker')],
  },
  {
    name: 'lmtp',
    processLimit1: false,
    role: 'LMTP server that delivers incoming mail into mailboxes (usually fed by the MTA over the lmtp socket). Since 2.4.1 each process handles one connection.',
    settings: {
      protocol: 'lmtp',
      executable: 'lmtp',
      client_limit: '1',
      restart_request_count: '1',
      extra_groups: IG,
    },
    listeners: [unix('lmtp', { mode: '0666' })],
  },
  {
    name: 'log',
    processLimit1: true,
    role: 'Central log writer: every process started by the master sends its log lines here, which writes them to syslog or the log files.',
    settings: {
      type: 'log',
      executable: 'log',
      process_limit: '1',
      idle_kill_interval: 'infinite',
    },
    listeners: [unix('log-errors', { type: 'errors' })],
  },
  {
    name: 'managesieve',
    plugin: 'managesieve',
    processLimit1: false,
    role: 'Post-login ManageSieve process: lets an authenticated user upload and manage Sieve filter scripts.',
    settings: {
      protocol: 'sieve',
      executable: 'managesieve',
      client_limit: '1',
      restart_request_count: '1',
    },
    listeners: [unix('login/sieve', { mode: '0666' }), admin('managesieve')],
  },
  {
    name: 'managesieve-login',
    plugin: 'managesieve',
    processLimit1: false,
    role: 'Pre-login ManageSieve server (port 4190): accepts connections, handles TLS and authentication, then hands the session to a managesieve process.',
    settings: {
      type: 'login',
      protocol: 'sieve',
      executable: 'managesieve-login',
      user: LU,
      chroot: 'login',
      restart_request_count: '1',
    },
    listeners: [admin('managesieve-login'), inet('sieve', { port: '4190' })],
  },
  {
    name: 'pop3',
    processLimit1: false,
    role: 'Post-login POP3 process: serves one authenticated POP3 session per process by default.',
    settings: {
      protocol: 'pop3',
      executable: 'pop3',
      process_limit: '1024',
      client_limit: '1',
      restart_request_count: '1',
      extra_groups: IG,
    },
    listeners: [unix('login/pop3', { mode: '0666' }), admin('pop3')],
  },
  {
    name: 'pop3-login',
    processLimit1: false,
    role: 'Pre-login POP3 server (ports 110 and 995): handles TLS and authentication before handing the session to a pop3 process.',
    settings: {
      type: 'login',
      protocol: 'pop3',
      executable: 'pop3-login',
      user: LU,
      chroot: 'login',
      restart_request_count: '1',
    },
    listeners: [
      admin('pop3-login'),
      inet('pop3', { port: '110' }),
      inet('pop3s', { port: '995', ssl: 'yes' }),
    ],
  },
  {
    name: 'stats',
    processLimit1: false,
    role: 'Collects event statistics (metrics) from every Dovecot process; like anvil but for high-volume, less critical data.',
    settings: {
      executable: 'stats',
      user: IU,
      process_limit: '1',
      idle_kill_interval: 'infinite',
    },
    listeners: [
      unix('login/stats-writer', { type: 'writer', user: LU }),
      unix('stats-reader', { type: 'reader' }),
      unix('stats-writer', { type: 'writer', mode: '0660', group: IG }),
    ],
  },
  {
    name: 'submission',
    processLimit1: false,
    role: 'Post-login SMTP submission process: receives mail from authenticated users and relays it to the configured MTA.',
    settings: {
      protocol: 'submission',
      executable: 'submission',
      process_limit: '1024',
      client_limit: '1',
      restart_request_count: '1',
      extra_groups: IG,
    },
    listeners: [unix('login/submission', { mode: '0666' }), admin('submission')],
  },
  {
    name: 'submission-login',
    processLimit1: false,
    role: 'Pre-login SMTP submission server (ports 587 and 465): handles TLS and authentication before passing the session to a submission process.',
    settings: {
      type: 'login',
      protocol: 'submission',
      executable: 'submission-login',
      user: LU,
      chroot: 'login',
      restart_request_count: '1',
    },
    listeners: [
      admin('submission-login'),
      inet('submission', { port: '587' }),
      inet('submissions', { port: '465', ssl: 'yes' }),
    ],
  },
];
