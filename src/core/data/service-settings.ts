/**
 * Catalog of the keys accepted inside `service NAME { }` and listener blocks, per
 * version (services-defaults.md §2.1–§2.3, budgets.md §7). Ordered the way an
 * admin reads a service: what it is, whom it runs as, its limits. Listener blocks
 * themselves are described by the LISTENER_SETTINGS_* tables.
 *
 * @example
 *   import { SERVICE_SETTINGS_24 } from './service-settings.ts';
 *   SERVICE_SETTINGS_24.find((d) => d.key === 'process_limit')?.rootKey; // 'service_process_limit'
 */
import type { ListenerKind, SettingDef } from './types.ts';

/** Allowed values of a service `type` (anything else is `Unknown service type`). */
const SERVICE_TYPES: readonly string[] = ['', 'log', 'config', 'anvil', 'login', 'startup', 'worker'];

// ---------------------------------------------------------------------------
// Shared text fragments (both versions)
// ---------------------------------------------------------------------------

const NAME_DOC =
  'Name of the service; it is the section name of `service NAME { }`. Names are case-sensitive, so ' +
  '`IMAP-LOGIN` declares a new, unrelated service. Writing a block for a built-in name edits that service; ' +
  'any other name creates a new service (which only starts if it has an executable).';

const PROTOCOL_DOC =
  'Protocol this service belongs to (imap, pop3, lmtp, submission, sieve…). When non-empty, the service only ' +
  'runs if the protocol is enabled in `protocols`; a disabled service is not started, not validated and not ' +
  'counted in any budget. Empty means the service always runs (auth, anvil, log, config, stats, dict…).';

const TYPE_DOC =
  'Special role known to the master: "" (ordinary), `login` (pre-login process: told when all processes are ' +
  'full, and counted in both the auth and anvil budgets), `worker` (worker pool: reaching process_limit is ' +
  'normal, no warning), `startup` (one process is started right away), and `log`, `config`, `anvil` for the ' +
  'three core master services (each may exist only once). Any other value is rejected.';

const EXECUTABLE_DOC =
  'Program the master starts for this service. A relative path is looked up in `libexec_dir` ' +
  '(/usr/lib/dovecot); anything after the first space is passed as arguments (e.g. `auth -w`). You can ' +
  'prefix a wrapper such as `/usr/bin/nice -n 10 …` to lower the priority of indexer-worker. A service ' +
  'without an executable is never started.';

const GROUP_DOC =
  'Primary group the processes run as. Empty keeps the group of `user`. The group must exist when the ' +
  'master starts.';

const PRIVILEGED_GROUP_DOC =
  'Group the process may switch to temporarily for privileged operations, e.g. `mail` to access ' +
  '/var/mail mbox files. Empty by default for every built-in service.';

const CHROOT_DOC =
  'Directory to chroot the processes into. A relative value is resolved under `base_dir` (`login` → ' +
  '/run/dovecot/login, `.` = base_dir itself); empty means no chroot. Login services are chrooted by ' +
  'default; cannot be combined with drop_priv_before_exec = yes.';

const DROP_PRIV_DOC =
  'Drop to the service user right after forking, before the binary is executed, instead of inside the ' +
  'started process. Mostly useful on systems where a process that changed its uid cannot dump core. ' +
  'Default no (only health-check sets it). Not allowed together with chroot (doveconf fails for enabled ' +
  'services), so login services would need their chroot cleared first.';

const PROCESS_MIN_AVAIL_DOC =
  'Number of processes the master keeps started and waiting for new connections, so clients do not ' +
  'wait for a fork. Must not exceed the effective process_limit. For high-performance login services ' +
  'set it to the number of CPU cores; for high-security login services keep it 0 or small.';

const PROCESS_LIMIT_BASE =
  'Maximum number of processes of this service at the same time; with client_limit it caps the ' +
  'connections the service can take (process_limit × effective clients per process). Budget impact: for ' +
  'login services it is added to both the auth and the anvil need; for protocol services whose restart ' +
  'count is not 1 it is added to the auth need; the auth service\'s own value is added to the anvil need. ' +
  'anvil, auth, indexer and log must stay at 1. Recommendation: blocking services (imap, pop3, lmtp, ' +
  'submission) keep client_limit 1 and use process_limit as the number of parallel connections; ' +
  'non-blocking login services in high-performance mode use about one process per CPU core.';

