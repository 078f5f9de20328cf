/**
 * The configuration the app opens with: Dovecot 2.4 built-in defaults with the
 * four protocols that Debian's dovecot-imapd/-pop3d/-lmtpd/-submissiond enable.
 *
 * @example analyzeConfig({ text: DEFAULT_CONFIG_TEXT })
 */
export const DEFAULT_CONFIG_TEXT = `# Dovecot Service Editor - embedded default configuration.
# Every service keeps its Dovecot 2.4.1 built-in defaults; only the
# protocols that decide which protocol services run are set here.
dovecot_config_version = 2.4.1
dovecot_storage_version = 2.4.1
protocols = imap pop3 lmtp submission
`;

/** The name the embedded default goes by. */
export const DEFAULT_FILE_NAME = 'dovecot.conf';
