import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../core/index.ts';
import { serviceConnections } from '../../core/graph/connections.ts';
import { LANES } from '../../core/graph/lanes.ts';
import { toNodeData } from './node-data.ts';
import { elkGraph, laneGridLayout, laneHeadings, layoutItems, orderByPositions, sameLayoutInput, type LayoutItem, type XY } from './lane-layout.ts';
import { nodeHeight } from './node-size.ts';

const BASE = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap pop3 lmtp submission\n';

function setup(text: string) {
  const analysis = checkConfig({ path: 'dovecot.conf', text });
  const items = layoutItems(toNodeData(analysis, new Map()));
  const links = serviceConnections(analysis.resolved).filter((c) => c.kind !== 'stats').map((c) => ({ source: c.from, target: c.to }));
  return { items, links };
}

function overlaps(a: LayoutItem, pa: XY, b: LayoutItem, pb: XY): boolean {
  return pa.x < pb.x + b.width && pb.x < pa.x + a.width && pa.y < pb.y + b.height && pb.y < pa.y + a.height;
}

function customServices(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += `service c${i} {\n  executable = x\n  unix_listener c${i} {\n    mode = 0600\n  }\n}\n`;
  return out;
}

describe('laneGridLayout', () => {
  it('puts lanes left to right without overlapping nodes', () => {
    const { items } = setup(BASE + customServices(300));
    const pos = laneGridLayout(items);
    const laneMax = new Map<string, number>();
    const laneMin = new Map<string, number>();
    for (const i of items) {
      laneMin.set(i.lane, Math.min(laneMin.get(i.lane) ?? Infinity, pos[i.id]!.x));
      laneMax.set(i.lane, Math.max(laneMax.get(i.lane) ?? -Infinity, pos[i.id]!.x + i.width));
    }
    for (let k = 1; k < LANES.length; k++) expect(laneMin.get(LANES[k]!)!, LANES[k]).toBeGreaterThan(laneMax.get(LANES[k - 1]!)!);
    // nodes of one column never overlap (checked per x column: O(n) buckets)
    const columns = new Map<number, LayoutItem[]>();
    for (const i of items) columns.set(pos[i.id]!.x, [...(columns.get(pos[i.id]!.x) ?? []), i]);
    for (const col of columns.values()) {
      const sorted = [...col].sort((a, b) => pos[a.id]!.y - pos[b.id]!.y);
      for (let k = 1; k < sorted.length; k++) expect(overlaps(sorted[k - 1]!, pos[sorted[k - 1]!.id]!, sorted[k]!, pos[sorted[k]!.id]!)).toBe(false);
    }
  });

  it('wraps a big graph into a block, not a strip', () => {
    const { items } = setup(BASE + customServices(2000));
    const pos = laneGridLayout(items);
    let w = 0;
    let h = 0;
    for (const i of items) {
      w = Math.max(w, pos[i.id]!.x + i.width);
      h = Math.max(h, pos[i.id]!.y + i.height);
    }
    expect(w / h).toBeGreaterThan(0.8);
    expect(w / h).toBeLessThan(3);
  });
});

describe('elkGraph and sameLayoutInput', () => {
  it('gives every node its lane partition and keeps only forward links', () => {
    const { items, links } = setup(BASE);
    const g = elkGraph(items, links);
    // nodes with no cross-lane link (log, config, health-check, dict-expire…) have nothing to order
    expect(g.children.map((c) => c.id)).not.toContain('log');
    expect(g.children.map((c) => c.id)).toContain('auth');
    expect(g.children.find((c) => c.id === 'imap-login')!.layoutOptions['elk.partitioning.partition']).toBe('0');
    expect(g.children.find((c) => c.id === 'auth-worker')!.layoutOptions['elk.partitioning.partition']).toBe('3');
    const lane = new Map(items.map((i) => [i.id, LANES.indexOf(i.lane)]));
    for (const e of g.edges) expect(lane.get(e.sources[0]!)!, e.id).toBeLessThan(lane.get(e.targets[0]!)!);
    expect(g.edges.some((e) => e.id === 'imap-login>auth')).toBe(true);
    expect(g.edges.some((e) => e.id === 'auth>anvil')).toBe(false);
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
  });

  it('changes with the structure, not with numbers', () => {
    const a = setup(BASE);
    const b = setup(`${BASE}service imap-login {\n  process_limit = 1200\n}\n`);
    expect(sameLayoutInput(a.items, a.links, b.items, b.links)).toBe(true);
    const c = setup(`${BASE}service imap-login {\n  unix_listener extra {\n  }\n}\n`);
    expect(sameLayoutInput(a.items, a.links, c.items, c.links)).toBe(false);
    const d = setup(BASE.replace('imap pop3 lmtp submission', 'imap lmtp submission'));
    expect(sameLayoutInput(a.items, a.links, d.items, d.links)).toBe(false);
    expect(c.items.find((i) => i.id === 'imap-login')!.height).toBe(nodeHeight(4));
  });

  it('orders each lane by the y of a layout, keeping lanes apart', () => {
    const { items } = setup(BASE);
    const order = Object.fromEntries(items.map((i, k) => [i.id, { x: 0, y: -k }]));
    const sorted = orderByPositions(items, order);
    const login = sorted.filter((i) => i.lane === 'login').map((i) => i.id);
    expect(login).toEqual(items.filter((i) => i.lane === 'login').map((i) => i.id).reverse());
    const pos = laneGridLayout(sorted);
    expect(pos[login[0]!]!.y).toBeLessThan(pos[login[1]!]!.y);
  });

  it('puts a heading over each lane', () => {
    const { items } = setup(BASE);
    const pos = laneGridLayout(items);
    expect(laneHeadings(items, pos).map((h) => h.lane)).toEqual(LANES);
  });
});