const CLIENT_LIMIT_BASE =
  'Maximum number of simultaneous connections one process serves. A process is never given more ' +
  'connections than its restart count allows, so login services with a count of 1 take one connection ' +
  'each. For auth and anvil this is the capacity of their budget: keep it at least as high as the ' +
  'computed need, or Dovecot warns that it is lower than required under max. load. Services that block ' +
  '(imap, pop3, lmtp, dict, auth-worker, indexer-worker) should keep 1; a high value on a service makes the ' +
  'master want a matching `ulimit -n`.';

const VSZ_LIMIT_BASE =
  'Limit on the virtual memory size of each process, protecting the host from a runaway or leaking ' +
  'process. Raise it for services that handle big mailboxes or run FTS indexing; the docs suggest 1G for ' +
  'high-performance login processes. Values below 1 MiB (1 to 1048575 bytes) are rejected as too low.';

// ---------------------------------------------------------------------------
// 2.3.19.1
// ---------------------------------------------------------------------------

/**
 * Keys accepted inside `service NAME { }` in 2.3.19.1; any other key is
 * `Unknown setting: service { KEY`.
 *
 * @example
 *   SERVICE_SETTINGS_23.find((d) => d.key === 'service_count')?.type; // 'uint'
 */
export const SERVICE_SETTINGS_23: readonly SettingDef[] = [
  { key: 'name', type: 'string', doc: NAME_DOC },
  { key: 'protocol', type: 'string', doc: PROTOCOL_DOC },
  { key: 'type', type: 'enum', values: SERVICE_TYPES, doc: TYPE_DOC },
  { key: 'executable', type: 'string', doc: EXECUTABLE_DOC },
  {
    key: 'user',
    type: 'string',
    doc:
      'System user the processes run as; empty means root. Built-ins use `$default_internal_user` or ' +
      '`$default_login_user`, which 2.3 expands to the value of those globals. The user must exist when ' +
      'the master starts.',
  },
  { key: 'group', type: 'string', doc: GROUP_DOC },
  { key: 'privileged_group', type: 'string', doc: PRIVILEGED_GROUP_DOC },
  {
    key: 'extra_groups',
    type: 'string',
    doc:
      'Supplementary groups for the processes, separated by commas (no spaces are trimmed). Mail processes ' +
      'get `$default_internal_group` so they can reach sockets such as dict or stats-writer.',
  },
  { key: 'chroot', type: 'string', doc: CHROOT_DOC },
  { key: 'drop_priv_before_exec', type: 'bool', doc: DROP_PRIV_DOC },
  {
    key: 'process_limit',
    type: 'uint',
    unit: 'processes',
    fallbackGlobal: 'default_process_limit',
    doc:
      `${PROCESS_LIMIT_BASE} In 2.3, 0 means "use default_process_limit" (100); director, ipc, old-stats ` +
      'and replicator must also stay at 1 (0 fails there too because it becomes 100).',
  },
  {
    key: 'process_min_avail',
    type: 'uint',
    unit: 'processes',
    doc: `${PROCESS_MIN_AVAIL_DOC} Default 0.`,
  },
  {
    key: 'client_limit',
    type: 'uint',
    unit: 'connections per process',
    fallbackGlobal: 'default_client_limit',
    doc: `${CLIENT_LIMIT_BASE} In 2.3, 0 means "use default_client_limit" (1000).`,
  },
  {
    key: 'service_count',
    type: 'uint',
    unit: 'connections per process before restart',
    doc:
      'Number of connections a process handles before it exits and is replaced; 0 means unlimited (the ' +
      'default). 1 gives each connection a fresh process: the high-security mode of login services and the ' +
      'default of imap, pop3, submission and doveadm. Budget impact: protocol services with a value other ' +
      'than 1 keep a persistent auth connection per process, so their process_limit is added to the auth ' +
      'need (lmtp counts by default). A value > 0 also caps the connections per process. Set 0 on login ' +
      'services for high-performance mode (then raise client_limit). Renamed restart_request_count in 2.4.',
  },
  {
    key: 'idle_kill',
    type: 'time',
    unit: 'time',
    fallbackGlobal: 'default_idle_kill',
    doc:
      'How long a process may stay without clients before the master stops it (only processes above ' +
      'process_min_avail). 0 means "use default_idle_kill" (1 min). anvil, config, log, stats and similar ' +
      'core services use 4294967295 s (never). Needs a unit, e.g. `30 s`. Renamed idle_kill_interval in 2.4.',
  },
  {
    key: 'vsz_limit',
    type: 'size',
    unit: 'bytes',
    fallbackGlobal: 'default_vsz_limit',
    doc:
      `${VSZ_LIMIT_BASE} In 2.3, 0 means unlimited and leaving it unset uses default_vsz_limit (256 M); ` +
      'the keyword `unlimited` is not accepted.',
  },
];

