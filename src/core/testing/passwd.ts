/**
 * Host user lookup for tests, the way doveconf's getpwnam() sees this machine.
 *
 * @example passwdLookup()('root'); // true
 */
import { readFileSync } from 'node:fs';

/** Users dovecot-core's postinst creates (the reference oracle adds them too). */
const PACKAGE_USERS = new Set(['dovecot', 'dovenull']);

/** Returns a user-exists predicate over /etc/passwd (undefined when unreadable). */
export function passwdLookup(): (name: string) => boolean | undefined {
  let names: Set<string> | null;
  try {
    names = new Set(readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':')[0]!).filter(Boolean));
  } catch {
    names = null;
  }
  return (name) => (PACKAGE_USERS.has(name) ? true : names === null ? undefined : names.has(name));
}
