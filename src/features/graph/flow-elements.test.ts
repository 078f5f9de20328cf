import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../core/index.ts';
import { serviceConnections } from '../../core/graph/connections.ts';
import { FALLBACK_HANDLE, MAX_ANIMATED_EDGES, SOURCE_HANDLE, formatCount, toFlowNodes, type EdgeOptions } from './flow-elements.ts';
import { toFlowEdges } from './edge-data.ts';
import { toNodeData } from './node-data.ts';
import { FlowModel } from './flow-model.ts';

const BASE = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap pop3 lmtp submission\n';
const ALL: EdgeOptions = { showStats: true, showOptional: true, selected: null };

function analyse(text: string) {
  const analysis = checkConfig({ path: 'dovecot.conf', text });
  return { analysis, connections: serviceConnections(analysis.resolved) };
}

describe('toNodeData', () => {
  it('has one entry per service with its limits and listeners', () => {
    const { analysis } = analyse(BASE);
    const data = toNodeData(analysis, new Map());
    expect([...data.keys()]).toEqual(analysis.resolved.services.map((s) => s.name));
    const login = data.get('imap-login')!;
    expect(login).toMatchObject({ type: 'login', protocol: 'imap', enabled: true, lane: 'login', processLimit: 100, clientsPerProcess: 1, maxConnections: 100 });
    expect(login.listeners.map((l) => [l.kind, l.address, l.ssl])).toEqual([
      ['unix_listener', 'srv.imap-login/%{pid}', false],
      ['inet_listener', ':143', false],
      ['inet_listener', ':993', true],
    ]);
    expect(data.get('auth')!.listeners.find((l) => l.name === 'login/login')).toMatchObject({ id: 'unix_listener:login/login', connType: 'login', mode: '0666' });
  });

  it('dims services whose protocol is not in protocols and greys disabled listeners', () => {
    const { analysis } = analyse(BASE.replace('imap pop3 lmtp submission', 'imap') + 'service imap-login {\n  inet_listener imap {\n    port = 0\n  }\n}\n');
    const data = toNodeData(analysis, new Map());
    expect(data.get('pop3-login')!.enabled).toBe(false);
    expect(data.get('imap-login')!.listeners.find((l) => l.name === 'imap')!.disabled).toBe(true);
  });

  it('badges the services of an exceeded budget and keeps unchanged data objects', () => {
    const before = toNodeData(analyse(BASE).analysis, new Map());
    expect(before.get('imap-login')!.problems).toEqual([]);
    const after = toNodeData(analyse(`${BASE}service imap-login {\n  process_limit = 1200\n}\n`).analysis, before);
    expect(after.get('imap-login')!.problems.map((p) => p.kind)).toEqual(['auth', 'anvil']);
    expect(after.get('auth')!.problems.map((p) => p.kind)).toContain('auth');
    expect(after.get('anvil')!.problems.map((p) => p.kind)).toEqual(['anvil']);
    expect(after.get('imap')).toBe(before.get('imap'));
    expect(after.get('log')).toBe(before.get('log'));
    expect(after.get('imap-login')).not.toBe(before.get('imap-login'));
    // the stats estimate (advisory) shows on the stats service only
    expect(after.get('stats')!.problems.find((p) => p.kind === 'stats')?.advisory).toBe(true);
    expect(after.get('imap')!.problems).toEqual([]);
  });

  it('badges the service that sets the fd requirement when ulimit -n is lower', () => {
    const text = `${BASE}service imap-login {\n  client_limit = 5000\n}\n`;
    const low = checkConfig({ path: 'dovecot.conf', text }, { ulimit: 1024 });
    expect(toNodeData(low, new Map()).get('imap-login')!.problems.map((p) => p.kind)).toEqual(['fd']);
    const high = checkConfig({ path: 'dovecot.conf', text }, { ulimit: 65536 });
    expect(toNodeData(high, new Map()).get('imap-login')!.problems).toEqual([]);
  });

  it('badges services named by an error', () => {
    const { analysis } = analyse(`${BASE}service imap {\n  process_min_avail = 5000\n}\n`);
    const problems = toNodeData(analysis, new Map()).get('imap')!.problems;
    expect(problems.map((p) => p.kind)).toEqual(['error']);
    expect(problems[0]!.text).toContain('process_min_avail is higher than process_limit');
  });
});