const UNIX_PATH_DOC =
  'Socket path; it is the section name. A relative path is created under `base_dir` (`login/imap` → ' +
  '/run/dovecot/login/imap); an absolute path inside base_dir draws a warning to drop the prefix. ' +
  'Two enabled listeners with the same resolved path are a `duplicate listener` error.';

const FIFO_PATH_DOC =
  'FIFO path; it is the section name. A relative path is created under `base_dir`. Two enabled listeners ' +
  'with the same resolved path are a `duplicate listener` error.';

const MODE_DOC =
  'Permission bits of the socket file. A value starting with 0 is octal (0600, 0666); without the leading ' +
  '0 it is read as decimal (`666` becomes 01232), so always write the 0. `0` disables the listener. ' +
  'Default 0600 (owner only); open it to 0660 with a group or 0666 only for sockets that are safe for ' +
  'everyone.';

const LISTENER_USER_DOC =
  'Owner of the socket file; empty means root. Together with mode it decides who may connect (e.g. the ' +
  'mail or MTA user for auth-userdb or lmtp).';

const LISTENER_GROUP_DOC =
  'Group of the socket file; empty means root\'s group. Use with mode 0660 to let one group connect.';

const INET_NAME_DOC =
  'Name of the inet listener; it is the section name (imap, imaps, pop3s, submission…). Write a block ' +
  'with the same name to change a built-in listener, e.g. `inet_listener imap { port = 0 }` to disable ' +
  'plain IMAP.';

const PORT_DOC =
  'TCP port to listen on, 0–65535. 0 disables the listener (the way to turn off e.g. plain imap on 143). ' +
  'Two enabled listeners on the same port and address are a `duplicate listener` error.';

const SSL_DOC =
  'Yes: the connection starts with TLS right away (implicit TLS, as on 993/995/465). No: plain text, ' +
  'STARTTLS may still be offered.';

const HAPROXY_DOC =
  'Yes: expect the HAProxy PROXY protocol header on every connection (the sender must be listed in ' +
  'haproxy_trusted_networks), so the real client address is seen.';

const REUSE_PORT_DOC =
  'Yes: open the port with SO_REUSEPORT so the kernel spreads new connections over the processes.';

const unixLike23 = (pathDoc: string): readonly SettingDef[] => [
  { key: 'path', type: 'string', doc: pathDoc },
  { key: 'mode', type: 'octal', unit: 'octal permission', doc: MODE_DOC },
  { key: 'user', type: 'string', doc: LISTENER_USER_DOC },
  { key: 'group', type: 'string', doc: LISTENER_GROUP_DOC },
];

/**
 * Keys accepted inside listener blocks in 2.3.19.1, per listener kind. 2.3 has no
 * listener `type`: the service derives it from the path after the last `-`.
 *
 * @example
 *   LISTENER_SETTINGS_23.inet_listener.map((d) => d.key); // ['name', 'address', 'port', 'ssl', 'haproxy', 'reuse_port']
 */
