/**
 * Filter blocks (`local`, `local_name`, `remote`, `protocol`) and the nesting
 * rules both versions enforce (syntax.md §7), with doveconf's texts.
 *
 * @example
 *   checkFilterNesting([{ kind: 'protocol', value: 'imap' }], 'local', '10.0.0.0/8')?.message;
 *   // "protocol { local { .. } } not allowed (use local { protocol { .. } } instead)"
 */
import type { DiagnosticCode } from './config.ts';

/** The filter section names, outermost first. */
export const FILTER_KINDS = ['local', 'local_name', 'remote', 'protocol'] as const;
/** One filter section name. */
export type FilterKind = (typeof FILTER_KINDS)[number];

/** A parsed network: address bytes and prefix length. */
interface Net {
  readonly bytes: readonly number[];
  readonly bits: number;
}

function parseIpv4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (m === null) return null;
  const b = m.slice(1).map(Number);
  return b.every((x) => x <= 255) ? b : null;
}

function parseIpv6(s: string): number[] | null {
  const t = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
  if (!/^[0-9a-fA-F:.]+$/.test(t) || !t.includes(':')) return null;
  const halves = t.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const a = groups(halves[0]!);
  const b = halves.length === 2 ? groups(halves[1]!) : [];
  if (a === null || b === null) return null;
  const missing = 8 - a.length - b.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const all = [...a, ...new Array<number>(Math.max(0, missing)).fill(0), ...b];
  return all.flatMap((g) => [g >> 8, g & 255]);
}

/** Parses `IP[/bits]`; `mask-error` carries the bad mask text; null for host names. */
export function parseNet(value: string): Net | { readonly maskError: string } | null {
  const slash = value.indexOf('/');
  const ipText = slash === -1 ? value : value.slice(0, slash);
  const bytes = parseIpv4(ipText) ?? parseIpv6(ipText);
  if (bytes === null) return null;
  const max = bytes.length * 8;
  if (slash === -1) return { bytes, bits: max };
  const maskText = value.slice(slash + 1);
  if (!/^[0-9]+$/.test(maskText) || Number(maskText) > max) return { maskError: maskText };
  return { bytes, bits: Number(maskText) };
}

function inside(inner: Net, outer: Net): boolean {
  if (inner.bytes.length !== outer.bytes.length || inner.bits < outer.bits) return false;
  for (let bit = 0; bit < outer.bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((inner.bytes[byte]! & mask) !== (outer.bytes[byte]! & mask)) return false;
  }
  return true;
}

/** A refused filter, in doveconf's words. */
export interface FilterProblem {
  readonly code: DiagnosticCode;
  readonly message: string;
}

/**
 * Checks a new filter against the enclosing ones (outermost first).
 *
 * @example checkFilterNesting([], 'remote', '10.0.0.0/33')?.message; // "Invalid network mask: 33"
 */
export function checkFilterNesting(
  parents: readonly { readonly kind: FilterKind; readonly value: string }[],
  kind: FilterKind,
  value: string,
): FilterProblem | null {
  const rank = FILTER_KINDS.indexOf(kind);
  for (let i = parents.length - 1; i >= 0; i--) {
    const p = parents[i]!;
    if (p.kind === 'protocol' && kind === 'protocol') {
      return { code: 'filter-nesting', message: 'Nested protocol { protocol { .. } } block not allowed' };
    }
    if (FILTER_KINDS.indexOf(p.kind) > rank) {
      return {
        code: 'filter-nesting',
        message: `${p.kind} { ${kind} { .. } } not allowed (use ${kind} { ${p.kind} { .. } } instead)`,
      };
    }
  }
  if (kind === 'local' || kind === 'remote') {
    const net = parseNet(value);
    if (net !== null && 'maskError' in net) {
      return { code: 'invalid-network-mask', message: `Invalid network mask: ${net.maskError}` };
    }
    const outer = [...parents].reverse().find((p) => p.kind === kind);
    if (outer !== undefined && net !== null) {
      const outerNet = parseNet(outer.value);
      if (outerNet !== null && !('maskError' in outerNet) && !inside(net, outerNet)) {
        return { code: 'filter-nesting', message: `${kind} net1 { ${kind} net2 { .. } } requires net2 to be inside net1` };
      }
    }
  }
  return null;
}
