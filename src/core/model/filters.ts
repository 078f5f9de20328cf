/**
 * Filter blocks (`protocol`, `local`, `local_name`, `remote`) as doveconf's
 * `config_filter_add_new_filter()` / `config_filter_parse()` see them: the
 * nesting rules with their exact texts, the filter a section applies to, and
 * which filters match which (2.3 merges every matching filter when it checks
 * the settings of a filter).
 *
 * @example
 *   const p = parseFilter(ROOT_FILTER, 'protocol', 'imap', '2.3');
 *   'filter' in p && p.filter.protocol; // 'imap'
 *   parseFilter(p.filter, 'local', '10.0.0.0/8', '2.3'); // { error: "protocol { local { .. } } not allowed ..." }
 */

/** The filter section names. */
export const FILTER_KINDS = ['local', 'local_name', 'remote', 'protocol'] as const;
/** One filter section name. */
export type FilterKind = (typeof FILTER_KINDS)[number];

/** A parsed network: address bytes and prefix length. */
export interface Net {
  readonly bytes: readonly number[];
  readonly bits: number;
}

/**
 * What a section applies to. 2.3 sections inherit the whole filter of their
 * parent; 2.4 compares only with the immediate parent (`filterName` is the
 * 2.4 named filter such as `service/imap`).
 */
export interface FilterState {
  readonly protocol: string | null;
  readonly localName: string | null;
  readonly local: Net | null;
  readonly remote: Net | null;
  readonly filterName: string | null;
  readonly filterArray: boolean;
}

/** The root (no filter). */
export const ROOT_FILTER: FilterState = { protocol: null, localName: null, local: null, remote: null, filterName: null, filterArray: false };

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
  const all = [...a, ...Array.from({ length: Math.max(0, missing) }, () => 0), ...b];
  return all.flatMap((g) => [g >> 8, g & 255]);
}

/**
 * Parses `IP[/bits]`; `maskError` carries a bad mask; null for host names
 * (doveconf resolves those with DNS at parse time; the core accepts them).
 *
 * @example parseNet('10.0.0.0/33'); // { maskError: '33' }
 */
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

/** Is `ip` inside `net` (net_is_in_network)? */
export function netContains(net: Net, ip: Net): boolean {
  if (ip.bytes.length !== net.bytes.length) return false;
  for (let bit = 0; bit < net.bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((ip.bytes[byte]! & mask) !== (net.bytes[byte]! & mask)) return false;
  }
  return true;
}

function netsEqual(a: Net | null, b: Net | null): boolean {
  if (a === null || b === null) return a === b;
  return a.bits === b.bits && a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i]);
}

/** Same filter (config_filters_equal; local_name case-insensitive). */
export function filtersEqual(a: FilterState, b: FilterState): boolean {
  return a.protocol === b.protocol && netsEqual(a.local, b.local) && netsEqual(a.remote, b.remote)
    && (a.localName ?? '').toLowerCase() === (b.localName ?? '').toLowerCase() && (a.localName === null) === (b.localName === null)
    && a.filterName === b.filterName;
}

/** Result of opening a filter section. */
export type FilterParse = { readonly filter: FilterState } | { readonly error: string };

function netChild(kind: 'local' | 'remote', parent: Net | null, value: string): { net: Net | null } | { error: string } {
  const net = parseNet(value);
  if (net !== null && 'maskError' in net) return { error: `Invalid network mask: ${net.maskError}` };
  const parentBits = parent?.bits ?? 0;
  const bits = net?.bits ?? 0;
  if (parent !== null && (parentBits > bits || (parentBits > 0 && net !== null && !netContains(parent, net)))) {
    return { error: `${kind} net1 { ${kind} net2 { .. } } requires net2 to be inside net1` };
  }
  return { net };
}

/**
 * Opens a filter section under `parent` with doveconf's checks, in its order.
 * 2.3: `parent` is the merged filter of the enclosing section; 2.4: the
 * immediate parent filter (named filters such as `service/imap` included).
 *
 * @example parseFilter(ROOT_FILTER, 'remote', '10.0.0.0/33', '2.4'); // { error: 'Invalid network mask: 33' }
 */
