/**
 * The feature families of the differential generator (generate.ts): a mostly
 * valid random background, and one focus per config that exercises a rule
 * family of validation.md / budgets.md / syntax.md.
 *
 * @example
 *   const items = background(ctx); FEATURES[0].add(ctx, items);
 */
import type { DovecotVersion } from '../data/types.ts';
import { SERVICES_23 } from '../data/services-2.3.ts';
import { SERVICES_24 } from '../data/services-2.4.ts';
import type { Prng } from './prng.ts';
import type { Item } from './generate.ts';

/** Generation state of one config. */
export interface Ctx {
  readonly r: Prng;
  readonly version: DovecotVersion;
  /** How many configs of this feature came before (features cycle through their cases with it). */
  readonly n: number;
  /** Extra files: statements (rendered with random style) or verbatim text. */
  readonly files: Record<string, Item[] | string>;
  /** Statements before / after the body. */
  readonly head: Item[];
  readonly tail: Item[];
  /** 2.4: write the two version lines first. */
  header: boolean;
  configVersion?: string;
  /** Replaces the rendered main file. */
  mainText?: string;
  crlf?: boolean;
}

/** A feature family. */
export interface Feature {
  readonly name: string;
  readonly versions: readonly DovecotVersion[];
  add(ctx: Ctx, items: Item[]): void;
}

const set = (key: string, value: string): Item => ({ t: 'set', key, value });
const raw = (text: string): Item => ({ t: 'raw', text });
const block = (head: string, items: Item[] = []): Item & { t: 'block' } => ({ t: 'block', head, items });

const LOGIN = ['imap-login', 'pop3-login', 'submission-login', 'imap-urlauth-login'];
const POST = ['imap', 'pop3', 'lmtp', 'submission', 'imap-urlauth', 'imap-urlauth-worker', 'imap-hibernate'];
const LIMIT1_23 = ['anvil', 'auth', 'director', 'indexer', 'ipc', 'log', 'old-stats', 'replicator'];
const LIMIT1_24 = ['anvil', 'auth', 'indexer', 'log'];
const PROTO: Readonly<Record<string, string>> = { 'imap-login': 'imap', 'pop3-login': 'pop3', 'submission-login': 'submission', 'imap-urlauth-login': 'imap', imap: 'imap', pop3: 'pop3', lmtp: 'lmtp', submission: 'submission', 'imap-urlauth': 'imap', 'imap-urlauth-worker': 'imap', 'imap-hibernate': 'imap' };

function names(v: DovecotVersion): string[] {
  return (v === '2.3' ? SERVICES_23 : SERVICES_24).filter((s) => s.plugin === undefined).map((s) => s.name);
}

const countKey = (v: DovecotVersion): string => (v === '2.3' ? 'service_count' : 'restart_request_count');
const idleKey = (v: DovecotVersion): string => (v === '2.3' ? 'idle_kill' : 'idle_kill_interval');
const unlimitedCount = (v: DovecotVersion): string => (v === '2.3' ? '0' : 'unlimited');

/** Finds or appends `service NAME` at the root of `items`. */
function svc(items: Item[], name: string, fresh = false): Item & { t: 'block' } {
  if (!fresh) {
    for (const it of items) if (it.t === 'block' && it.head === `service ${name}`) return it;
  }
  const b = block(`service ${name}`);
  items.push(b);
  return b;
}

function protocolsItems(ctx: Ctx, list: readonly string[]): Item[] {
  const { r, version } = ctx;
  if (version === '2.4' && list.length > 0 && r.chance(0.25)) {
    return [block('protocols', list.map((p) => set(p, r.pick(['yes', 'yes', 'Yes', 'y']))))];
  }
  const text = list.join(r.chance(0.1) && version === '2.4' ? ',' : ' ');
  if (list.length > 1 && r.chance(0.1)) return [set('protocols', `"${text}"`)];
  return [set('protocols', text)];
}

