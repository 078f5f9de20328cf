/**
 * Value parsers with Dovecot's own error texts (services-defaults.md §2.3,
 * validation.md §2). Each returns the parsed number or the message doveconf
 * prints, never throws.
 *
 * @example
 *   parseUint('abc', '2.3');          // { ok: false, error: 'Invalid number abc: Not a valid number' }
 *   parseSize('256 M', '2.4');        // { ok: true, value: 268435456 }
 *   parseTime('1 min', '2.3');        // { ok: true, value: 60 }
 */
import type { DovecotVersion, SettingType } from '../data/types.ts';

/** Result of parsing one value. */
export type Parsed = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

/** 2³²−1: `unlimited` for uint and time settings in 2.4. */
export const UINT_MAX = 4294967295;
/** The 2.3 "unset" sentinel of vsz_limit, and 2.4's `unlimited` size. */
export const SIZE_UNLIMITED = 18446744073709551615n;

const DIGITS = /^[0-9]+$/;

function numError(s: string): string {
  if (s.startsWith('-')) return DIGITS.test(s.slice(1)) ? 'Number too small' : 'Not a valid number';
  return DIGITS.test(s) ? 'Number too large' : 'Not a valid number';
}

function isUnlimitedWord(s: string): boolean {
  return s === 'unlimited' || s === 'infinite';
}

/**
 * Unsigned 32-bit number (2.4 also takes `unlimited`/`infinite`).
 *
 * @example parseUint('unlimited', '2.4'); // { ok: true, value: 4294967295 }
 */
export function parseUint(s: string, version: DovecotVersion): Parsed {
  if (version === '2.4' && isUnlimitedWord(s)) return { ok: true, value: UINT_MAX };
  if (DIGITS.test(s) && BigInt(s) <= BigInt(UINT_MAX)) return { ok: true, value: Number(s) };
  return { ok: false, error: `Invalid number ${s}: ${numError(s)}` };
}

/**
 * Octal permission mode: a leading 0 means octal, otherwise decimal.
 *
 * @example parseOctal('0660'); // { ok: true, value: 432 }
 */
export function parseOctal(s: string, version: DovecotVersion): Parsed {
  if (s.startsWith('0')) {
    if (/^[0-7]+$/.test(s)) {
      const v = parseInt(s, 8);
      if (v <= UINT_MAX) return { ok: true, value: v };
    }
    return { ok: false, error: `Invalid number: ${s}` };
  }
  return parseUint(s, version);
}

/**
 * TCP port 0–65535.
 *
 * @example parseOctal('70000'); // see parsePort
 */
export function parsePort(s: string): Parsed {
  if (DIGITS.test(s) && s.length <= 5 && Number(s) <= 65535) return { ok: true, value: Number(s) };
  return { ok: false, error: `Invalid port number ${s}` };
}

/**
 * `yes`/`y`/`1` or `no`, case-insensitive words.
 *
 * @example parseBool('Yes'); // { ok: true, value: 1 }
 */
export function parseBool(s: string): Parsed {
  const l = s.toLowerCase();
  if (l === 'yes' || l === 'y' || s === '1') return { ok: true, value: 1 };
  if (l === 'no') return { ok: true, value: 0 };
  return { ok: false, error: `Invalid boolean value: ${s} (use yes or no)` };
}

const SIZE_UNITS: Readonly<Record<string, bigint>> = {
  B: 1n, K: 1024n, M: 1024n ** 2n, G: 1024n ** 3n, T: 1024n ** 4n,
};

/**
 * Size in bytes with optional unit B/K/M/G/T (`KiB`, `kB`, `256 M`). 2.4 also takes
 * `unlimited`/`infinite`. Values are bigint-safe and returned as numbers
 * (`Number.MAX_SAFE_INTEGER` is plenty for budgets; exact text is kept elsewhere).
 *
 * @example parseSize('1G', '2.3'); // { ok: true, value: 1073741824 }
 */