export const LISTENER_SETTINGS_23: Record<ListenerKind, readonly SettingDef[]> = {
  unix_listener: unixLike23(UNIX_PATH_DOC),
  fifo_listener: unixLike23(FIFO_PATH_DOC),
  inet_listener: [
    { key: 'name', type: 'string', doc: INET_NAME_DOC },
    {
      key: 'address',
      type: 'string',
      fallbackGlobal: 'listen',
      doc:
        'Comma-separated addresses for this listener only; empty (default) uses the global `listen`. Note ' +
        'that the duplicate check compares the raw text, so `143` with an empty address and `143` with ' +
        '127.0.0.1 are not reported even though they overlap. Replaced by `listen` in 2.4.',
    },
    { key: 'port', type: 'port', unit: 'TCP port', doc: PORT_DOC },
    { key: 'ssl', type: 'bool', doc: SSL_DOC },
    { key: 'haproxy', type: 'bool', doc: HAPROXY_DOC },
    { key: 'reuse_port', type: 'bool', doc: REUSE_PORT_DOC },
  ],
};

// ---------------------------------------------------------------------------
// 2.4.1
// ---------------------------------------------------------------------------

/**
 * Keys of `service NAME { }` in 2.4.1. Unlike 2.3, 2.4 also accepts any other
 * global setting inside the block (scoped to that service); only the service's
 * own keys are listed here.
 *
 * @example
 *   SERVICE_SETTINGS_24.find((d) => d.key === 'restart_request_count')?.rootKey; // 'service_restart_request_count'
 */
export const SERVICE_SETTINGS_24: readonly SettingDef[] = [
  { key: 'name', type: 'string', doc: NAME_DOC },
  { key: 'protocol', type: 'string', doc: PROTOCOL_DOC },
  { key: 'type', type: 'enum', values: SERVICE_TYPES, doc: TYPE_DOC },
  { key: 'executable', type: 'string', doc: EXECUTABLE_DOC },
  {
    key: 'user',
    type: 'string',
    doc:
      'System user the processes run as; empty means root. Built-ins use `$SET:default_internal_user` or ' +
      '`$SET:default_login_user` (2.4 leaves a plain `$name` as literal text). The user must exist when ' +
      'the master starts.',
  },
  { key: 'group', type: 'string', doc: GROUP_DOC },
  { key: 'privileged_group', type: 'string', doc: PRIVILEGED_GROUP_DOC },
  {
    key: 'extra_groups',
    type: 'boollist',
    doc:
      'Supplementary groups for the processes, as a list (`a b`, `a,b` or `extra_groups { grp = yes }`). ' +
      'Mail processes get `$SET:default_internal_group` so they can reach sockets such as dict or stats-writer.',
  },
  { key: 'chroot', type: 'string', doc: CHROOT_DOC },
  { key: 'drop_priv_before_exec', type: 'bool', doc: DROP_PRIV_DOC },
  {
    key: 'process_limit',
    type: 'uint',
    unit: 'processes',
    fallbackGlobal: 'default_process_limit',
    rootKey: 'service_process_limit',
    doc:
      `${PROCESS_LIMIT_BASE} In 2.4 a missing value comes from root service_process_limit, then the ` +
      'built-in value, then default_process_limit (100). 0 is an error; `unlimited` means 4294967295 (and ' +
      'the budget sums wrap around 2³²). A root service_process_limit also overrides built-ins, so it ' +
      'breaks the services that must stay at 1.',
  },
  {
    key: 'process_min_avail',
    type: 'uint',
    unit: 'processes',
    rootKey: 'service_process_min_avail',
    doc:
      `${PROCESS_MIN_AVAIL_DOC} Default 0; the 2.4 docs suggest \`%{system:cpu_count}\` for ` +
      'high-performance login services.',
  },
  {
    key: 'client_limit',
    type: 'uint',
    unit: 'connections per process',
    fallbackGlobal: 'default_client_limit',
    rootKey: 'service_client_limit',
    doc:
      `${CLIENT_LIMIT_BASE} In 2.4 a missing value comes from root service_client_limit, then the ` +
      'built-in value, then default_client_limit (1000). 0 is an error.',
  },
  {
    key: 'restart_request_count',
    type: 'uint',
    unit: 'connections per process before restart',
    rootKey: 'service_restart_request_count',
    doc:
      'Number of connections (requests) a process handles before it exits and is replaced; default ' +
      '`unlimited`, 0 is an error. 1 gives each connection a fresh process: the high-security mode of login ' +
      'services and the default of imap, pop3, submission, lmtp and doveadm. Budget impact: protocol ' +
      'services with a value other than 1 keep a persistent auth connection per process, so their ' +
      'process_limit is added to the auth need (lmtp does when dovecot_config_version is 2.4.0). It also ' +
      'caps the connections per process. Set `unlimited` on login services for high-performance mode ' +
      '(then raise client_limit). Was service_count in 2.3.',
  },
  {
    key: 'idle_kill_interval',
    type: 'time',
    unit: 'time',
    fallbackGlobal: 'default_idle_kill_interval',
    rootKey: 'service_idle_kill_interval',
    doc:
      'How long a process may stay without clients before the master stops it (only processes above ' +
      'process_min_avail). A missing value comes from root service_idle_kill_interval, then the built-in ' +
      'value, then default_idle_kill_interval (1 min). 0 is an error; `infinite` never kills (used by anvil, ' +
      'config, log and stats). Needs a unit, e.g. `30 s`. Was idle_kill in 2.3.',
  },
  {
    key: 'vsz_limit',
    type: 'size',
    unit: 'bytes',
    fallbackGlobal: 'default_vsz_limit',
    rootKey: 'service_vsz_limit',
    doc:
      `${VSZ_LIMIT_BASE} In 2.4 a missing value comes from root service_vsz_limit, then default_vsz_limit ` +
      '(256 M); 0 is an error too — write `unlimited` for no limit.',
  },
];