export function parseFilter(parent: FilterState, kind: FilterKind, value: string, version: '2.3' | '2.4'): FilterParse {
  const named = version === '2.4' && parent.filterName !== null ? parent.filterName.split('/')[0]! : null;
  const base: FilterState = version === '2.3' ? parent : { ...ROOT_FILTER };
  const child = (f: Partial<FilterState>): FilterParse => ({ filter: { ...base, filterName: null, filterArray: false, ...f } });
  switch (kind) {
    case 'protocol':
      if (parent.protocol !== null) return { error: 'Nested protocol { protocol { .. } } block not allowed' };
      if (named !== null) return { error: `${named} { protocol { .. } } not allowed (use protocol { ${named} { .. } } instead)` };
      return child({ protocol: value });
    case 'local': {
      if (parent.remote !== null && parent.remote.bits > 0) return { error: 'remote { local { .. } } not allowed (use local { remote { .. } } instead)' };
      if (parent.protocol !== null) return { error: 'protocol { local { .. } } not allowed (use local { protocol { .. } } instead)' };
      if (parent.localName !== null) return { error: 'local_name { local { .. } } not allowed (use local { local_name { .. } } instead)' };
      if (named !== null) return { error: `${named} { local { .. } } not allowed (use local { ${named} { .. } } instead)` };
      const r = netChild('local', parent.local, value);
      return 'error' in r ? r : child({ local: r.net });
    }
    case 'local_name':
      if (version === '2.4' && value.includes(' ')) return { error: 'Multiple names no longer supported in local_name value' };
      if (parent.remote !== null && parent.remote.bits > 0) return { error: 'remote { local_name { .. } } not allowed (use local_name { remote { .. } } instead)' };
      if (parent.protocol !== null) return { error: 'protocol { local_name { .. } } not allowed (use local_name { protocol { .. } } instead)' };
      if (named !== null) return { error: `${named} { local_name { .. } } not allowed (use local_name { ${named} { .. } } instead)` };
      return child({ localName: version === '2.4' ? value.toLowerCase() : value });
    case 'remote': {
      if (parent.protocol !== null) return { error: 'protocol { remote { .. } } not allowed (use remote { protocol { .. } } instead)' };
      if (named !== null) return { error: `${named} { remote { .. } } not allowed (use remote { ${named} { .. } } instead)` };
      const r = netChild('remote', parent.remote, value);
      return 'error' in r ? r : child({ remote: r.net });
    }
  }
}

/**
 * Does a filter's mask match a filter (config_filter_match, 2.3)? The root
 * matches everything; `protocol imap` matches `local X { protocol imap }`.
 *
 * @example filterMatches(ROOT_FILTER, someFilter); // true
 */
export function filterMatches(mask: FilterState, filter: FilterState): boolean {
  if (mask.protocol !== null) {
    if (filter.protocol === null) return false;
    if (mask.protocol.startsWith('!') ? filter.protocol === mask.protocol.slice(1) : filter.protocol !== mask.protocol) return false;
  }
  if (mask.localName !== null && (filter.localName === null || filter.localName.toLowerCase() !== mask.localName.toLowerCase())) return false;
  if (mask.remote !== null && mask.remote.bits > 0 && (filter.remote === null || filter.remote.bits === 0 || !netContains(mask.remote, filter.remote))) return false;
  if (mask.local !== null && mask.local.bits > 0 && (filter.local === null || filter.local.bits === 0 || !netContains(mask.local, filter.local))) return false;
  return true;
}

/**
 * Specificity order of matching filters (config_filter_parser_cmp): most
 * specific first, the root last.
 *
 * @example [root, imap].sort(filterSpecificity); // [imap, root]
 */
export function filterSpecificity(a: FilterState, b: FilterState): number {
  const ln = (f: FilterState): number => (f.localName !== null ? 1 : 0);
  if (ln(a) !== ln(b)) return ln(b) - ln(a);
  const lb = (f: FilterState): number => f.local?.bits ?? 0;
  if (lb(a) !== lb(b)) return lb(b) - lb(a);
  const rb = (f: FilterState): number => f.remote?.bits ?? 0;
  if (rb(a) !== rb(b)) return rb(b) - rb(a);
  const sv = (f: FilterState): number => (f.protocol !== null ? 1 : 0);
  return sv(b) - sv(a);
}