export function parseSize(s: string, version: DovecotVersion): Parsed {
  if (version === '2.4' && isUnlimitedWord(s)) return { ok: true, value: Number(SIZE_UNLIMITED) };
  // common short forms without BigInt: "256M", "1 G", "1048576"
  const fast = /^([0-9]{1,9})( ?)([BKMGT]?)$/i.exec(s);
  if (fast !== null) return { ok: true, value: Number(fast[1]) * Number(SIZE_UNITS[(fast[3] || 'B').toUpperCase()]!) };
  const m = /^([0-9]+)( *)(.*)$/.exec(s);
  if (m === null) return { ok: false, error: `Invalid size: ${s}` };
  const num = BigInt(m[1]!);
  if (num > SIZE_UNLIMITED) return { ok: false, error: `Invalid size: ${s}` };
  let rest = m[3]!;
  let mult = 1n;
  const u = rest[0]?.toUpperCase();
  if (u !== undefined && u in SIZE_UNITS) {
    mult = SIZE_UNITS[u]!;
    rest = rest.slice(1);
    if (mult > 1n) {
      if (rest[0]?.toUpperCase() === 'I') rest = rest.slice(1);
      if (rest[0]?.toUpperCase() === 'B') rest = rest.slice(1);
    }
  }
  if (rest !== '') return { ok: false, error: `Invalid size: ${s}` };
  if (num > SIZE_UNLIMITED / mult) return { ok: false, error: `Size is too large: ${s}` };
  return { ok: true, value: Number(num * mult) };
}

const TIME_UNITS: readonly { letter: string; words: readonly string[]; mult: number }[] = [
  { letter: 'S', words: ['secs', 'seconds'], mult: 1 },
  { letter: 'M', words: ['mins', 'minutes'], mult: 60 },
  { letter: 'H', words: ['hours'], mult: 3600 },
  { letter: 'D', words: ['days'], mult: 86400 },
  { letter: 'W', words: ['weeks'], mult: 604800 },
];

function prefixOf(rest: string, word: string): boolean {
  return rest.length <= word.length && word.slice(0, rest.length) === rest.toLowerCase();
}

/**
 * Time interval in seconds; units s/m/h/d/w and their word forms, `ms` when it is
 * a whole number of seconds, bare `0`. 2.4 also takes `infinite`/`unlimited`.
 *
 * @example parseTime('10', '2.3').ok; // false: "Time interval '10' is missing units ..."
 */
export function parseTime(s: string, version: DovecotVersion): Parsed {
  if (version === '2.4' && isUnlimitedWord(s)) return { ok: true, value: UINT_MAX };
  const m = /^([0-9]+)( *)(.*)$/.exec(s);
  const invalid: Parsed = { ok: false, error: `Invalid time interval: ${s}` };
  if (m === null) return invalid;
  let num = BigInt(m[1]!);
  if (num > 18446744073709551615n) return invalid;
  const rest = m[3]!;
  if (rest === '') {
    if (num !== 0n) return { ok: false, error: `Time interval '${s}' is missing units (add e.g. 's' for seconds)` };
    return { ok: true, value: 0 };
  }
  let mult = 0;
  const letter = rest[0]!.toUpperCase();
  const unit = TIME_UNITS.find((t) => t.letter === letter);
  if (unit === undefined) return invalid;
  if (unit.words.some((w) => prefixOf(rest, w))) {
    mult = unit.mult;
  } else if (letter === 'M' && (prefixOf(rest, 'msecs') || prefixOf(rest, 'milliseconds'))) {
    if (num % 1000n !== 0n) return { ok: false, error: `Milliseconds not supported for this setting: ${s}` };
    num /= 1000n;
    mult = 1;
  } else {
    return invalid;
  }
  if (num > BigInt(Math.floor(UINT_MAX / mult))) return { ok: false, error: `Time interval is too large: ${s}` };
  return { ok: true, value: Number(num) * mult };
}

/**
 * Parses a value of the given type. Strings, enums and lists always succeed
 * (value 0); their rules are checked after parsing.
 *
 * @example parseValue('time', '1 min', '2.4'); // { ok: true, value: 60 }
 */
export function parseValue(type: SettingType, s: string, version: DovecotVersion): Parsed {
  switch (type) {
    case 'uint': return parseUint(s, version);
    case 'size': return parseSize(s, version);
    case 'time': return parseTime(s, version);
    case 'bool': return parseBool(s);
    case 'octal': return parseOctal(s, version);
    case 'port': return parsePort(s);
    case 'string':
    case 'enum':
    case 'boollist':
      return { ok: true, value: 0 };
  }
}