const LISTENER_TYPE_DOC_24 =
  'Tells the service what kind of client connects here. Auth uses auth, auth-legacy, login, master, ' +
  'userdb, token and token-login; mail services use login/master/admin; doveadm uses tcp; stats uses reader/writer; log ' +
  'uses errors. Empty keeps the 2.3 rule: the part of the name after the last `-` (`auth-userdb` → ' +
  'userdb). Unknown types on auth sockets are treated as `auth` (plain SASL clients).';

const unixLike24 = (pathDoc: string): readonly SettingDef[] => [
  {
    key: 'path',
    type: 'string',
    doc: `${pathDoc} %-variables are not expanded in 2.4 (built-in admin sockets contain \`%{pid}\`).`,
  },
  { key: 'type', type: 'string', doc: LISTENER_TYPE_DOC_24 },
  { key: 'mode', type: 'octal', unit: 'octal permission', doc: MODE_DOC },
  { key: 'user', type: 'string', doc: LISTENER_USER_DOC },
  { key: 'group', type: 'string', doc: LISTENER_GROUP_DOC },
];

/**
 * Keys accepted inside listener blocks in 2.4.1, per listener kind. Every kind
 * has an explicit `type`; inet listeners take `listen` instead of 2.3's `address`.
 *
 * @example
 *   LISTENER_SETTINGS_24.inet_listener.find((d) => d.key === 'listen')?.fallbackGlobal; // 'listen'
 */
export const LISTENER_SETTINGS_24: Record<ListenerKind, readonly SettingDef[]> = {
  unix_listener: unixLike24(UNIX_PATH_DOC),
  fifo_listener: unixLike24(FIFO_PATH_DOC),
  inet_listener: [
    { key: 'name', type: 'string', doc: INET_NAME_DOC },
    { key: 'type', type: 'string', doc: LISTENER_TYPE_DOC_24 },
    {
      key: 'listen',
      type: 'boollist',
      fallbackGlobal: 'listen',
      doc:
        'Addresses for this listener only (the global `listen` setting written inside the block); when unset ' +
        'the global value (`* ::`) applies. The duplicate check looks at every address, so two listeners on ' +
        'the same port collide on `PORT:*` / `PORT:::` unless their lists differ. Replaces 2.3\'s `address`.',
    },
    { key: 'port', type: 'port', unit: 'TCP port', doc: PORT_DOC },
    { key: 'ssl', type: 'bool', doc: SSL_DOC },
    { key: 'haproxy', type: 'bool', doc: HAPROXY_DOC },
    { key: 'reuse_port', type: 'bool', doc: REUSE_PORT_DOC },
  ],
};
