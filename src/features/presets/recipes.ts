/**
 * Recipes: the most common real-world edits of 10-master.conf (corpus README,
 * "what admins actually change"), as data. Each becomes one undo step; the
 * listeners they add appear on the graph.
 *
 * @example RECIPES.find((r) => r.id === 'postfix-sasl')?.changes('2.4', {}).length; // 1
 */
import type { DovecotVersion, ListenerKind } from '../../core/index.ts';

/** One change a recipe makes. */
export type RecipeChange =
  | { readonly op: 'listener'; readonly service: string; readonly kind: ListenerKind; readonly name: string; readonly settings: Readonly<Record<string, string>> }
  | { readonly op: 'set'; readonly service: string; readonly key: string; readonly value: string }
  | { readonly op: 'inet-port-off'; readonly service: string; readonly name: string };

/** A recipe. */
export interface Recipe {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** Asks for the mail user's name. */
  readonly asksUser?: boolean;
  readonly changes: (version: DovecotVersion, input: { readonly user?: string }) => readonly RecipeChange[];
}

/**
 * Every recipe.
 *
 * @example RECIPES.map((r) => r.title);
 */
export const RECIPES: readonly Recipe[] = [
  {
    id: 'postfix-sasl',
    title: 'Postfix SASL socket',
    summary: 'unix_listener /var/spool/postfix/private/auth in service auth, user/group postfix, mode 0660: Postfix authenticates SMTP clients through Dovecot (smtpd_sasl_type = dovecot, smtpd_sasl_path = private/auth).',
    changes: () => [{
      op: 'listener', service: 'auth', kind: 'unix_listener', name: '/var/spool/postfix/private/auth',
      settings: { mode: '0660', user: 'postfix', group: 'postfix' },
    }],
  },
  {
    id: 'postfix-lmtp',
    title: 'Postfix LMTP socket',
    summary: 'unix_listener /var/spool/postfix/private/dovecot-lmtp in service lmtp, user/group postfix, mode 0600: Postfix delivers mail with virtual_transport = lmtp:unix:private/dovecot-lmtp.',
    changes: () => [{
      op: 'listener', service: 'lmtp', kind: 'unix_listener', name: '/var/spool/postfix/private/dovecot-lmtp',
      settings: { mode: '0600', user: 'postfix', group: 'postfix' },
    }],
  },
  {
    id: 'cleartext-off',
    title: 'Turn off cleartext ports',
    summary: 'port = 0 on the imap (143) and pop3 (110) inet listeners: clients can only use IMAPS 993 and POP3S 995.',
    changes: () => [
      { op: 'inet-port-off', service: 'imap-login', name: 'imap' },
      { op: 'inet-port-off', service: 'pop3-login', name: 'pop3' },
    ],
  },
  {
    id: 'mail-user-sockets',
    title: 'Sockets for the mail user',
    summary: 'stats-reader, stats-writer and auth-userdb owned by the mail user with mode 0660, so processes running as that user (LDA, lmtp as vmail, doveadm) can reach them; the usual fix for stats permission errors.',
    asksUser: true,
    changes: (_v, { user = 'vmail' }) => [
      { op: 'listener', service: 'stats', kind: 'unix_listener', name: 'stats-reader', settings: { user, group: user, mode: '0660' } },
      { op: 'listener', service: 'stats', kind: 'unix_listener', name: 'stats-writer', settings: { user, group: user, mode: '0660' } },
      { op: 'listener', service: 'auth', kind: 'unix_listener', name: 'auth-userdb', settings: { user, group: user, mode: '0660' } },
    ],
  },
  {
    id: 'auth-worker-internal',
    title: 'auth-worker as the internal user',
    summary: 'Runs auth-worker as the unprivileged internal user instead of root, for passdbs/userdbs that do not need root (SQL, LDAP, passwd-file); PAM with /etc/shadow does need root.',
    changes: (v) => [{ op: 'set', service: 'auth-worker', key: 'user', value: v === '2.3' ? '$default_internal_user' : '$SET:default_internal_user' }],
  },
];
