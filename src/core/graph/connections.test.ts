import { describe, expect, it } from 'vitest';
import { checkConfig } from '../check/check.ts';
import { corpusConfigs, findCorpus } from '../testing/corpus.ts';
import type { DovecotVersion } from '../data/types.ts';
import { serviceConnections, type BudgetName, type Connection } from './connections.ts';

const V24 = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\n';
const PROTOCOLS = 'protocols = imap pop3 lmtp submission\n';

function analyse(text: string, version?: DovecotVersion) {
  const r = checkConfig({ path: 'dovecot.conf', text }, version ? { version } : {});
  return { r, edges: serviceConnections(r.resolved) };
}

function edge(edges: readonly Connection[], from: string, to: string, kind?: string): Connection | undefined {
  return edges.find((e) => e.from === from && e.to === to && (kind === undefined || e.kind === kind));
}

/** Budget edges start exactly at the budget's items (stats: all enabled services but stats itself). */
function expectBudgetEdgesMatchItems(r: ReturnType<typeof checkConfig>, edges: readonly Connection[], label: string): void {
  for (const name of ['auth', 'anvil', 'stats'] as const satisfies readonly BudgetName[]) {
    const budget = r.budgets[name];
    const fromEdges = edges.filter((e) => e.budget === name).map((e) => e.from).sort();
    const items = budget.items.map((i) => i.service).filter((s) => s !== budget.service).sort();
    expect(fromEdges, `${label}: ${name} edges`).toEqual(items);
    for (const e of edges.filter((x) => x.budget === name)) expect(e.to, `${label}: ${e.id}`).toBe(budget.service);
  }
}

describe('serviceConnections', () => {
  it('2.4 default: login services reach auth on login/login and anvil on anvil, capacity = process_limit', () => {
    const { edges } = analyse(V24 + PROTOCOLS);
    for (const login of ['imap-login', 'pop3-login', 'submission-login']) {
      const auth = edge(edges, login, 'auth', 'auth');
      expect(auth?.listener, login).toBe('login/login');
      expect(auth?.capacity).toBe(100);
      expect(auth?.budget).toBe('auth');
      expect(edge(edges, login, 'anvil')?.listener).toBe('anvil');
    }
    // imap-urlauth-login authenticates with tokens
    expect(edge(edges, 'imap-urlauth-login', 'auth')?.listener).toBe('token-login/tokenlogin');
    // auth reports penalties on anvil-auth-penalty, counted in the anvil budget
    expect(edge(edges, 'auth', 'anvil')).toMatchObject({ listener: 'anvil-auth-penalty', budget: 'anvil', capacity: 1 });
    // hand-off to the post-login service's login/ socket
    expect(edge(edges, 'imap-login', 'imap', 'handoff')?.listener).toBe('login/imap');
    // chrooted login processes write stats to login/stats-writer
    expect(edge(edges, 'imap-login', 'stats')?.listener).toBe('login/stats-writer');
    expect(edge(edges, 'imap', 'stats')?.listener).toBe('stats-writer');
  });

  it('worker edges hold at most what the worker pool accepts', () => {
    const { edges } = analyse(V24 + PROTOCOLS);
    // auth is one process, but it can keep a connection to every auth-worker (process_limit 30, client_limit 1)
    expect(edge(edges, 'auth', 'auth-worker')?.capacity).toBe(30);
    expect(edge(edges, 'indexer', 'indexer-worker')?.capacity).toBe(10);
    const raised = analyse(`${V24}${PROTOCOLS}service auth-worker {\n  process_limit = 50\n}\n`).edges;
    expect(edge(raised, 'auth', 'auth-worker')?.capacity).toBe(50);
  });

  it('2.3 default: same listeners, lmtp keeps a persistent auth connection (service_count 0)', () => {
    const { r, edges } = analyse(PROTOCOLS, '2.3');
    expect(edge(edges, 'imap-login', 'auth')?.listener).toBe('login/login');
    expect(edge(edges, 'lmtp', 'auth')).toMatchObject({ listener: 'auth-userdb', budget: 'auth' });
    expect(edge(edges, 'imap', 'auth')).toBeUndefined();
    expectBudgetEdgesMatchItems(r, edges, '2.3 default');
  });

  it('disabled protocol services have no edges', () => {
    const { edges } = analyse(`${V24}protocols = imap\n`);
    expect(edges.some((e) => e.from === 'pop3-login' || e.to === 'pop3')).toBe(false);
    expect(edge(edges, 'imap-login', 'auth')).toBeDefined();
  });

  it('a post-login service with restart_request_count != 1 joins the auth budget and gets an auth edge', () => {
    const { r, edges } = analyse(`${V24}${PROTOCOLS}service imap {\n  restart_request_count = unlimited\n}\n`);
    expect(edge(edges, 'imap', 'auth')).toMatchObject({ listener: 'auth-master', budget: 'auth', capacity: 1024 });
    expectBudgetEdgesMatchItems(r, edges, 'imap unlimited');
  });

  it('a login-type service without protocol is not counted, so its auth edge carries no budget', () => {
    const { r, edges } = analyse(`${V24}${PROTOCOLS}service my-login {\n  type = login\n  executable = imap-login\n}\n`);
    expect(edge(edges, 'my-login', 'auth')?.budget).toBeNull();
    expect(edge(edges, 'my-login', 'anvil')?.budget).toBe('anvil');
    expectBudgetEdgesMatchItems(r, edges, 'my-login');
  });

  const corpus = findCorpus();
  if (corpus === null) {
    it.skip('budget edges match budget items over the corpus (corpus absent: ../shared/corpus not found)', () => {});
  } else {
    it('budget edges match budget items over the corpus, both versions', () => {
      for (const { name, text } of corpusConfigs(corpus)) {
        for (const version of ['2.3', '2.4'] as const) {
          const { r, edges } = analyse(text, version);
          expectBudgetEdgesMatchItems(r, edges, `${name} ${version}`);
          for (const e of edges) {
            if (e.listener === null) continue;
            const target = r.resolved.services.find((s) => s.name === e.to)!;
            expect(target.listeners.some((l) => l.name === e.listener && !l.disabled), `${name} ${version} ${e.id}`).toBe(true);
          }
        }
      }
    });
  }
});
