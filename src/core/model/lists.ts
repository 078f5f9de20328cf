/**
 * 2.4 boollist values (`protocols`, `listen`, `extra_groups`): items separated
 * by spaces or commas; a double-quoted item keeps its spaces (single quotes
 * are ordinary characters here).
 *
 * @example
 *   splitBoollist('"imap pop3",lmtp'); // ['imap pop3', 'lmtp']
 *   splitBoollist('imap  pop3');       // ['imap', 'pop3']
 */
import { unescape } from '../syntax/statement.ts';

/** Splits a boollist value into its items. */
export function splitBoollist(value: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < value.length) {
    const c = value[i]!;
    if (c === ' ' || c === '\t' || c === ',') {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < value.length && value[j] !== c) {
        if (value[j] === '\\' && j + 1 < value.length) j++;
        j++;
      }
      out.push(unescape(value.slice(i + 1, j)));
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < value.length && !' \t,'.includes(value[j]!)) j++;
    out.push(value.slice(i, j));
    i = j;
  }
  return out;
}
