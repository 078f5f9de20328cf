/**
 * Stage 2: one logical line → one statement, following Dovecot's own line
 * classifier (syntax.md §2–§4): `key = value`, `name [value] {`, `}`,
 * `!include[_try] pattern`, 2.4 include groups, or an error.
 *
 * Indices in the result point into the logical line; `sourceOffset()` turns
 * them into file offsets.
 *
 * @example
 *   classifyLine('service imap-login {', '2.3');
 *   // { type: 'section-open', name: 'service', value: 'imap-login', ... }
 */
import type { DovecotVersion } from '../data/types.ts';
import { isWhite } from './lines.ts';

/** How an assigned value was written. */
export type ValueForm = 'plain' | 'quoted' | 'file' | 'variable';

/** Codes of line-level syntax errors (text in `SYNTAX_MESSAGES`). */
export type SyntaxErrorCode =
  | 'garbage-after-brace'
  | 'expecting-brace'
  | 'unexpected-close'
  | 'missing-close';

/** doveconf's own text for each syntax error. */
export const SYNTAX_MESSAGES: Readonly<Record<Exclude<SyntaxErrorCode, 'missing-close'>, string>> = {
  'garbage-after-brace': "Garbage after '{'",
  'expecting-brace': "Expecting '{'",
  'unexpected-close': "Unexpected '}'",
};

/** A classified logical line. */
export type Statement =
  | {
      readonly type: 'assign';
      readonly key: string;
      readonly keyStart: number;
      readonly keyEnd: number;
      /** Value text as written after `=` (quotes included), without comment. */
      readonly raw: string;
      readonly valueStart: number;
      readonly valueEnd: number;
      /** Value after unquoting (`file`: the path after `<`). */
      readonly value: string;
      readonly form: ValueForm;
    }
  | {
      readonly type: 'section-open';
      readonly name: string;
      readonly value: string;
      /** Index range of the section value as written (quotes included); equal when absent. */
      readonly valueStart: number;
      readonly valueEnd: number;
      readonly quoted: boolean;
    }
  | { readonly type: 'section-close' }
  | { readonly type: 'include'; readonly optional: boolean; readonly pattern: string; readonly patternStart: number }
  | { readonly type: 'group-define'; readonly group: string; readonly groupName: string }
  | { readonly type: 'group-apply'; readonly group: string; readonly groupName: string }
  | { readonly type: 'error'; readonly code: SyntaxErrorCode; readonly message: string };

/** Removes backslash escapes by dropping the backslash (Dovecot's `str_unescape`). */
export function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      out += s[i + 1];
      i++;
    } else if (c !== '\\') out += c;
  }
  return out;
}

function error(code: Exclude<SyntaxErrorCode, 'missing-close'>): Statement {
  return { type: 'error', code, message: SYNTAX_MESSAGES[code] };
}

/**
 * Classifies one logical line (non-empty, comments already removed).
 *
 * @example
 *   classifyLine('process_limit=5', '2.4'); // assign process_limit = "5"
 */
export function classifyLine(line: string, version: DovecotVersion): Statement {
  const n = line.length;
  let i = 0;
  let key: string;
  let keyStart = 0;
  let keyEnd: number;
  if (version === '2.4' && line[0] === '"') {
    // 2.4 accepts quoted keys, e.g. "SORT=DISPLAY" = yes
    let j = 1;
    while (j < n && line[j] !== '"') {
      if (line[j] === '\\' && j + 1 < n) j++;
      j++;
    }
    if (j < n) {
      key = unescape(line.slice(1, j));
      keyStart = 0;
      keyEnd = j + 1;
      i = j + 1;
    } else {
      while (i < n && !isWhite(line[i], version) && line[i] !== '=') i++;
      key = line.slice(0, i);
      keyEnd = i;
    }
  } else {
    while (i < n && !isWhite(line[i], version) && line[i] !== '=') i++;
    key = line.slice(0, i);
    keyEnd = i;
  }
  while (i < n && isWhite(line[i], version)) i++;

  if (key === '!include' || key === '!include_try') {
    return { type: 'include', optional: key === '!include_try', pattern: line.slice(i), patternStart: i };
  }

  if (line[i] === '=') {
    i++;
    while (i < n && isWhite(line[i], version)) i++;
    const valueStart = i;
    const raw = line.slice(i);
    if (version === '2.4' && key.startsWith('@')) {
      return { type: 'group-apply', group: key.slice(1), groupName: raw };
    }
    if (raw.startsWith('<')) {
      let k = 1;
      while (k < raw.length && isWhite(raw[k], version)) k++;
      return {
        type: 'assign', key, keyStart, keyEnd, raw, valueStart, valueEnd: n,
        value: raw.slice(k), form: 'file',
      };
    }
    const first = raw[0];
    if (first !== '"' && first !== "'" && raw.includes('$')) {
      return { type: 'assign', key, keyStart, keyEnd, raw, valueStart, valueEnd: n, value: raw, form: 'variable' };
    }
    if (raw.length > 0 && (first === '"' || first === "'") && raw.length >= 2 && raw[raw.length - 1] === first) {
      return {
        type: 'assign', key, keyStart, keyEnd, raw, valueStart, valueEnd: n,
        value: unescape(raw.slice(1, -1)), form: 'quoted',
      };
    }
    if (raw.length === 1 && (first === '"' || first === "'")) {
      // a lone quote both starts and ends the value: Dovecot strips it to ""
      return { type: 'assign', key, keyStart, keyEnd, raw, valueStart, valueEnd: n, value: '', form: 'quoted' };
    }
    return { type: 'assign', key, keyStart, keyEnd, raw, valueStart, valueEnd: n, value: raw, form: 'plain' };
  }

  if (key === '}' && i >= n) return { type: 'section-close' };

  // section begin, or an error
  const name = key;
  if (version === '2.4' && name === 'group' && line[i] === '@') {
    const parts = line.slice(i).split(/[ \t]+/);
    if (parts.length === 3 && parts[2] === '{') {
      return { type: 'group-define', group: parts[0]!.slice(1), groupName: parts[1]! };
    }
  }
  if (i >= n && name.length > 1 && name.endsWith('{')) {
    // "service{" — Dovecot overwrites the last key byte and then finds no '{'
    return error('expecting-brace');
  }
  let value = '';
  let valueStart = i;
  let valueEnd = i;
  let quoted = false;
  if (line[i] !== '{') {
    if (line[i] !== '"') {
      const start = i;
      while (i < n && !isWhite(line[i], version)) i++;
      value = line.slice(start, i);
      valueStart = start;
      valueEnd = i;
      while (i < n && isWhite(line[i], version)) i++;
    } else {
      const start = i;
      i++;
      while (i < n && line[i] !== '"') i++;
      if (i < n) {
        value = unescape(line.slice(start + 1, i));
        i++;
        valueStart = start;
        valueEnd = i;
        quoted = true;
        while (i < n && isWhite(line[i], version)) i++;
      }
    }
    if (line[i] !== '{') return error('expecting-brace');
  }
  if (i + 1 < n) return error('garbage-after-brace');
  return { type: 'section-open', name, value, valueStart, valueEnd, quoted };
}
