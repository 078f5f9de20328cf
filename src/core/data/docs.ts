/**
 * Explanatory texts for the UI that are not tied to one setting: the connection
 * budgets (budgets.md) and the listener types (services-defaults.md §2.2, §5.1).
 * Per-service descriptions live in `ServiceDefault.role`.
 *
 * @example
 *   import { BUDGET_DOCS } from './docs.ts';
 *   BUDGET_DOCS.stats.advisory; // true
 */
import type { DovecotVersion } from './types.ts';

/** The four capacity checks the editor computes. */
export type BudgetKind = 'auth' | 'anvil' | 'stats' | 'fd';

/** Description of one connection budget. */
export interface BudgetDoc {
  readonly title: string;
  /** What is being protected and why the numbers matter. */
  readonly summary: string;
  /** The need/capacity rule in words. */
  readonly rule: string;
  /** Who performs the check and how it reports. */
  readonly checkedBy: string;
  /** True when Dovecot itself never checks it (shown as advisory only). */
  readonly advisory: boolean;
}

/**
 * Short, own-words explanations of the auth, anvil, stats and fd budgets.
 *
 * @example
 *   BUDGET_DOCS.auth.title; // 'auth client_limit'
 */
export const BUDGET_DOCS: Readonly<Record<BudgetKind, BudgetDoc>> = {
  auth: {
    title: 'auth client_limit',
    summary:
      'The single auth process must be able to hold one connection from every process that keeps an auth ' +
      'connection open. If it cannot, logins stall under full load.',
    rule:
      'Need = sum of the effective process_limit of every enabled service that has a protocol and either is a ' +
      'login service or restarts after a number of connections other than 1 (service_count in 2.3, ' +
      'restart_request_count in 2.4); imap-hibernate is never counted. Capacity = client_limit of service ' +
      'auth. With defaults this counts the login services, plus lmtp in 2.3 (and in 2.4.1 when ' +
      'dovecot_config_version is 2.4.0). Equal is fine.',
    checkedBy:
      'doveconf and the master at startup; prints a warning (configuration still loads). In 2.4, doveconf ' +
      'skips the check without -x when a service value uses $SET:.',
    advisory: false,
  },
  anvil: {
    title: 'anvil client_limit',
    summary:
      'anvil keeps a persistent connection from every login process and from auth, plus two from the ' +
      'master; running out of slots breaks connection tracking and auth penalties.',
    rule:
      'Need = 2 + sum of the effective process_limit of every enabled service whose type is `login` or whose ' +
      'name is `auth`, whatever their protocol or restart count. Capacity = client_limit of service anvil.',
    checkedBy: 'doveconf and the master at startup; prints a warning (configuration still loads).',
    advisory: false,
  },
  stats: {
    title: 'stats client_limit (advisory)',
    summary:
      'Every Dovecot process may keep a connection to stats to send its events. The documentation claims ' +
      'Dovecot warns when stats cannot take all of them, but no released version does: not checked by ' +
      'Dovecot.',
    rule:
      'Need = sum of the effective process_limit of all enabled services (6639 for 2.3 and 6366 for 2.4 with ' +
      'imap, pop3, lmtp and submission enabled). Capacity = client_limit of service stats (1000 by default), ' +
      'so this advisory fires on almost every default install.',
    checkedBy: 'Not checked by Dovecot; shown by this editor as a hint only.',
    advisory: true,
  },
  fd: {
    title: 'file descriptor limit (ulimit -n)',
    summary:
      'Each connection a process holds needs a file descriptor, so the per-process open-files limit must ' +
      'be at least as high as the largest client_limit.',
    rule:
      'Need = the largest single effective client_limit among enabled services (not a sum); 2.3 also starts ' +
      'from default_client_limit. The first service with that value is named in the warning. Capacity = ' +
      'the soft RLIMIT_NOFILE of the master.',
    checkedBy:
      'Only the master at startup (doveconf never checks it); prints a warning. Matters for high-performance ' +
      'login services with a large client_limit.',
    advisory: false,
  },
};

/** Meaning of one listener `type` for one service. */
export interface ListenerTypeDoc {
  /** Service that interprets the type; `*` = any service that has such a listener. */
  readonly service: string;
  /** Type value (2.4 `type = …`; in 2.3 the part of the socket name after the last `-`). */
  readonly type: string;
  /** Versions where this type is recognised. */
  readonly versions: readonly DovecotVersion[];
  readonly doc: string;
}