/** Makes sure `protocols` (a plain root line) enables `proto`, so the service is checked. */
function ensureProtocol(items: Item[], proto: string): void {
  const i = items.findIndex((it) => (it.t === 'set' && it.key === 'protocols') || (it.t === 'block' && it.head === 'protocols'));
  const cur = i === -1 ? [] : items[i]!.t === 'set' ? (items[i] as { value: string }).value.replace(/"/g, '').split(/[ ,]+/) : [];
  const next = set('protocols', [...new Set([...cur.filter((x) => x !== '' && x !== 'none'), proto])].join(' '));
  if (i === -1) items.unshift(next);
  else items[i] = next;
}

/** The n-th case of a list (features cycle through their cases). */
function nth<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

function pickProtocols(r: Prng): string[] {
  return r.sample(['imap', 'pop3', 'lmtp', 'submission'], r.pick([1, 2, 3, 4, 4]));
}

function safeLimit(r: Prng, name: string, v: DovecotVersion): string {
  if ((v === '2.3' ? LIMIT1_23 : LIMIT1_24).includes(name)) return '1';
  return String(r.pick([2, 5, 10, 50, 64, 100, 128, 200, 256, 500, 1000, 1024]));
}

/** A mostly valid config body: protocols and a few tuned service blocks. */
export function background(ctx: Ctx): Item[] {
  const { r, version: v } = ctx;
  const items: Item[] = [];
  if (r.chance(0.9)) items.push(...protocolsItems(ctx, pickProtocols(r)));
  if (r.chance(0.2)) items.push(set('default_process_limit', String(r.pick([10, 50, 100, 200, 300]))));
  if (r.chance(0.2)) items.push(set('default_client_limit', String(r.pick([100, 500, 1000, 2000, 4096]))));
  if (r.chance(0.15)) items.push(set('default_vsz_limit', r.pick(['256 M', '1G', '512M', '2048 MB'])));
  const all = names(v);
  for (const name of r.sample([...LOGIN, ...POST, ...all], r.int(0, 4))) {
    const b = svc(items, name);
    const limit = safeLimit(r, name, v);
    if (r.chance(0.6)) b.items.push(set('process_limit', limit));
    if (r.chance(0.3)) b.items.push(set('client_limit', String(r.pick([1, 10, 100, 1000, 2000]))));
    if (r.chance(0.3)) b.items.push(set('process_min_avail', String(Math.min(Number(limit), r.pick([0, 1, 2, 4])))));
    if (r.chance(0.2)) b.items.push(set('vsz_limit', r.pick(['256M', '1G', '512 M', '2 G'])));
    if (r.chance(0.15)) b.items.push(set(idleKey(v), r.pick(['1 min', '30 secs', '1h', '10s', '2 mins'])));
    if (r.chance(0.2) && LOGIN.includes(name)) b.items.push(set(countKey(v), r.pick(['1', unlimitedCount(v), '100'])));
    if (r.chance(0.15) && name === 'auth') b.items.push(block('unix_listener /var/spool/postfix/private/auth', [set('mode', r.pick(['0660', '0666'])), set('user', 'postfix'), set('group', 'postfix')]));
    if (r.chance(0.1) && name === 'lmtp') b.items.push(block('unix_listener /var/spool/postfix/private/dovecot-lmtp', [set('mode', '0600'), set('user', 'postfix')]));
    if (r.chance(0.1) && name === 'imap-login') b.items.push(block('inet_listener imap', [set('port', r.pick(['0', '143', '10143']))]));
  }
  return items;
}

// distinct error messages first: the first occurrences of a feature reach them
const UINT_VALUES = ['-1', '4294967296', 'abc', 'unlimited', '%{system:cpu_count}', '5 }', '99999999999', '1k', '', '-5x', '0', '1', '2', '10', '100', '1024', '4294967295', 'infinite', '$default_process_limit', '$SET:default_process_limit', '007'];
const SIZE_VALUES = ['10x', '99999999999 T', 'unlimited', '1k', '99999999999999999999', '', '0', '1M', '1048575', '1048576', '1048575 B', '256M', '1G', '2048 MB', '1024 M', 'infinite', '16T', '1 KiB', '1kB', '5 GB', '512K'];
const TIME_VALUES = ['10', '500ms', 'x', '4294967296s', 'infinite', '1500ms', '1 fortnight', '', '0', '10s', '1 min', '2 mins', '2000ms', 'unlimited', '1w', '3 days', '1 hour', '10 secs', '1 m', '2 msecs', '71582789 mins'];
const BOOL_VALUES = ['maybe', 'TRUE', '0', '', 'yes', 'no', 'y', 'Yes', 'NO', '1'];
const OCTAL_VALUES = ['0999', 'rw', 'unlimited', '08', '0666', '0600', '0', '666', '00', '0777', '01777'];
const PORT_VALUES = ['70000', 'imap', '65536', '-1', '', '0', '143', '10143', '65535', '00143'];

function valueFor(r: Prng, type: 'uint' | 'size' | 'time' | 'bool' | 'octal' | 'port'): string {
  return r.pick({ uint: UINT_VALUES, size: SIZE_VALUES, time: TIME_VALUES, bool: BOOL_VALUES, octal: OCTAL_VALUES, port: PORT_VALUES }[type]);
}

function randomLogin(r: Prng): string {
  return r.pick(LOGIN);
}

/** Auth/anvil budget mixes with client limits around the need. */
const budget: Feature = {
  name: 'budget', versions: ['2.3', '2.4'],
  add({ r, version: v }, items) {
    for (const name of r.sample(LOGIN, r.int(1, 4))) svc(items, name).items.push(set('process_limit', String(r.pick([1, 7, 50, 100, 300, 600, 1000, 3000]))));
    for (const name of r.sample(POST, r.int(0, 3))) {
      const b = svc(items, name);
      b.items.push(set(countKey(v), r.pick([unlimitedCount(v), '1', '2', '100'])));
      if (r.chance(0.5)) b.items.push(set('process_limit', String(r.pick([10, 100, 1024, 2000]))));
    }
    if (r.chance(0.5)) items.push(set('default_process_limit', String(r.pick([1, 5, 7, 10, 50, 150]))));
    if (r.chance(0.4)) items.push(set('default_client_limit', String(r.pick([1, 10, 50, 100, 400, 500, 1000]))));
    if (r.chance(0.6)) svc(items, 'auth').items.push(set('client_limit', String(r.pick([1, 100, 200, 400, 500, 600, 1200, 4600]))));
    if (r.chance(0.6)) svc(items, 'anvil').items.push(set('client_limit', String(r.pick([1, 3, 103, 203, 403, 503, 1103]))));
    if (v === '2.4' && r.chance(0.15)) items.push(set('service_client_limit', String(r.pick([100, 1000, 5000]))));
  },
};

/** Custom services that count (type login, protocol services with count != 1), imap-hibernate. */
const budgetCustom: Feature = {
  name: 'budget-custom', versions: ['2.3', '2.4'],
  add({ r, version: v }, items) {
    const n = r.int(1, 3);
    for (let i = 0; i < n; i++) {
      const b = svc(items, r.pick(['proxy-login', 'quota-status', 'script-login', 'my-imap', 'imap-postlogin', 'managesieve-login']) + (i > 0 ? String(i) : ''));
      if (r.chance(0.6)) b.items.push(set('type', r.pick(['login', 'login', '', 'worker', 'startup'])));
      if (r.chance(0.7)) b.items.push(set('protocol', r.pick(['imap', 'pop3', 'lmtp', 'submission', 'sieve'])));
      if (r.chance(0.6)) b.items.push(set('executable', r.pick(['imap-login', 'script-login /usr/local/bin/postlogin.sh', 'quota-status -p postfix'])));
      if (r.chance(0.7)) b.items.push(set('process_limit', String(r.pick([1, 5, 100, 250, 900]))));
      if (r.chance(0.4)) b.items.push(set(countKey(v), r.pick([unlimitedCount(v), '1', '5'])));
    }
    if (r.chance(0.5)) {
      const b = svc(items, 'imap-hibernate');
      b.items.push(set('process_limit', String(r.pick([10, 500, 2000]))), set(countKey(v), r.pick([unlimitedCount(v), '1', '3'])));
    }
    if (r.chance(0.3)) svc(items, r.pick(LOGIN)).items.push(set('type', r.pick(['', 'worker', 'login'])));
    svc(items, 'auth').items.push(set('client_limit', String(r.pick([50, 200, 300, 500, 1000]))));
    if (r.chance(0.5)) svc(items, 'anvil').items.push(set('client_limit', String(r.pick([50, 203, 300, 1000]))));
  },
};

/** 32-bit wrap of the sums. */
const wrap: Feature = {
  name: 'wrap', versions: ['2.3', '2.4'],
  add({ r, version: v }, items) {
    const big = v === '2.4' ? r.pick(['unlimited', 'infinite', '4294967295', '4294967000']) : r.pick(['4294967295', '4294967000', '3000000000', '2147483648']);
    svc(items, randomLogin(r)).items.push(set('process_limit', big));
    if (r.chance(0.5)) svc(items, randomLogin(r)).items.push(set('process_limit', r.pick(['100', '2147483648', '300'])));
    if (r.chance(0.5)) svc(items, 'auth').items.push(set('client_limit', r.pick(['1', '100', '4294967295', '1000'])));
    if (r.chance(0.5)) svc(items, 'anvil').items.push(set('client_limit', r.pick(['1', '100', '4294967295', '299', '300'])));
  },
};

/** drop_priv_before_exec with or without chroot. */
const dropPriv: Feature = {
  name: 'drop-priv', versions: ['2.3', '2.4'],
  add({ r }, items) {
    const name = r.pick([...LOGIN, 'imap', 'auth', 'lmtp', 'pop3', 'stats', 'dict']);
    const b = svc(items, name);
    b.items.push(set('drop_priv_before_exec', r.pick(['yes', 'y', '1', 'no', 'Yes'])));
    if (r.chance(0.5)) b.items.push(set('chroot', r.pick(['', 'login', '/var/empty', '.'])));
  },
};

/** process_min_avail against process_limit (and default_process_limit). */
const minAvail: Feature = {
  name: 'min-avail', versions: ['2.3', '2.4'],
  add({ r, version: v }, items) {
    const name = r.pick([...LOGIN, ...POST, 'auth-worker', 'dict', 'stats', 'anvil']);
    const b = svc(items, name);
    const limit = r.pick(['1', '4', '10', '100', '0']);
    if (r.chance(0.7)) b.items.push(set('process_limit', limit));
    b.items.push(set('process_min_avail', r.pick(['0', '1', '4', '5', '10', '16', '100', '101', v === '2.4' ? '%{system:cpu_count}' : '2'])));
    if (r.chance(0.4)) items.push(set('default_process_limit', r.pick(['3', '16', '100'])));
  },
};

/** Zero values (2.3: defaults, 2.4: errors), including default_* globals. */
const zeros: Feature = {
  name: 'zeros', versions: ['2.3', '2.4'],
  add({ r, version: v }, items) {
    if (r.chance(0.3)) {
      items.push(set(r.pick(['default_process_limit', 'default_client_limit', 'default_vsz_limit', v === '2.3' ? 'default_idle_kill' : 'default_idle_kill_interval']), '0'));
      return;
    }
    const b = svc(items, r.pick([...LOGIN, ...POST, 'dict', 'auth', 'stats']));
    for (const k of r.sample(['process_limit', 'client_limit', countKey(v), idleKey(v), 'vsz_limit'], r.int(1, 3))) b.items.push(set(k, '0'));
  },
};

/** vsz_limit near the 1 MiB floor. */
const vsz: Feature = {
  name: 'vsz', versions: ['2.3', '2.4'],
  add({ r, n }, items) {
    if (n % 4 === 3) {
      items.push(set('default_vsz_limit', r.pick(['1k', '512K', '1M', '1048575', '0'])));
      return;
    }
    const name = r.pick(['dict', 'auth', 'stats', 'imap-login', 'lmtp']);
    if (PROTO[name] !== undefined) ensureProtocol(items, PROTO[name]);
    svc(items, name).items.push(set('vsz_limit', nth(['1k', '512K', '1048575', '1M', '1023 K', '1 B', '1048576', '64M'], n)));
  },
};

/** Services whose process_limit must stay 1, and 2.4's root service_* keys. */
const limit1: Feature = {
  name: 'limit-1', versions: ['2.3', '2.4'],
  add({ r, version: v }, items) {
    if (v === '2.4' && r.chance(0.25)) {
      items.push(set(r.pick(['service_process_limit', 'service_client_limit', 'service_process_min_avail', 'service_vsz_limit']), r.pick(['1', '50', '0', '2G'])));
      return;
    }
    const name = r.pick(v === '2.3' ? [...LIMIT1_23, 'stats', 'dict-async'] : [...LIMIT1_24, 'stats', 'dict-expire']);
    svc(items, name).items.push(set('process_limit', r.pick(['0', '1', '2', v === '2.4' ? 'unlimited' : '100'])));
  },
};

/** Unnamed / empty-path file listeners. */
const listenerPath: Feature = {
  name: 'listener-path', versions: ['2.3', '2.4'],
  add({ r, version: v, n }, items) {
    const name = nth(['auth', 'dict', 'imap', 'lmtp', 'stats'], n);
    if (PROTO[name] !== undefined) ensureProtocol(items, PROTO[name]);
    const b = svc(items, name);
    if (r.chance(0.4)) b.items.push(block('unix_listener /run/dovecot/extra-sock', [set('mode', '0666')]));
    const kind = nth(['unix_listener', 'fifo_listener'], n >> 1);
    const head = v === '2.3' ? nth([`${kind}`, `${kind} ""`], n >> 2) : nth([`${kind} ""`, `${kind} ""`, `${kind}`], n >> 2);
    b.items.push(block(head, [set('mode', r.pick(['0666', '0', '0600']))]));
  },
};

/** Duplicate unix paths and inet ports (with address/listen variants and disabled listeners). */
const dupListener: Feature = {
  name: 'dup-listener', versions: ['2.3', '2.4'],
  add({ r, version: v }, items) {
    if (r.chance(0.5)) {
      const port = r.pick(['143', '993', '110', '24', '12345']);
      const owners = r.sample(['imap-login', 'pop3-login', 'lmtp', 'auth', 'submission-login'], 2);
      for (const [i, o] of owners.entries()) {
        const l = block(`inet_listener ${r.pick(['alt', 'imap', 'extra', 'lmtp'])}${i}`, [set('port', r.chance(0.15) ? '0' : port)]);
        if (r.chance(0.4)) l.items.push(set(v === '2.3' ? 'address' : 'listen', r.pick(['127.0.0.1', '*', '::1', '127.0.0.1, ::1'])));
        svc(items, o).items.push(l);
      }
      if (r.chance(0.4)) items.push(set('listen', r.pick(['*', '127.0.0.1', '*, ::'])));
    } else {
      const path = r.pick(['login/pop3', 'auth-userdb', 'lmtp', 'dict', 'stats-writer', 'extra']);
      const full = r.chance(0.5) ? `/run/dovecot/${path}` : path;
      const owner = r.pick(['auth', 'lmtp', 'dict', 'imap', 'stats']);
      svc(items, owner).items.push(block(`unix_listener ${full}`, [set('mode', r.chance(0.2) ? '0' : '0660')]));
      if (r.chance(0.4)) svc(items, r.pick(['auth', 'dict'])).items.push(block(`fifo_listener ${path}`, []));
      if (r.chance(0.3)) items.push(set('protocols', r.pick(['imap', 'pop3', 'imap pop3 lmtp'])));
    }
  },
};

/** base_dir prefix warnings and base_dir changes. */
const baseDir: Feature = {
  name: 'base-dir', versions: ['2.3', '2.4'],
  add({ r }, items) {
    const dir = r.chance(0.3) ? r.pick(['/var/run/dovecot', '/var/run/dovecot/', '/tmp/dc']) : '/run/dovecot';
    if (dir !== '/run/dovecot') items.push(set('base_dir', dir));
    const base = dir.replace(/\/$/, '');
    for (let i = r.int(1, 2); i > 0; i--) {
      svc(items, r.pick(['auth', 'imap', 'dict', 'lmtp', 'stats'])).items.push(block(`unix_listener ${r.pick([`${base}/foo${i}`, `${base}/login/x${i}`, `/run/dovecotx/y${i}`, `rel${i}`])}`, [set('mode', '0660')]));
    }
  },
};

/** Service types. */
const types: Feature = {
  name: 'types', versions: ['2.3', '2.4'],
  add({ r, n }, items) {
    svc(items, r.pick(['imap', 'my-service', 'auth', 'imap-login', 'stats'])).items.push(set('type', nth(['Login', 'proxy', 'login', 'worker', 'startup', 'anvil', 'config', 'log', '', 'LOG'], n)));
  },
};

/** protocols values. */
const protocols: Feature = {
  name: 'protocols', versions: ['2.3', '2.4'],
  add(ctx, items) {
    const { r, version: v, n } = ctx;
    const i = items.findIndex((it) => it.t === 'set' && it.key === 'protocols');
    if (i !== -1) items.splice(i, 1);
    const choice = n % 8;
    if (choice === 0) items.unshift(set('protocols', 'none'));
    else if (choice === 1) items.unshift(set('protocols', r.pick(['imap sieve', 'imap imaps', 'imap,pop3', 'IMAP', 'imap lmtp foo'])));
    else if (choice === 2) items.unshift(set('protocols', r.pick(['" imap"', '"imap pop3"', "'imap'"])));
    else if (choice === 3) items.unshift(set('protocols', 'imap'), set('protocols', v === '2.3' ? '$protocols pop3' : '$SET:protocols pop3'));
    else if (choice === 4) items.unshift(set('protocols', v === '2.3' ? '$protocols lmtp' : '$protocols lmtp'));
    else if (choice === 5 && v === '2.4') items.unshift(set('protocols', 'imap'), block('protocols', [set('pop3', r.pick(['yes', 'no', 'maybe'])), set('imap', r.pick(['yes', 'no']))]));
    else if (choice === 6) items.unshift(set('protocols', ''));
    else items.unshift(...protocolsItems(ctx, pickProtocols(r)), set('protocols', r.pick(['lmtp', 'submission imap'])));
  },
};

/** Services without a name. */
const missingName: Feature = {
  name: 'missing-name', versions: ['2.3', '2.4'],
  add({ r }, items) {
    items.push(block(r.pick(['service', 'service ""']), [set('executable', 'foo'), set('process_limit', '5')]));
    if (r.chance(0.3)) items.push(block('service', []));
  },
};

/** uid/gid ranges. */
const uid: Feature = {
  name: 'uid', versions: ['2.3', '2.4'],
  add({ r, n }, items) {
    const k = n % 2 === 0 ? 'uid' : 'gid';
    items.push(set(`first_valid_${k}`, r.pick(['500', '1000', '10'])), set(`last_valid_${k}`, nth(['499', '0', '1000', '5'], n >> 1)));
  },
};

/** default users that may not exist. */
const users: Feature = {
  name: 'users', versions: ['2.3', '2.4'],
  add({ n }, items) {
    items.push(set(nth(['default_login_user', 'default_internal_user', 'default_internal_group'], n), nth(['nosuchuser', 'root', 'nosuchuser', 'nobody', 'dovecot', 'vmail'], n >> 1)));
  },
};

/** Wrong values in services whose protocol is disabled. */
const disabled: Feature = {
  name: 'disabled', versions: ['2.3', '2.4'],
  add({ r, version: v }, items) {
    const i = items.findIndex((it) => it.t === 'set' && it.key === 'protocols');
    if (i !== -1) items.splice(i, 1);
    items.unshift(set('protocols', r.pick(['imap', 'lmtp', 'imap lmtp'])));
    const b = svc(items, r.pick(['pop3', 'pop3-login', 'submission-login', 'submission']));
    b.items.push(r.pick([set('process_min_avail', '5000'), set('vsz_limit', '1k'), set('drop_priv_before_exec', 'yes'), set('process_limit', '0'), set('client_limit', '0'), set(countKey(v), '0')]));
    if (r.chance(0.5)) b.items.push(block('inet_listener dup', [set('port', '143')]));
  },
};

/** 2.4 version lines. */
const configVersion: Feature = {
  name: 'config-version', versions: ['2.4'],
  add(ctx, items) {
    const { r, n } = ctx;
    const c = n % 7;
    if (c === 0) ctx.configVersion = '2.4.0';
    else if (c === 1) ctx.configVersion = nth(['2.3.0', '2.4.4', '2.5.0', '"2.4.1"', '2.4', '$SET:x'], n >> 3);
    else if (c === 2) {
      ctx.header = false;
      ctx.head.push(set('dovecot_storage_version', '2.4.1'), set('dovecot_config_version', '2.4.1'));
    } else if (c === 3) {
      ctx.header = false;
      ctx.head.push(raw('# comment first'), raw(''), set('dovecot_config_version', '2.4.1'));
    } else if (c === 4) {
      ctx.configVersion = '2.4.1';
      items.push(set('dovecot_config_version', nth(['2.4.0', '2.4.1'], n >> 3)));
    } else if (c === 5) {
      ctx.header = false;
      ctx.head.push(nth([block('service imap', []), raw('!include_try nothing.conf'), set('protocols', 'imap'), raw('}')], n >> 3));
    } else {
      ctx.configVersion = '2.4.0';
      svc(items, 'lmtp').items.push(set('process_limit', String(r.pick([100, 500, 1000]))));
      svc(items, 'auth').items.push(set('client_limit', String(r.pick([400, 500, 600, 700]))));
      ensureProtocol(items, 'lmtp');
    }
  },
};

/** Unknown keys and keys of the other version. */
const unknownKey: Feature = {
  name: 'unknown-key', versions: ['2.3', '2.4'],
  add({ r, version: v, n }, items) {
    const where = n % 3;
    const other = v === '2.3' ? ['restart_request_count', 'idle_kill_interval', 'dovecot_config_version'] : ['service_count', 'idle_kill', 'default_idle_kill'];
    const k = Math.floor(n / 3);
    if (where === 0) items.push(set(nth(['foo_bar', 'Process_Limit', 'process_limit', 'service_process_limit', 'default_idle_kill', 'default_idle_kill_interval', 'mail_debug', 'login_greeting'], k), r.pick(['1', 'yes', 'hi'])));
    else if (where === 1) {
      const key = nth(['kill_interval', ...other, 'min_avail', 'foo', 'request_count', 'Process_Limit', 'groups', 'mail_debug', 'login_greeting', 'listen', 'protocols', '"process_limit"'], k);
      svc(items, r.pick(['imap', 'imap-login', 'auth', 'my-svc'])).items.push(set(key, r.pick(['1', 'yes', '5'])));
    } else {
      const kind = r.pick(['unix_listener', 'inet_listener', 'fifo_listener']);
      const key = nth(['foo', 'address', 'listen', 'type', 'port', 'ssl', 'haproxy', 'mode', 'user', 'reuse_port', 'process_limit', 'Port'], k);
      svc(items, r.pick(['imap-login', 'auth', 'lmtp'])).items.push(block(`${kind} ${r.pick(['imap', 'x-sock', 'login/y'])}`, [set(key, r.pick(['1', 'yes', '127.0.0.1', 'login', '143']))]));
    }
  },
};

/** Unknown sections and sections in the wrong place. */
const unknownSection: Feature = {
  name: 'unknown-section', versions: ['2.3', '2.4'],
  add({ r, n }, items) {
    const c = n % 7;
    if (c === 0) items.push(block(r.pick(['foo', 'Service imap-login', 'services imap', 'protocols', 'login_greeting x', 'default_process_limit', 'mail_debug']), [set('a', '1')]));
    else if (c === 1) svc(items, 'imap').items.push(block(nth(['service x', 'foo', 'unix_listener', 'protocol imap', 'passdb x', 'inet_listener', 'userdb y'], n >> 1), []));
    else if (c === 2) svc(items, 'auth').items.push(block('unix_listener auth-x', [block(r.pick(['foo', 'unix_listener y', 'service z']), [])]));
    else if (c === 3) items.push(block(r.pick(['protocols', 'protocols x']), []));
    else if (c === 4) items.push(block('plugin', [set('quota', 'maildir')]));
    else if (c === 5) {
      const key = r.pick(['prefix', 'filter', 'cert_file', 'foo']);
      items.push(block(r.pick(['ssl_server', 'ssl_server x', 'namespace inbox', 'namespace', 'metric m']), [set(key, key === 'filter' ? 'event=imap_command_finished' : 'x')]));
    }
    else items.push(block('service imap', [block('inet_listener', [set('port', '1')])]));
  },
};

/** One typed value, often an edge or a bad one. */
const valueTypes: Feature = {
  name: 'value-types', versions: ['2.3', '2.4'],
  add({ r, version: v, n }, items) {
    const c = n % 6;
    const k = Math.floor(n / 6);
    const login = r.pick(LOGIN);
    ensureProtocol(items, PROTO[login]!);
    if (c === 0) svc(items, r.pick([...LOGIN, 'imap', 'auth-worker'])).items.push(set(r.pick(['process_limit', 'client_limit', 'process_min_avail', countKey(v)]), nth(UINT_VALUES, k)));
    else if (c === 1) svc(items, login).items.push(set('vsz_limit', nth(SIZE_VALUES, k)));
    else if (c === 2) svc(items, login).items.push(set(idleKey(v), nth(TIME_VALUES, k)));
    else if (c === 3) svc(items, login).items.push(set('drop_priv_before_exec', nth(BOOL_VALUES, k)));
    else if (c === 4) svc(items, r.pick(['auth', 'lmtp'])).items.push(block(`unix_listener ${r.pick(['auth-userdb', 'x-sock'])}`, [set('mode', nth(OCTAL_VALUES, k))]));
    else {
      const l = block(`inet_listener ${r.pick(['imap', 'x'])}`, [set(r.pick(['port', 'port', 'ssl', 'haproxy', 'reuse_port']), r.chance(0.6) ? nth(PORT_VALUES, k) : valueFor(r, 'bool'))]);
      svc(items, login).items.push(l);
    }
    if (r.chance(0.2)) items.push(set(r.pick(['default_process_limit', 'default_client_limit', 'first_valid_uid']), valueFor(r, 'uint')));
    if (r.chance(0.1)) items.push(set(r.pick(['default_vsz_limit']), valueFor(r, 'size')));
    if (r.chance(0.1)) items.push(set(v === '2.3' ? 'default_idle_kill' : 'default_idle_kill_interval', valueFor(r, 'time')));
  },
};

/** Syntax-level forms and errors. */
const syntax: Feature = {
  name: 'syntax', versions: ['2.3', '2.4'],
  add({ r, n }, items) {
    const forms = [
      'MISSING-CLOSE',
      'service imap-login { process_limit = 5',
      'service imap-login',
      '{',
      '}',
      '} foo',
      '}}',
      'service imap-login foo {',
      'service{',
      'login_greeting',
      'service "imap login" {',
      'service imap-login {}',
      'process_limit = 5 }',
      '= 5',
      'key=',
      'service  imap-login   {',
    ];
    const f = nth(forms, n);
    const pos = r.int(0, items.length);
    if (f === 'process_limit = 5 }') svc(items, r.pick(LOGIN)).items.push(raw(f));
    else if (f === 'MISSING-CLOSE') {
      const head = r.pick(['service imap', 'protocol imap', 'service auth']);
      items.push({ t: 'block', head, items: [head === 'protocol imap' ? set('mail_debug', 'yes') : r.chance(0.5) ? block('unix_listener x', []) : set('process_limit', '10')], close: null });
    }
    else items.splice(pos, 0, raw(f));
  },
};

/** Quoted values, escapes, quotes in odd places. */
const quoting: Feature = {
  name: 'quoting', versions: ['2.3', '2.4'],
  add({ r, n }, items) {
    const v = nth(['"10"', "'10'", '"1\\0"', '"abc" def', '"unterminated', '"', "'", '"a # b"', '"imap-login"', '"\\"x\\""', '"" ', '\'\'', '"1 0"'], n);
    const where = (n >> 1) % 4;
    if (where === 0) svc(items, r.pick(LOGIN)).items.push(set('process_limit', v));
    else if (where === 1) svc(items, r.pick(LOGIN)).items.push(set('executable', v));
    else if (where === 2) items.push(set('login_greeting', v));
    else svc(items, 'auth').items.push(block(`unix_listener ${r.pick(['"/var/spool/postfix/private/auth"', '"a b"', '"auth-\\"x"', '"unterminated'])}`, [set('mode', '0660')]));
  },
};

/** Comments, including ambiguous '#'. */
const comments: Feature = {
  name: 'comments', versions: ['2.3', '2.4'],
  add({ r, n }, items) {
    const b = svc(items, r.pick(LOGIN));
    b.items.push(raw(nth(['process_limit = 5# note', 'process_limit = 5 # note', 'process_limit = 5\t# note', 'process_limit = "5#"', "process_limit = '5' #x", '#process_limit = 0', 'process_limit = 6#'], n)));
    if (r.chance(0.4)) items.push(raw(r.pick(['login_greeting = Hi#there', 'login_greeting = "Hi # there"', 'login_greeting = it\'s#', 'protocols = imap#pop3'])));
  },
};

/** Continuation lines. */
const continuation: Feature = {
  name: 'continuation', versions: ['2.3', '2.4'],
  add(ctx, items) {
    const { r, n } = ctx;
    const c = n % 6;
    if (c === 0) items.push(raw('protocols = imap \\'), raw('  pop3'));
    else if (c === 1) svc(items, r.pick(LOGIN)).items.push(raw('process_limit = \\'), raw('   42'));
    else if (c === 2) svc(items, r.pick(LOGIN)).items.push(raw('process_limit = 4 \\'), raw(''), raw('process_min_avail = 1'));
    else if (c === 3) items.push(raw('service imap-login \\'), raw('{'), raw('  process_limit = 7'), raw('}'));
    else if (c === 4) svc(items, r.pick(LOGIN)).items.push(raw('process_limit = 1\\'), raw('\\'), raw('0'));
    else ctx.tail.push(raw('process_limit = 3 \\'));
  },
};

/** Line endings. */
const crlf: Feature = {
  name: 'crlf', versions: ['2.3', '2.4'],
  add(ctx, items) {
    ctx.crlf = true;
    if (ctx.r.chance(0.5)) svc(items, randomLogin(ctx.r)).items.push(set('process_limit', String(ctx.r.pick([1, 5, 100]))));
  },
};

/** service/NAME/KEY path keys. */
const pathKeys: Feature = {
  name: 'path-keys', versions: ['2.3', '2.4'],
  add({ r, version: v }, items) {
    const name = r.pick([...LOGIN, 'imap', 'auth', 'new-svc']);
    const key = r.pick(['process_limit', 'client_limit', 'process_min_avail', 'foo', countKey(v), 'vsz_limit']);
    items.push(set(`service/${name}/${key}`, r.pick(['5', '100', '0', 'x', '1G'])));
    if (r.chance(0.4)) items.push(set(`service/${r.pick(LOGIN)}/inet_listener/${r.pick(['imap', 'pop3', 'x'])}/port`, r.pick(['0', '143', '10110', '99999'])));
    if (r.chance(0.3)) svc(items, name).items.push(set(key, '7'));
    if (r.chance(0.2)) items.push(set(r.pick(['service//process_limit', 'service/imap', 'services/imap/process_limit', 'service/imap/unix_listener/x']), '5'));
  },
};

/** Same-name blocks merge (services and listeners). */
const merge: Feature = {
  name: 'merge', versions: ['2.3', '2.4'],
  add({ r }, items) {
    const name = r.pick([...LOGIN, 'auth', 'lmtp']);
    svc(items, name, true).items.push(set('process_limit', String(r.pick([10, 200, 500]))));
    svc(items, name, true).items.push(set('process_min_avail', String(r.pick([2, 20, 300]))));
    if (r.chance(0.5)) {
      svc(items, 'auth', true).items.push(block('unix_listener auth-extra', [set('mode', '0600')]));
      svc(items, 'auth', true).items.push(block('unix_listener auth-extra', [set('user', 'root')]), block('unix_listener auth-extra', [set('mode', r.pick(['0', '0666']))]));
    }
    if (r.chance(0.3)) svc(items, name.toUpperCase(), true).items.push(set('process_limit', '3'));
  },
};

/** !include / !include_try, globs, relative paths, errors inside included files. */
const include: Feature = {
  name: 'include', versions: ['2.3', '2.4'],
  add(ctx, items) {
    const { r, n } = ctx;
    const c = n % 9;
    const frag: Item[] = [block(`service ${r.pick(LOGIN)}`, [set('process_limit', String(r.pick([5, 500, 2000])))])];
    if (c === 0) {
      ctx.files['conf.d/10-master.conf'] = frag;
      ctx.files['conf.d/20-extra.conf'] = [block('service auth', [set('client_limit', String(r.pick([10, 300, 2000])))])];
      items.push(raw(r.pick(['!include conf.d/*.conf', '!include conf.d/{20-extra,10-master}.conf', '!include_try conf.d/*.conf', '!include conf.d/1?-*.conf'])));
    } else if (c === 1) items.push(raw(nth(['!include missing.conf', '!include_try missing.conf', '!include conf.d/*.nothing', '!include_try /nonexistent/*.conf'], Math.floor(n / 9))));
    else if (c === 2) {
      ctx.files['inc/a.conf'] = [raw('!include b.conf')];
      ctx.files['inc/b.conf'] = r.chance(0.5) ? frag : [set(r.pick(['foo', 'process_limit']), '1')];
      items.push(raw('!include inc/a.conf'));
    } else if (c === 3) {
      ctx.files['inc/limit.conf'] = [set('process_limit', String(r.pick([12, 0, 1, 'x'])))];
      svc(items, r.pick(LOGIN)).items.push(raw('!include inc/limit.conf'));
    } else if (c === 4) {
      ctx.files['loop.conf'] = [raw(r.pick(['!include dovecot.conf', '!include loop.conf', '!include_try loop.conf']))];
      items.push(raw('!include loop.conf'));
    } else if (c === 5) {
      ctx.files['open.conf'] = 'service imap-login {\n  process_limit = 9\n';
      items.push(raw('!include open.conf'), raw('}'));
    } else if (c === 6) {
      ctx.files['cont.conf'] = 'service imap-login {\n  process_limit = 3 \\\n';
      items.push(raw('!include cont.conf'), raw('  4'), raw('}'));
    } else if (c === 7) {
      ctx.files['a.conf'] = [set('login_greeting', 'a')];
      ctx.files['z.conf'] = [set('login_greeting', 'z')];
      items.push(raw(r.pick(['!include *.conf', '!include_try *.conf'])));
    } else {
      ctx.files['close.conf'] = '}\n';
      items.push(raw('service imap-login {'), raw('  process_limit = 8'), raw('!include close.conf'));
    }
  },
};

/** protocol/local/remote filters, their nesting rules and the global-after-filter warning. */
const filter: Feature = {
  name: 'filter', versions: ['2.3', '2.4'],
  add({ r, version: v, n }, items) {
    const heads = ['protocol imap', 'protocol pop3', 'local 10.0.0.0/8', 'remote 192.168.0.0/16', 'local 127.0.0.1', 'local_name mail.example.com', 'protocol lmtp'];
    const c = n % 7;
    if (c === 0) {
      const key = r.pick(['mail_max_userip_connections', 'login_greeting', 'mail_debug']);
      const val = key === 'mail_debug' ? 'yes' : key === 'login_greeting' ? 'hello' : '10';
      items.push(block(r.pick(heads), [set(key, val)]));
      if (r.chance(0.7)) items.push(set(key, val));
    } else if (c === 1) {
      const outer = nth(heads, (n >> 3) * 3 + r.int(0, 2));
      const inner = nth(['protocol pop3', 'local 10.1.0.0/16', 'remote 10.0.0.0/33', 'local 11.0.0.0/8', ...heads], n >> 3);
      items.push(block(outer, [block(inner, [set('mail_debug', 'yes')])]));
    } else if (c === 2) items.push(block(nth(['remote 10.0.0.0/33', 'local ::1/129', 'remote 10.0.0.0/abc', 'local 10.0.0.0/8'], n >> 3), [set('mail_debug', 'yes')]));
    else if (c === 3) {
      items.push(block(r.pick(['protocol imap', 'local 10.0.0.0/8']), [block(`service ${r.pick(['imap-login', 'imap', 'new-svc'])}`, [set(r.pick(['process_limit', 'process_min_avail']), String(r.pick([5, 500, 5000])))])]));
    } else if (c === 4) items.push(block(r.pick(heads), [set(r.pick(['default_client_limit', 'default_process_limit']), String(r.pick([2, 10, 100, 5000])))]));
    else if (c === 5) items.push(block('protocol imap', [set('ssl', r.pick(['yes', 'no', 'required']))]), set('ssl', r.pick(['no', 'yes'])));
    else if (v === '2.3') svc(items, r.pick(LOGIN)).items.push(block('protocol imap', [set('process_limit', '20')]));
    else items.push(block('protocol imap', [set('protocols', 'imap')]));
  },
};

/** 2.3's rewriting of Dovecot 1.x settings. */
const oldSettings: Feature = {
  name: 'old-settings', versions: ['2.3'],
  add({ r, n }, items) {
    const c = n % 5;
    if (c === 0) items.push(set(r.pick(['login_max_processes_count', 'login_processes_count', 'login_max_connections', 'max_mail_processes', 'login_process_per_connection', 'login_process_size', 'mail_process_size']), r.pick(['16', '128', 'no', 'yes', '64'])));
    else if (c === 1) {
      const i = items.findIndex((it) => it.t === 'set' && it.key === 'protocols');
      if (i !== -1) items.splice(i, 1);
      items.unshift(set('protocols', r.pick(['imap imaps pop3 pop3s', 'imaps', 'pop3s lmtp', 'imap managesieve'])));
    } else if (c === 2) items.push(block(`protocol ${r.pick(['imap', 'pop3'])}`, [set(r.pick(['login_max_processes_count', 'listen', 'ssl_listen', 'max_mail_processes']), r.pick(['12', '*:10143', '127.0.0.1']))]));
    else if (c === 3) {
      items.push(block('auth default', [
        set('mechanisms', 'plain login'),
        block('passdb pam', []),
        set('user', r.pick(['root', 'dovecot'])),
        block('socket listen', [
          block('master', [set('path', r.pick(['/var/run/dovecot/auth-master', '/run/dovecot/auth-master', '/run/dovecot/auth-x'])), set('mode', '0600')]),
          block('client', [set('path', r.pick(['/var/spool/postfix/private/auth', '/run/dovecot/auth-client-master'])), set('mode', '0660'), set('group', 'postfix')]),
        ]),
      ]));
    } else items.push(set(r.pick(['ssl_disable', 'fsync_disable', 'login_dir', 'ssl_parameters_regenerate', 'auth_count', 'auth_cache_size', 'dbox_rotate_size', 'ssl_cert_file']), r.pick(['yes', 'no', '10', '/etc/ssl/x.pem', 'count'])));
  },
};

/** Variables and expansions as doveconf -n treats them. */
const variables: Feature = {
  name: 'variables', versions: ['2.3', '2.4'],
  add({ r, version: v, n }, items) {
    const c = n % 6;
    const b = svc(items, r.pick([...LOGIN, 'imap', 'auth']));
    if (c === 0) b.items.push(set(r.pick(['process_limit', 'process_min_avail']), r.pick(['$default_process_limit', '$SET:default_process_limit', '%{system:cpu_count}', '$ENV:LIMIT'])));
    else if (c === 1) {
      const [k, val] = nth([['foo', '$foo'], ['process_limit', '$process_limit x'], ['user', '$user'], ['executable', 'a$b'], ['user', '$SET:user'], ['process_limit', '$SET:process_limit']], n >> 1);
      b.items.push(set(k!, val!));
    }
    else if (c === 2) items.push(set('default_process_limit', r.pick(['$default_process_limit', '$SET:default_process_limit', '$default_client_limit', '$SET:default_process_limit 1'])));
    else if (c === 3) b.items.push(set(r.pick(['process_limit', 'executable']), r.pick(['<limit.txt', '< /etc/x', '<'])));
    else if (c === 4) items.push(set('login_greeting', r.pick(['cost $5 now', '$login_greeting x', '"$foo"'])));
    else b.items.push(set('user', v === '2.3' ? '$default_internal_user' : r.pick(['$SET:default_internal_user', '$default_internal_user'])));
  },
};

/** Root master settings at their edges. */
const globals: Feature = {
  name: 'globals', versions: ['2.3', '2.4'],
  add({ r, n }, items) {
    const c = n % 6;
    if (c === 0) items.push(set('listen', r.pick(['', '""', '*', '127.0.0.1, ::1'])));
    else if (c === 1) items.push(set('base_dir', r.pick(['/run/dovecot/', '/var/run/dovecot', ''])), block('service dict', [block('unix_listener /run/dovecot/dict2', [])]));
    else if (c === 2) items.push(set('default_client_limit', r.pick(['1', '5', '1000'])), set('default_process_limit', r.pick(['1', '2', '500'])));
    else if (c === 3) items.push(set('libexec_dir', '/usr/local/lib/dovecot'), set('ssl', r.pick(['maybe', 'required', 'no', 'Yes'])));
    else if (c === 4) items.push(set('default_internal_user', 'root'), set('default_login_user', 'nobody'));
    else items.push(set('protocols', ''), set('listen', '*'));
  },
};

/** Every feature family. */
export const FEATURES: readonly Feature[] = [
  budget, budgetCustom, wrap, dropPriv, minAvail, zeros, vsz, limit1, listenerPath, dupListener, baseDir, types,
  protocols, missingName, uid, users, disabled, configVersion, unknownKey, unknownSection, valueTypes, syntax,
  quoting, comments, continuation, crlf, pathKeys, merge, include, filter, oldSettings, variables, globals,
  budget, budgetCustom, valueTypes, valueTypes, syntax, include, filter, unknownSection, dupListener, zeros,
];
