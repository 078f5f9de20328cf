/**
 * Root-level (master) settings that the service model depends on, with their
 * Debian defaults per version (services-defaults.md §1).
 *
 * @example
 *   import { GLOBALS_24 } from './globals.ts';
 *   GLOBALS_24.find((g) => g.key === 'default_process_limit')?.default; // '100'
 */
import type { GlobalDefault } from './types.ts';

const PROCESS_LIMIT_DOC =
  'Maximum number of processes a service may run at once when the service does not set its own process_limit. ' +
  'Every service that inherits it (login services, lmtp, dict, doveadm, config, …) gets this value, so raising it ' +
  'raises the auth and anvil budgets by the number of login services (and, in 2.3, lmtp).';

const CLIENT_LIMIT_DOC =
  'Maximum number of simultaneous connections one process accepts when the service does not set its own client_limit. ' +
  'auth, anvil and stats inherit it, so it is also the default capacity of the auth and anvil budgets. ' +
  'At startup the master warns when `ulimit -n` is below the largest per-process client_limit.';

const VSZ_LIMIT_DOC =
  'Address-space (virtual memory) limit applied to each process of a service that does not set vsz_limit. ' +
  'Protects the host from a runaway process; raise it for services handling large mailboxes or FTS indexing.';

const LOGIN_USER_DOC =
  'Unprivileged system user the login services (imap-login, pop3-login, …) run as. It should own nothing and be ' +
  'used by nothing else, because it is exposed to unauthenticated clients. Must exist on the system.';

const INTERNAL_USER_DOC =
  'System user for Dovecot\'s internal helper processes (auth, dict, stats, indexer, …). Must exist on the system.';

const INTERNAL_GROUP_DOC =
  'System group of Dovecot\'s internal processes; built-in services add it as an extra group to mail processes and ' +
  'use it to open sockets such as dict and stats-writer to them.';

const BASE_DIR_DOC =
  'Runtime directory holding the PID file and the UNIX sockets; relative listener paths and relative chroot ' +
  'directories are resolved under it.';

const LIBEXEC_DIR_DOC =
  'Directory of Dovecot\'s helper binaries; a relative service `executable` is looked up here.';

const STATE_DIR_DOC =
  'Directory for persistent state files (e.g. the replicator queue and the instance history); survives restarts.';

/**
 * Master globals of Dovecot 2.3.19.1 (Debian 12) with their defaults.
 *
 * @example
 *   GLOBALS_23.find((g) => g.key === 'default_idle_kill')?.default; // '1 mins'
 */
export const GLOBALS_23: readonly GlobalDefault[] = [
  {
    key: 'default_process_limit',
    type: 'uint',
    default: '100',
    doc: `${PROCESS_LIMIT_DOC} In 2.3 a service's process_limit of 0 means "use this value".`,
  },
  {
    key: 'default_client_limit',
    type: 'uint',
    default: '1000',
    doc: `${CLIENT_LIMIT_DOC} In 2.3 a service's client_limit of 0 means "use this value".`,
  },
  {
    key: 'default_vsz_limit',
    type: 'size',
    default: '256 M',
    doc: `${VSZ_LIMIT_DOC} A value of 0 means unlimited in 2.3.`,
  },
  {
    key: 'default_idle_kill',
    type: 'time',
    default: '1 mins',
    doc:
      'How long a process may sit idle (no clients) before the master stops it to free resources, for services ' +
      'whose idle_kill is 0. Renamed to default_idle_kill_interval in 2.4.',
  },
  { key: 'default_login_user', type: 'string', default: 'dovenull', doc: LOGIN_USER_DOC },
  { key: 'default_internal_user', type: 'string', default: 'dovecot', doc: INTERNAL_USER_DOC },
  { key: 'default_internal_group', type: 'string', default: 'dovecot', doc: INTERNAL_GROUP_DOC },
  {
    key: 'protocols',
    type: 'string',
    default: '',
    doc:
      'Space-separated list of enabled protocols. A service with a non-empty `protocol` runs (and is validated and ' +
      'counted in the budgets) only when its protocol is listed. `none` alone means no protocols. Empty in the ' +
      'Debian build; each installed dovecot-<proto>d package appends its protocol via protocols.d/*.protocol.',
  },
  {
    key: 'listen',
    type: 'string',
    default: '*, ::',
    doc:
      'Comma-separated addresses the inet listeners bind to when their own `address` is empty (`*` = all IPv4, ' +
      '`::` = all IPv6). Setting it empty is an error.',
  },
  { key: 'base_dir', type: 'string', default: '/run/dovecot', doc: BASE_DIR_DOC },
  { key: 'libexec_dir', type: 'string', default: '/usr/lib/dovecot', doc: LIBEXEC_DIR_DOC },
  { key: 'state_dir', type: 'string', default: '/var/lib/dovecot', doc: STATE_DIR_DOC },
];

