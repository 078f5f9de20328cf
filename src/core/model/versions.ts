/**
 * `dovecot_config_version` values the Debian 2.4.1-4 doveconf accepts (its own
 * error text lists them; validation.md §2).
 *
 * @example SUPPORTED_CONFIG_VERSIONS_24.includes('2.4.0'); // true
 */
export const SUPPORTED_CONFIG_VERSIONS_24 = ['2.4.0', '2.4.1', '2.4.2', '2.4.3', '2.4.4'] as const;