describe('toFlowEdges', () => {
  it('ends each edge on its listener handle and labels it with the capacity', () => {
    const { analysis, connections } = analyse(BASE);
    const data = toNodeData(analysis, new Map());
    const edges = toFlowEdges(connections, analysis.budgets, data, ALL, new Map());
    const e = edges.find((x) => x.source === 'imap-login' && x.target === 'auth')!;
    expect(e).toMatchObject({ sourceHandle: SOURCE_HANDLE, targetHandle: 'unix_listener:login/login', type: 'connection', animated: false });
    expect(e.data).toMatchObject({ kind: 'auth', capacity: 100, exceeded: null });
    expect(e.className).toBe('edge edge-auth');
    // every edge ends on a handle the target node renders
    for (const x of edges) {
      const handles = [FALLBACK_HANDLE, ...data.get(x.target)!.listeners.map((l) => l.id)];
      expect(handles, x.id).toContain(x.targetHandle);
    }
  });

  it('hides stats and optional edges on request', () => {
    const { analysis, connections } = analyse(BASE);
    const data = toNodeData(analysis, new Map());
    const all = toFlowEdges(connections, analysis.budgets, data, ALL, new Map());
    const some = toFlowEdges(connections, analysis.budgets, data, { ...ALL, showStats: false, showOptional: false }, new Map());
    expect(all.some((e) => e.data!.kind === 'stats')).toBe(true);
    expect(some.some((e) => e.data!.kind === 'stats' || e.data!.optional)).toBe(false);
    expect(some.length).toBe(connections.filter((c) => c.kind !== 'stats' && !c.optional).length);
  });

  it('highlights every edge of an exceeded budget, draws them last, and reuses untouched edges', () => {
    const base = analyse(BASE);
    const data0 = toNodeData(base.analysis, new Map());
    const edges0 = toFlowEdges(base.connections, base.analysis.budgets, data0, ALL, new Map());
    const over = analyse(`${BASE}service imap-login {\n  process_limit = 1200\n}\n`);
    const data1 = toNodeData(over.analysis, data0);
    const edges1 = toFlowEdges(over.connections, over.analysis.budgets, data1, ALL, new Map(edges0.map((e) => [e.id, e])));
    const auth = edges1.filter((e) => e.data!.budget === 'auth');
    expect(auth.length).toBe(4);
    for (const e of auth) {
      expect(e.animated, e.id).toBe(true);
      expect(e.className).toContain('edge-exceeded-error');
      expect(e.data!.exceeded).toBe('error');
    }
    expect(edges1.find((e) => e.source === 'imap-login' && e.target === 'auth')!.data!.capacity).toBe(1200);
    const firstRaised = edges1.findIndex((e) => e.data!.exceeded === 'error');
    expect(edges1.slice(firstRaised).every((e) => e.data!.exceeded === 'error')).toBe(true);
    const handoff0 = edges0.find((e) => e.id === 'handoff:pop3-login->pop3');
    expect(edges1.find((e) => e.id === 'handoff:pop3-login->pop3')).toBe(handoff0);
    // stats budget is advisory: highlighted differently, never animated
    const stats = edges1.filter((e) => e.data!.budget === 'stats');
    expect(stats.every((e) => e.data!.exceeded === 'advisory' && !e.animated)).toBe(true);
  });

  it('an edit inside an exceeded budget re-creates only the edited service\'s node and edges', () => {
    const a = analyse(`${BASE}service imap-login {\n  process_limit = 1200\n}\n`);
    const data0 = toNodeData(a.analysis, new Map());
    const edges0 = toFlowEdges(a.connections, a.analysis.budgets, data0, ALL, new Map());
    const b = analyse(`${BASE}service imap-login {\n  process_limit = 1300\n}\n`);
    const data1 = toNodeData(b.analysis, data0);
    const edges1 = toFlowEdges(b.connections, b.analysis.budgets, data1, ALL, new Map(edges0.map((e) => [e.id, e])));
    expect(b.analysis.budgets.auth.required).not.toBe(a.analysis.budgets.auth.required);
    expect(data1.get('pop3-login')).toBe(data0.get('pop3-login'));
    expect(data1.get('imap-login')).not.toBe(data0.get('imap-login'));
    const changed = edges1.filter((e) => !edges0.includes(e)).map((e) => e.id).sort();
    expect(changed).toEqual(['anvil:imap-login->anvil', 'handoff:imap-login->imap', 'login-auth:imap-login->auth', 'stats:imap-login->stats']);
  });

  it('marks the edges of the selected service', () => {
    const { analysis, connections } = analyse(BASE);
    const data = toNodeData(analysis, new Map());
    const edges = toFlowEdges(connections, analysis.budgets, data, { ...ALL, selected: 'anvil' }, new Map());
    const focus = edges.filter((e) => e.data!.focus).map((e) => e.id);
    expect(focus.length).toBeGreaterThan(0);
    expect(focus.every((id) => id.includes('anvil'))).toBe(true);
  });
});

