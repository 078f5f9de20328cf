/**
 * Built-in services of Dovecot 2.3.19.1 (Debian 12 build), transcribed from
 * ../shared/dovecot/services-defaults.md §4 / §4.1.
 *
 * Each service lists only the fields whose value differs from
 * {@link SERVICE_FIELD_DEFAULTS_23}, spelled the way `doveconf -a` prints them.
 * Absent limit fields keep the 2.3 sentinel (`0` / unset) and therefore resolve
 * to the matching `default_*` global at runtime.
 *
 * @example
 *   import { SERVICES_23 } from './services-2.3.ts';
 *   SERVICES_23.find((s) => s.name === 'imap')?.settings.process_limit; // '1024'
 */
import type { ListenerDefault, ListenerKind, ServiceDefault } from './types.ts';

/**
 * Generic value of every `service { }` field in 2.3, i.e. what a service that sets
 * nothing gets. `0` for the limits is the "use default_*" sentinel; the huge
 * vsz_limit is the "unset" sentinel that also means "use default_vsz_limit".
 *
 * @example
 *   SERVICE_FIELD_DEFAULTS_23.process_limit; // '0' (→ default_process_limit)
 */
export const SERVICE_FIELD_DEFAULTS_23: Readonly<Record<string, string>> = {
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
  process_limit: '0',
  client_limit: '0',
  service_count: '0',
  idle_kill: '0',
  vsz_limit: '18446744073709551615 B',
};

/**
 * Generic value of every listener field in 2.3, per listener kind. The section
 * name fills `path` (unix/fifo) or `name` (inet). `address = ""` means the global
 * `listen`; `port = 0` and `mode = 0` disable a listener.
 *
 * @example
 *   LISTENER_FIELD_DEFAULTS_23.unix_listener.mode; // '0600'
 */
export const LISTENER_FIELD_DEFAULTS_23: Record<ListenerKind, Record<string, string>> = {
  unix_listener: { path: '', mode: '0600', user: '', group: '' },
  fifo_listener: { path: '', mode: '0600', user: '', group: '' },
  inet_listener: {
    name: '',
    address: '',
    port: '0',
    ssl: 'no',
    haproxy: 'no',
    reuse_port: 'no',
  },
};

const IU = '$default_internal_user';
const IG = '$default_internal_group';
const LU = '$default_login_user';
/** What 2.3 `doveconf -a` prints for idle_kill on services that are never killed. */
const NEVER = '4294967295 s';

const unix = (name: string, settings: Record<string, string> = {}): ListenerDefault => ({
  kind: 'unix_listener',
  name,
  settings,
});
const fifo = (name: string, settings: Record<string, string> = {}): ListenerDefault => ({
  kind: 'fifo_listener',
  name,
  settings,
});
const inet = (name: string, settings: Record<string, string>): ListenerDefault => ({
  kind: 'inet_listener',
  name,
  settings,
});

/**
 * Every built-in service of 2.3.19.1 in the internal list order (the order of
 * the `Counted …` lists in the auth/anvil warnings): first the Pigeonhole plugin
 * services (only present with `dovecot-managesieved`), then the compiled-in list.
 *
 * @example
 *   SERVICES_23.map((s) => s.name).slice(0, 3); // ['managesieve-login', 'managesieve', 'tcpwrap']
 */
