/**
 * The connections Dovecot's processes open to each other's listeners
 * (budgets.md §3, the seed's per-service notes), derived from the effective
 * services. Each edge ends on a concrete listener of the target, carries the
 * most connections it can hold (the client's process_limit) and names the
 * budget it belongs to, so an exceeded budget can highlight its edges.
 *
 * The rules are data (`CONNECTION_RULES`), not code paths.
 *
 * @example
 *   const edges = serviceConnections(resolved);
 *   edges.find((e) => e.from === 'imap-login' && e.to === 'auth')?.listener; // 'login/login'
 */
import type { EffectiveListener, EffectiveService, ResolvedConfig } from '../model/resolve.ts';
import { countsForAnvil, countsForAuth } from '../check/budgets.ts';

/** What a connection is for. */
export type ConnectionKind = 'auth' | 'anvil' | 'stats' | 'worker' | 'handoff' | 'indexer' | 'dict' | 'hibernate' | 'dns';

/** Which budget an edge is part of. */
export type BudgetName = 'auth' | 'anvil' | 'stats';

/** Which services a rule starts from. */
type FromSelector =
  | { readonly counted: 'auth' | 'anvil' }
  | { readonly names: readonly string[] }
  | { readonly type: string }
  | { readonly all: true }
  | { readonly postLoginAuth: true };

/** One connection rule. */
export interface ConnectionRule {
  readonly id: string;
  readonly kind: ConnectionKind;
  readonly from: FromSelector;
  /** Target service, or `pair` for `X-login` → `X` hand-offs. */
  readonly to: string | 'pair';
  /** Listener connection types to end on, in preference order (see listener `connType`). */
  readonly listenerTypes: readonly string[];
  /** Held open for the process lifetime (vs. one per request). */
  readonly persistent: boolean;
  readonly budget?: BudgetName;
  /** Only used when a feature is configured (dict proxy, FTS, hibernation). */
  readonly optional?: boolean;
  readonly why: string;
}

/** Login service → post-login service it hands clients to (with the socket type). */
const HANDOFF: Readonly<Record<string, string>> = {
  'imap-login': 'imap',
  'pop3-login': 'pop3',
  'submission-login': 'submission',
  'managesieve-login': 'managesieve',
  'imap-urlauth-login': 'imap-urlauth',
};

const MAIL_PROCESSES = ['imap', 'pop3', 'lmtp', 'submission', 'managesieve', 'doveadm', 'imap-urlauth-worker'];

/**
 * Connection rules of both versions.
 *
 * @example CONNECTION_RULES.filter((r) => r.budget === 'auth').length; // 2
 */
export const CONNECTION_RULES: readonly ConnectionRule[] = [
  {
    id: 'login-auth', kind: 'auth', from: { type: 'login' }, to: 'auth', listenerTypes: ['login', 'token-login', 'tokenlogin'],
    persistent: true, budget: 'auth',
    why: 'Each login process keeps one connection to auth for SASL authentication.',
  },
  {
    id: 'postlogin-auth', kind: 'auth', from: { postLoginAuth: true }, to: 'auth', listenerTypes: ['master', 'userdb'],
    persistent: true, budget: 'auth',
    why: 'A protocol service whose restart count is not 1 keeps its auth connection (master or userdb lookups) open, so auth must accept one per process.',
  },
  {
    id: 'anvil', kind: 'anvil', from: { counted: 'anvil' }, to: 'anvil', listenerTypes: ['anvil', 'penalty'],
    persistent: true, budget: 'anvil',
    why: 'Login processes and auth keep a connection to anvil (connection tracking, auth penalties); the master adds 2 pipes.',
  },
  {
    id: 'stats', kind: 'stats', from: { all: true }, to: 'stats', listenerTypes: ['writer'],
    persistent: true, budget: 'stats',
    why: 'Every process sends events to stats over a persistent stats-writer connection (login processes use login/stats-writer).',
  },
  {
    id: 'auth-worker', kind: 'worker', from: { names: ['auth'] }, to: 'auth-worker', listenerTypes: ['worker'],
    persistent: true,
    why: 'The auth master process hands blocking passdb/userdb lookups (PAM, MySQL) to auth-worker processes, one connection per worker.',
  },
  {
    id: 'handoff', kind: 'handoff', from: { type: 'login' }, to: 'pair', listenerTypes: ['login', 'imap', 'pop3', 'submission', 'sieve', 'urlauth'],
    persistent: false,
    why: 'After authentication the login process passes the client connection to the post-login service.',
  },
  {
    id: 'urlauth-worker', kind: 'worker', from: { names: ['imap-urlauth'] }, to: 'imap-urlauth-worker', listenerTypes: ['worker'],
    persistent: true,
    why: 'imap-urlauth runs URLAUTH fetches in imap-urlauth-worker processes.',
  },
  {
    id: 'indexer', kind: 'indexer', from: { names: MAIL_PROCESSES }, to: 'indexer', listenerTypes: ['indexer'],
    persistent: false, optional: true,
    why: 'Mail processes queue indexing and full-text-search work with the indexer.',
  },
  {
    id: 'indexer-worker', kind: 'worker', from: { names: ['indexer'] }, to: 'indexer-worker', listenerTypes: ['worker'],
    persistent: true,
    why: 'The indexer hands indexing jobs to indexer-worker processes.',
  },
  {
    id: 'dict', kind: 'dict', from: { names: [...MAIL_PROCESSES, 'indexer-worker'] }, to: 'dict', listenerTypes: ['dict'],
    persistent: false, optional: true,
    why: 'With the proxy dict backend (quota, last-login, …) mail processes reach SQL through dict processes.',
  },
  {
    id: 'hibernate', kind: 'hibernate', from: { names: ['imap'] }, to: 'imap-hibernate', listenerTypes: ['hibernate'],
    persistent: false, optional: true,
    why: 'With imap_hibernate_timeout, idle IMAP clients are moved to imap-hibernate.',
  },
];

