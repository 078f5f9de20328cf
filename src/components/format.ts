/**
 * Number and size formatting shared by the panels. Counts are plain digits (no
 * grouping separators), so what the editor shows reads like doveconf's output.
 *
 * @example formatCount(4294967295); // 'unlimited'
 * @example formatBytes(268435456);  // '256 MiB'
 */

/** Dovecot's `unlimited` for uint settings (2³² − 1). */
export const UINT_MAX = 4_294_967_295;

/** A count as doveconf prints it; `unlimited` for 2³² − 1 and above, `—` when not computable. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  return n >= UINT_MAX ? 'unlimited' : String(n);
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** Bytes in binary units (Dovecot's M and G are MiB and GiB); null = unlimited. */
export function formatBytes(n: number | null): string {
  if (n === null) return 'unlimited';
  if (!Number.isFinite(n)) return '—';
  let v = n;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = v >= 100 || Number.isInteger(v) ? 0 : 1;
  return `${v.toFixed(digits)} ${UNITS[u]}`;
}

/** `1 service`, `2 services`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A file size for progress messages: `812 KB`, `10.0 MB`. */
export function formatFileSize(chars: number): string {
  if (chars < 1000) return `${chars} bytes`;
  if (chars < 1_000_000) return `${Math.round(chars / 1000)} KB`;
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}