describe('toFlowNodes', () => {
  it('places nodes, marks the selection, and reuses unchanged node objects', () => {
    const { analysis } = analyse(BASE);
    const data = toNodeData(analysis, new Map());
    const at = (id: string) => (id === 'auth' ? { x: 5, y: 6 } : { x: 0, y: 0 });
    const nodes = toFlowNodes(data, at, null, new Map([['auth', { width: 264, height: 212 }]]), new Map());
    expect(nodes.map((n) => n.id)).toEqual([...data.keys()]);
    const prev = new Map(nodes.map((n) => [n.id, n]));
    const next = toFlowNodes(data, (id) => (id === 'log' ? { x: 9, y: 9 } : at(id)), 'auth', new Map([['auth', { width: 264, height: 212 }]]), prev);
    expect(next.find((n) => n.id === 'imap')).toBe(prev.get('imap'));
    expect(next.find((n) => n.id === 'log')!.position).toEqual({ x: 9, y: 9 });
    const auth = next.find((n) => n.id === 'auth')!;
    expect(auth.selected).toBe(true);
    expect(auth.measured).toEqual({ width: 264, height: 212 });
    expect(auth.ariaLabel).toContain('auth:');
  });
});

describe('formatCount', () => {
  it('groups digits like en-US and marks what cannot be computed', () => {
    for (const n of [0, 7, 999, 1000, 65536, 100000, 1234567, 4294967295, -1500, 2.5]) expect(formatCount(n), String(n)).toBe(n.toLocaleString('en-US'));
    expect(formatCount(NaN)).toBe('?');
  });
});

describe('animation of exceeded edges', () => {
  it('stops animating when hundreds of edges are highlighted', () => {
    let text = `${BASE}service auth {\n  client_limit = 10\n}\n`;
    for (let i = 0; i <= MAX_ANIMATED_EDGES; i++) text += `service l${i} {\n  type = login\n  protocol = imap\n  executable = imap-login\n}\n`;
    const { analysis, connections } = analyse(text);
    const edges = toFlowEdges(connections, analysis.budgets, toNodeData(analysis, new Map()), ALL, new Map());
    const exceeded = edges.filter((e) => e.data!.exceeded === 'error');
    expect(exceeded.length).toBeGreaterThan(MAX_ANIMATED_EDGES);
    expect(exceeded.some((e) => e.animated)).toBe(false);
    expect(exceeded.every((e) => e.className!.includes('edge-exceeded-error'))).toBe(true);
  });
});

describe('FlowModel', () => {
  it('recomputes only what changed and keeps the overview when only numbers change', () => {
    const model = new FlowModel();
    const none = {};
    const a = analyse(BASE).analysis;
    const data = model.nodeData(a);
    expect(model.nodeData(a)).toBe(data);
    const nodes = model.nodes(data, none, none, none, null);
    expect(model.nodes(data, none, none, none, null)).toBe(nodes);
    const overview = model.overview(nodes);
    expect(overview.find((_, i) => nodes[i]!.id === 'imap-login')?.tone).toBe('login');
    const b = analyse(`${BASE}service imap {\n  process_limit = 10\n}\n`).analysis;
    const data2 = model.nodeData(b);
    const nodes2 = model.nodes(data2, none, none, none, null);
    expect(nodes2).not.toBe(nodes);
    expect(model.overview(nodes2)).toBe(overview);
    const c = analyse(`${BASE}service imap-login {\n  process_limit = 1200\n}\n`).analysis;
    const nodes3 = model.nodes(model.nodeData(c), none, none, none, null);
    const overview3 = model.overview(nodes3);
    expect(overview3).not.toBe(overview);
    expect(overview3.find((_, i) => nodes3[i]!.id === 'imap-login')?.tone).toBe('budget');
  });
});