/** A derived connection. */
export interface Connection {
  readonly id: string;
  readonly rule: string;
  readonly kind: ConnectionKind;
  readonly from: string;
  readonly to: string;
  /** Listener name on the target (path or inet name), when one matches. */
  readonly listener: string | null;
  /**
   * Connections it can hold at most. Persistent per-process connections (auth,
   * anvil, stats) and hand-offs: the client's process_limit (one per process).
   * Worker connections: also bounded by the worker pool, min(client
   * process_limit × clients per process, worker process_limit × clients per
   * process) (auth → auth-worker: 30 by default, not auth's 1).
   */
  readonly capacity: number;
  readonly persistent: boolean;
  readonly optional: boolean;
  /** The budget this edge is counted in (only when its client is one of the budget's items). */
  readonly budget: BudgetName | null;
}

function matches(sel: FromSelector, s: EffectiveService): boolean {
  if ('counted' in sel) return sel.counted === 'auth' ? countsForAuth(s) : countsForAnvil(s);
  if ('names' in sel) return sel.names.includes(s.name);
  if ('type' in sel) return s.type === sel.type;
  if ('postLoginAuth' in sel) return countsForAuth(s) && s.type !== 'login';
  return true;
}

/** Is the client really one of the items of the rule's budget? (budgets.md §3; stats: every enabled service) */
function countedIn(budget: BudgetName | undefined, s: EffectiveService): BudgetName | null {
  if (budget === undefined) return null;
  if (budget === 'auth') return countsForAuth(s) ? budget : null;
  if (budget === 'anvil') return countsForAnvil(s) ? budget : null;
  return s.enabled ? budget : null;
}

function capacityOf(rule: ConnectionRule, client: EffectiveService, target: EffectiveService): number {
  if (rule.kind !== 'worker') return client.processLimit;
  return Math.min(client.processLimit * client.clientsPerProcess, target.maxConnections);
}

/** What the listener choice depends on besides the target (so it is made once per kind of client). */
function pickKey(rule: ConnectionRule, source: EffectiveService): string {
  const chroot = source.values['chroot']?.text ?? '';
  const special = rule.id === 'postlogin-auth' || rule.id === 'anvil' ? source.name : '';
  return `${rule.id}\u0000${chroot}\u0000${source.type}\u0000${special}`;
}

function pickListener(target: EffectiveService, source: EffectiveService, rule: ConnectionRule): EffectiveListener | null {
  const usable = target.listeners.filter((l) => !l.disabled && l.kind !== 'inet_listener' && l.connType !== 'admin');
  const chroot = source.values['chroot']?.text ?? '';
  if (rule.id === 'login-auth' || rule.id === 'stats') {
    // chrooted login processes reach sockets below their chroot dir (login/login, login/stats-writer)
    const inChroot = usable.filter((l) => chroot !== '' && l.name.startsWith(`${chroot}/`));
    const pick = inChroot.find((l) => rule.listenerTypes.includes(l.connType)) ?? (source.type === 'login' ? inChroot[0] : undefined);
    if (pick) return pick;
    const plain = usable.filter((l) => !l.name.includes('/'));
    return plain.find((l) => rule.listenerTypes.includes(l.connType)) ?? usable.find((l) => rule.listenerTypes.includes(l.connType)) ?? null;
  }
  if (rule.id === 'postlogin-auth') {
    const want = ['lmtp', 'doveadm'].includes(source.name) ? 'userdb' : 'master';
    return usable.find((l) => l.connType === want) ?? usable.find((l) => rule.listenerTypes.includes(l.connType)) ?? null;
  }
  if (rule.id === 'anvil') {
    const want = source.name === 'auth' ? 'penalty' : 'anvil';
    return usable.find((l) => l.connType === want || l.name === want) ?? usable[0] ?? null;
  }
  if (rule.id === 'handoff') {
    return usable.find((l) => l.name.startsWith('login/') || l.name.startsWith('token-login/')) ?? usable[0] ?? null;
  }
  return usable.find((l) => rule.listenerTypes.includes(l.connType)) ?? usable.find((l) => l.name === target.name) ?? usable[0] ?? null;
}

/**
 * Every connection between enabled services.
 *
 * @example serviceConnections(resolved).filter((c) => c.budget === 'anvil').map((c) => c.from);
 */
export function serviceConnections(resolved: ResolvedConfig): Connection[] {
  const byName = new Map(resolved.services.map((s) => [s.name, s]));
  // thousands of services share a handful of listener choices (every service → stats)
  const picked = new Map<string, EffectiveListener | null>();
  const out: Connection[] = [];
  for (const rule of CONNECTION_RULES) {
    for (const s of resolved.services) {
      if (!s.enabled || !matches(rule.from, s)) continue;
      const toName = rule.to === 'pair' ? HANDOFF[s.name] : rule.to;
      if (toName === undefined || toName === s.name) continue;
      const target = byName.get(toName);
      if (target === undefined || !target.enabled) continue;
      const key = `${toName}\u0000${pickKey(rule, s)}`;
      let l = picked.get(key);
      if (l === undefined) {
        l = pickListener(target, s, rule);
        picked.set(key, l);
      }
      out.push({
        id: `${rule.id}:${s.name}->${toName}`, rule: rule.id, kind: rule.kind, from: s.name, to: toName,
        listener: l?.name ?? null, capacity: capacityOf(rule, s, target), persistent: rule.persistent,
        optional: rule.optional ?? false, budget: countedIn(rule.budget, s),
      });
    }
  }
  return out;
}
