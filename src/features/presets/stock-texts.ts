/**
 * Whole-document starting points, written for this editor (own words, not
 * copies of distribution files): Dovecot's built-in defaults, and the layout of
 * the 10-master.conf Debian ships, with its empty listener skeleton, as a
 * complete file that also enables the four protocols Debian's dovecot-imapd,
 * -pop3d, -lmtpd and -submissiond packages add (services-defaults.md §0, §5).
 *
 * @example STOCK_TEXTS['debian-13'].includes('dovecot_config_version = 2.4.0'); // true
 */

/** Ids of the document presets. */
export type StockTextId = 'defaults-2.3' | 'defaults-2.4' | 'debian-12' | 'debian-13';

const DEFAULTS_23 = `# Dovecot 2.3 with every service at its built-in defaults.
# Only the protocols are chosen: they decide which protocol services run.
protocols = imap pop3 lmtp submission
`;

const DEFAULTS_24 = `# Dovecot 2.4 with every service at its built-in defaults.
# 2.4 wants the two version lines first; the protocols decide which
# protocol services run (2.4 enables none by default).
dovecot_config_version = 2.4.1
dovecot_storage_version = 2.4.1
protocols = imap pop3 lmtp submission
`;

/** Listener skeleton shared by both Debian layouts; the 2.4 one adds submissions. */
function debianSkeleton(v: '2.3' | '2.4'): string {
  const internalUser = v === '2.3' ? '$default_internal_user' : '$SET:default_internal_user';
  const count = v === '2.3' ? 'service_count' : 'restart_request_count';
  const submissions = v === '2.4' ? `  inet_listener submissions {
    # implicit TLS on 465
    #port = 465
  }
` : '';
  return `# Global fallbacks every service without its own value uses.
#default_process_limit = 100
#default_client_limit = 1000
#default_vsz_limit = 256M
#default_login_user = dovenull
#default_internal_user = dovecot

service imap-login {
  inet_listener imap {
    # set port = 0 to stop listening for cleartext IMAP
    #port = 143
  }
  inet_listener imaps {
    #port = 993
    #ssl = yes
  }
  # 1 = one client per login process (safer); ${v === '2.3' ? '0' : 'unlimited'} = reuse processes (faster).
  #${count} = 1
  # login processes kept started so new clients do not wait for a fork
  #process_min_avail = 0
  # raise it when login processes serve many clients each
  #vsz_limit = 256M
}

service pop3-login {
  inet_listener pop3 {
    #port = 110
  }
  inet_listener pop3s {
    #port = 995
    #ssl = yes
  }
}

service submission-login {
  inet_listener submission {
    #port = 587
  }
${submissions}}

service lmtp {
  unix_listener lmtp {
    #mode = 0666
  }
  # TCP instead of (or next to) the socket, e.g. for a separate MTA host:
  #inet_listener lmtp {
  #  port = 24
  #}
}

service imap {
  # each IMAP session is one process: this is the IMAP connection limit
  #process_limit = 1024
  # more memory for very large mailboxes
  #vsz_limit = 256M
}

service pop3 {
  #process_limit = 1024
}

service submission {
  #process_limit = 1024
}

service auth {
  # userdb socket used by lmtp/LDA and doveadm; its permissions must let
  # the mail user in (see the "auth-userdb permissions" recipe)
  unix_listener auth-userdb {
    #mode = 0666
    #user =
    #group =
  }
  # an SMTP server authenticating through Dovecot (see the Postfix recipe)
  #unix_listener /var/spool/postfix/private/auth {
  #  mode = 0660
  #}
  # auth runs as ${internalUser}; root is only needed for some passdbs
  #user = ${internalUser}
}

service auth-worker {
  # runs as root so PAM can read /etc/shadow; use ${internalUser} when
  # your passdb/userdb do not need root
  #user = root
}

service dict {
  # dict proxy socket for quota/last-login dicts in SQL
  unix_listener dict {
    #mode = 0600
    #user =
    #group =
  }
}
`;
}

/** The document presets' texts. */
export const STOCK_TEXTS: Readonly<Record<StockTextId, string>> = {
  'defaults-2.3': DEFAULTS_23,
  'defaults-2.4': DEFAULTS_24,
  'debian-12': `# Debian 12 (bookworm, Dovecot 2.3.19.1) stock service layout, as one file.
# Debian enables protocols from protocols.d/*.protocol, one per installed
# dovecot-imapd/-pop3d/-lmtpd/-submissiond package: written here instead.
protocols = imap pop3 lmtp submission

${debianSkeleton('2.3')}`,
  'debian-13': `# Debian 13 (trixie, Dovecot 2.4.1) stock service layout, as one file.
# Debian's stock dovecot.conf declares config version 2.4.0, so 2.4.1 keeps
# the 2.4.0 defaults it changed (lmtp restart_request_count = unlimited).
dovecot_config_version = 2.4.0
dovecot_storage_version = 2.4.0
protocols = imap pop3 lmtp submission

${debianSkeleton('2.4')}`,
};