/**
 * Master globals of Dovecot 2.4.1 (Debian 13) with their defaults.
 *
 * @example
 *   GLOBALS_24.find((g) => g.key === 'listen')?.default; // '* ::'
 */
export const GLOBALS_24: readonly GlobalDefault[] = [
  {
    key: 'default_process_limit',
    type: 'uint',
    default: '100',
    doc:
      `${PROCESS_LIMIT_DOC} In 2.4 it is the last step of the chain (service block → root service_process_limit ` +
      '→ built-in value → this); 0 is an error, `unlimited` is allowed.',
  },
  {
    key: 'default_client_limit',
    type: 'uint',
    default: '1000',
    doc:
      `${CLIENT_LIMIT_DOC} In 2.4 it is the last step of the chain (service block → root service_client_limit ` +
      '→ built-in value → this); 0 is an error.',
  },
  {
    key: 'default_vsz_limit',
    type: 'size',
    default: '256 M',
    doc: `${VSZ_LIMIT_DOC} In 2.4 use \`unlimited\` for no limit; values below 1 MiB (including 0) are rejected.`,
  },
  {
    key: 'default_idle_kill_interval',
    type: 'time',
    default: '1 mins',
    doc:
      'How long a process may sit idle (no clients) before the master stops it, for services that set no ' +
      'idle_kill_interval. 0 is an error; `infinite` disables idle killing. Replaces 2.3\'s default_idle_kill.',
  },
  { key: 'default_login_user', type: 'string', default: 'dovenull', doc: LOGIN_USER_DOC },
  { key: 'default_internal_user', type: 'string', default: 'dovecot', doc: INTERNAL_USER_DOC },
  { key: 'default_internal_group', type: 'string', default: 'dovecot', doc: INTERNAL_GROUP_DOC },
  {
    key: 'protocols',
    type: 'boollist',
    default: '',
    doc:
      'Boolean list of enabled protocols (`imap pop3`, or `protocols { imap = yes }`). A service with a non-empty ' +
      '`protocol` runs (and is validated and counted in the budgets) only when its protocol is enabled. Empty by ' +
      'default: each installed dovecot-<proto>d package enables its protocol via protocols.d/*.protocol. ' +
      '`none` is not special in 2.4.',
  },
  {
    key: 'listen',
    type: 'boollist',
    default: '* ::',
    doc:
      'Addresses the inet listeners bind to (`*` = all IPv4, `::` = all IPv6). Can also be set inside an ' +
      '`inet_listener { }` block to override it for that listener only.',
  },
  { key: 'base_dir', type: 'string', default: '/run/dovecot', doc: BASE_DIR_DOC },
  { key: 'libexec_dir', type: 'string', default: '/usr/lib/dovecot', doc: LIBEXEC_DIR_DOC },
  { key: 'state_dir', type: 'string', default: '/var/lib/dovecot', doc: STATE_DIR_DOC },
];