/**
 * What each listener type means to the service that owns the listener. In 2.3
 * there is no `type` key: the service reads the socket name after the last `-`
 * (`auth-userdb` → userdb). In 2.4 `type` is explicit, with the same name rule as
 * fallback when it is empty.
 *
 * @example
 *   LISTENER_TYPE_DOCS.find((d) => d.service === 'auth' && d.type === 'userdb')?.versions; // ['2.3', '2.4']
 */
export const LISTENER_TYPE_DOCS: readonly ListenerTypeDoc[] = [
  {
    service: 'auth',
    type: 'auth',
    versions: ['2.4'],
    doc:
      'Plain SASL authentication only; safe to offer to untrusted clients such as Postfix SMTP AUTH. Also ' +
      'what 2.4 uses for a listener whose type it does not recognise.',
  },
  {
    service: 'auth',
    type: 'client',
    versions: ['2.3'],
    doc:
      'Not a keyword: in 2.3 any auth socket whose name suffix is not one of the known types (e.g. ' +
      '`auth-client`, or a Postfix socket) is a plain SASL client socket. The 2.4 name is `auth`.',
  },
  {
    service: 'auth',
    type: 'auth-legacy',
    versions: ['2.4'],
    doc: 'Accepted by the 2.4 auth service as a compatibility variant of a SASL client socket; no built-in listener uses it.',
  },
  {
    service: 'auth',
    type: 'login',
    versions: ['2.3', '2.4'],
    doc:
      'Used by login processes for the first half of a login: authenticate the client (like `auth`) and ' +
      'receive a handle the post-login process redeems later. Leave it alone.',
  },
  {
    service: 'auth',
    type: 'master',
    versions: ['2.3', '2.4'],
    doc:
      'Used on behalf of post-login processes (imap, pop3, …) to finish a login: redeem the handle and run ' +
      'the userdb lookup. Leave it alone; root only by default.',
  },
  {
    service: 'auth',
    type: 'userdb',
    versions: ['2.3', '2.4'],
    doc:
      'userdb lookups, passdb lookups without the password, and user listing for any user. Needed by ' +
      'LDA/lmtp, doveadm and similar tools; can leak user data, so open it only to those. Add as many as ' +
      'you need.',
  },
  {
    service: 'auth',
    type: 'token',
    versions: ['2.3', '2.4'],
    doc: 'Connections that authenticate with Dovecot-issued auth tokens rather than passwords; no built-in listener uses it.',
  },
  {
    service: 'auth',
    type: 'tokenlogin',
    versions: ['2.3', '2.4'],
    doc:
      'Login socket for token-based logins used by imap-urlauth-login (`token-login/tokenlogin`). 2.4 still ' +
      'accepts this spelling but deprecates it in favour of `token-login`.',
  },
  {
    service: 'auth',
    type: 'token-login',
    versions: ['2.4'],
    doc: 'The 2.4 name of the token login socket used by imap-urlauth-login.',
  },
  {
    service: '*',
    type: 'admin',
    versions: ['2.4'],
    doc:
      'Per-process administration socket `srv.NAME/%{pid}` that 2.4 creates for each process, so doveadm can ' +
      'and other tools can reach one specific process.',
  },
  {
    service: 'imap',
    type: 'login',
    versions: ['2.4'],
    doc:
      'login/imap: the socket through which imap-login hands an authenticated client over to imap. (The ' +
      'pop3, submission and managesieve counterparts keep an empty type.)',
  },
  {
    service: 'imap',
    type: 'master',
    versions: ['2.4'],
    doc: 'imap-master: lets imap-hibernate give a woken-up IDLE session back to a full imap process.',
  },
  {
    service: 'doveadm',
    type: 'tcp',
    versions: ['2.4'],
    doc: 'Speaks the native doveadm protocol (as opposed to the HTTP API) on this listener.',
  },
  {
    service: 'stats',
    type: 'writer',
    versions: ['2.4'],
    doc: 'Processes connect here to send their events; login processes use the copy inside the login chroot.',
  },
  {
    service: 'stats',
    type: 'reader',
    versions: ['2.4'],
    doc: 'Read-only access to the collected metrics, e.g. for `doveadm stats dump`.',
  },
  {
    service: 'log',
    type: 'errors',
    versions: ['2.4'],
    doc: 'Lets doveadm fetch the most recent error messages kept in memory by the log process (`doveadm log errors`).',
  },
];
