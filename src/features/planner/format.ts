/**
 * Number formatting for the planner's figures.
 *
 * @example formatCount(24000); // '24,000'
 */
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Whole number with thousands separators. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** Bytes in binary units, three significant digits. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = v >= 100 || i === 0 ? 0 : v >= 10 ? 1 : 2;
  return `${v.toFixed(digits)} ${units[i]}`;
}

/** A ratio as a percentage with no decimals, e.g. `+20%`. */
export function formatSignedPercent(p: number): string {
  const r = Math.round(p);
  return `${r > 0 ? '+' : ''}${r}%`;
}

/** Compact axis label: 24k, 1.2M. */
export function formatAxis(n: number): string {
  if (n >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${+(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}
