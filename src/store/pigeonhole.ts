/**
 * Whether the configuration assumes Pigeonhole's dovecot-managesieved package
 * (which adds the managesieve and managesieve-login services and the `sieve`
 * protocol). A server whose config enables `sieve` must have it installed, so
 * the editor checks such a config as doveconf does on that server; the status
 * bar says so.
 *
 * @example usesPigeonhole('protocols = imap sieve\n'); // true
 */

const PROTOCOLS_WITH_SIEVE = /^[ \t]*protocols[ \t]*=[^\n#]*(?:^|[\s,"])sieve(?:$|[\s,"#])/m;
const SIEVE_BOOLLIST = /^[ \t]*protocols[ \t]*\{[^}]*\bsieve[ \t]*=[ \t]*(?:yes|y|1)\b/im;
const MANAGESIEVE_BLOCK = /^[ \t]*service[ \t]+"?managesieve(?:-login)?"?[ \t]*\{/m;

/** True when the text enables `sieve` or configures a managesieve service. */
export function usesPigeonhole(text: string): boolean {
  return PROTOCOLS_WITH_SIEVE.test(text) || SIEVE_BOOLLIST.test(text) || MANAGESIEVE_BLOCK.test(text);
}