export const SERVICES_23: readonly ServiceDefault[] = [
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
      service_count: '1',
    },
    listeners: [inet('sieve', { port: '4190' })],
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
      service_count: '1',
    },
    listeners: [unix('login/sieve', { mode: '0666' })],
  },
  {
    name: 'tcpwrap',
    processLimit1: false,
    role: 'Checks incoming connections against the TCP wrappers rules (hosts.allow / hosts.deny) when login_access_sockets points to it.',
    settings: {
      executable: 'tcpwrap',
      user: IU,
      client_limit: '1',
    },
    listeners: [],
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
    name: 'submission',
    processLimit1: false,
    role: 'Post-login SMTP submission process: receives mail from authenticated users and relays it to the configured MTA.',
    settings: {
      protocol: 'submission',
      executable: 'submission',
      process_limit: '1024',
      client_limit: '1',
      service_count: '1',
      extra_groups: IG,
    },
    listeners: [unix('login/submission', { mode: '0666' })],
  },
  {
    name: 'submission-login',
    processLimit1: false,
    role: 'Pre-login SMTP submission server (port 587): handles TLS and authentication before passing the session to a submission process.',
    settings: {
      type: 'login',
      protocol: 'submission',
      executable: 'submission-login',
      user: LU,
      chroot: 'login',
      service_count: '1',
    },
    listeners: [inet('submission', { port: '587' })],
  },
  {
    name: 'stats',
    processLimit1: false,
    role: 'Collects event statistics (metrics) from every Dovecot process; like anvil but for high-volume, less critical data.',
    settings: {
      executable: 'stats',
      user: IU,
      process_limit: '1',
      idle_kill: NEVER,
    },
    listeners: [
      unix('login/stats-writer', { user: LU }),
      unix('stats-reader'),
      unix('stats-writer', { mode: '0660', group: IG }),
    ],
  },
  {
    name: 'replicator',
    processLimit1: true,
    role: 'Coordinates dsync replication between two servers: queues users whose mailboxes changed and schedules syncs.',
    settings: {
      executable: 'replicator',
      process_limit: '1',
      idle_kill: NEVER,
    },
    listeners: [
      unix('replicator-doveadm', { mode: '00', user: IU }),
      unix('replicator', { user: IU }),
    ],
  },
  {
    name: 'aggregator',
    processLimit1: false,
    role: 'Gathers "mailbox changed" notifications from mail processes and forwards them to the replicator.',
    settings: {
      executable: 'aggregator',
      user: IU,
      chroot: '.',
    },
    listeners: [fifo('replication-notify-fifo'), unix('replication-notify')],
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
      service_count: '1',
      extra_groups: IG,
    },
    listeners: [unix('login/pop3', { mode: '0666' })],
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
      service_count: '1',
    },
    listeners: [inet('pop3', { port: '110' }), inet('pop3s', { port: '995', ssl: 'yes' })],
  },
  {
    name: 'old-stats',
    processLimit1: true,
    role: 'Legacy statistics collector kept for the old stats plugin and `doveadm old-stats`; superseded by the stats service.',
    settings: {
      executable: 'old-stats',
      user: IU,
      chroot: 'empty',
      process_limit: '1',
      idle_kill: NEVER,
    },
    listeners: [fifo('old-stats-mail'), fifo('old-stats-user'), unix('old-stats')],
  },
  {
    name: 'log',
    processLimit1: true,
    role: 'Central log writer: every process started by the master sends its log lines here, which writes them to syslog or the log files.',
    settings: {
      type: 'log',
      executable: 'log',
      process_limit: '1',
      idle_kill: NEVER,
    },
    listeners: [unix('log-errors')],
  },
  {
    name: 'lmtp',
    processLimit1: false,
    role: 'LMTP server that delivers incoming mail into mailboxes (usually fed by the MTA over the lmtp socket).',
    settings: {
      protocol: 'lmtp',
      executable: 'lmtp',
      client_limit: '1',
      extra_groups: IG,
    },
    listeners: [unix('lmtp', { mode: '0666' })],
  },
  {
    name: 'ipc',
    processLimit1: true,
    role: 'Relays commands between processes (for example doveadm proxy kick), including to login processes through login/ipc-proxy.',
    settings: {
      executable: 'ipc',
      user: IU,
      chroot: 'empty',
      process_limit: '1',
    },
    listeners: [unix('ipc', { user: IU }), unix('login/ipc-proxy', { user: LU })],
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
    listeners: [unix('indexer-worker', { user: IU })],
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
    name: 'imap',
    processLimit1: false,
    role: 'Post-login IMAP process: serves an authenticated IMAP session (one per process by default).',
    settings: {
      protocol: 'imap',
      executable: 'imap',
      process_limit: '1024',
      client_limit: '1',
      service_count: '1',
      extra_groups: IG,
    },
    listeners: [unix('imap-master'), unix('login/imap', { mode: '0666' })],
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
      service_count: '1',
      extra_groups: IG,
    },
    listeners: [unix('imap-urlauth-worker', { user: IU })],
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
      service_count: '1',
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
      service_count: '1',
    },
    listeners: [unix('imap-urlauth', { mode: '0666' })],
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
      service_count: '1',
    },
    listeners: [inet('imap', { port: '143' }), inet('imaps', { port: '993', ssl: 'yes' })],
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
    listeners: [unix('imap-hibernate', { mode: '0660', group: IG })],
  },
  {
    name: 'doveadm',
    processLimit1: false,
    role: 'doveadm server: runs doveadm mail commands received over its socket (or TCP), e.g. from a doveadm client or a proxy.',
    settings: {
      executable: 'doveadm-server',
      client_limit: '1',
      service_count: '1',
      extra_groups: IG,
    },
    listeners: [unix('doveadm-server')],
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
    name: 'director',
    processLimit1: true,
    role: 'Director ring member: keeps each user pinned to the same backend server in a proxy cluster.',
    settings: {
      executable: 'director',
      user: IU,
      chroot: '.',
      process_limit: '1',
      idle_kill: NEVER,
    },
    listeners: [
      fifo('login/proxy-notify', { mode: '00' }),
      unix('director-admin'),
      unix('login/director', { mode: '00' }),
    ],
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
    name: 'config',
    processLimit1: false,
    role: 'Parses dovecot.conf and serves the resulting settings to every other process; runs as root so it can read secret files.',
    settings: {
      type: 'config',
      executable: 'config',
      idle_kill: NEVER,
    },
    listeners: [unix('config')],
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
      unix('auth-client', { user: IU }),
      unix('auth-login', { user: IU }),
      unix('auth-master'),
      unix('auth-userdb', { mode: '0666', user: IU }),
      unix('login/login', { mode: '0666' }),
      unix('token-login/tokenlogin', { mode: '0666' }),
    ],
  },
  {
    name: 'auth-worker',
    processLimit1: false,
    role: 'Runs blocking passdb/userdb lookups (PAM, MySQL, passwd…) for the auth process; runs as root by default so PAM can read /etc/shadow.',
    settings: {
      type: 'worker',
      executable: 'auth -w',
      client_limit: '1',
    },
    listeners: [unix('auth-worker', { user: IU })],
  },
  {
    name: 'anvil',
    processLimit1: true,
    role: 'Tracks users and their connections (connection limits, auth penalties, `doveadm who`); must never be killed or its state is lost.',
    settings: {
      type: 'anvil',
      executable: 'anvil',
      user: IU,
      chroot: 'empty',
      process_limit: '1',
      process_min_avail: '1',
      idle_kill: NEVER,
    },
    listeners: [unix('anvil-auth-penalty'), unix('anvil')],
  },
];
