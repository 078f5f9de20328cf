/**
 * Generates a Dovecot 2.4 configuration with `total` services: the 25
 * built-in ones plus custom services with unix, fifo and inet listeners, a mix
 * of login, post-login and plain services so every kind of connection appears.
 * The imap-login block is written out so an edit has a place to land.
 *
 * @example generateConfig(500).match(/^service /gm)?.length; // 476 (475 custom + imap-login)
 */

/** Built-in services of the 2.4 default (without Pigeonhole). */
export const BUILTIN_SERVICES_24 = 25;

/** Name of the i-th generated service. */
export function customName(i: number): string {
  return `svc-${String(i).padStart(4, '0')}`;
}

function customBlock(i: number): string {
  const name = customName(i);
  const kind = i % 10;
  if (kind === 0) {
    return [
      `service ${name} {`,
      '  type = login',
      '  protocol = imap',
      '  executable = imap-login',
      `  process_limit = ${10 + (i % 7)}`,
      `  inet_listener ${name} {`,
      `    port = ${20000 + i}`,
      '  }',
      `  unix_listener login/${name} {`,
      '    mode = 0666',
      '  }',
      '}',
    ].join('\n');
  }
  if (kind <= 3) {
    return [
      `service ${name} {`,
      '  protocol = imap',
      '  executable = imap',
      '  restart_request_count = 1',
      `  process_limit = ${20 + (i % 11)}`,
      '  client_limit = 1',
      `  unix_listener ${name}-master {`,
      '    mode = 0600',
      '  }',
      '}',
    ].join('\n');
  }
  return [
    `service ${name} {`,
    `  executable = script ${name}`,
    `  process_limit = ${1 + (i % 5)}`,
    `  unix_listener ${name} {`,
    '    mode = 0660',
    '  }',
    `  fifo_listener ${name}-fifo {`,
    `    mode = ${i % 4 === 0 ? '0' : '0600'}`,
    '  }',
    '}',
  ].join('\n');
}

/**
 * A configuration with `total` services in all (at least the built-ins).
 *
 * @example generateConfig(50).includes('service svc-0024 {'); // true
 */
export function generateConfig(total: number): string {
  const custom = Math.max(0, total - BUILTIN_SERVICES_24);
  const parts = [
    'dovecot_config_version = 2.4.1',
    'dovecot_storage_version = 2.4.1',
    'protocols = imap pop3 lmtp submission',
    '',
    'service imap-login {',
    '  process_limit = 100',
    '}',
    '',
  ];
  for (let i = 0; i < custom; i++) parts.push(customBlock(i), '');
  return parts.join('\n');
}
