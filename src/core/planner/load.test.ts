import { describe, expect, it } from 'vitest';
import { normalizeInput } from './input.ts';
import { nodeLoad, serversInRole, withHeadroom } from './load.ts';
import { DEFAULT_PLAN_INPUT, type PlanInput } from './types.ts';

describe('headroom', () => {
  it('is exact integer arithmetic, rounded up', () => {
    expect(withHeadroom(20000, 20)).toBe(24000);
    expect(withHeadroom(1000, 20)).toBe(1200);
    expect(withHeadroom(1, 20)).toBe(2);
    expect(withHeadroom(7, 0)).toBe(7);
    expect(withHeadroom(0, 50)).toBe(0);
    expect(withHeadroom(8, 12.5)).toBe(9);
    expect(withHeadroom(3, 100)).toBe(6);
  });
});

describe('node load', () => {
  const input: PlanInput = { ...DEFAULT_PLAN_INPUT, connections: { imap: 20001, pop3: 10, submission: 0, managesieve: 0 }, lmtpParallel: 30, proxies: 2, backends: 4, headroomPercent: 20 };
  it('a single server carries everything', () => {
    const l = nodeLoad(input, 'single');
    expect(l.servers).toBe(1);
    expect(l.expected.imap).toBe(20001);
    expect(l.capacity.imap).toBe(Math.ceil(20001 * 1.2));
    expect(l.deliveries).toBe(30);
  });
  it('a backend carries ⌈total / backends⌉, a proxy ⌈total / proxies⌉', () => {
    expect(nodeLoad(input, 'backend').expected.imap).toBe(5001);
    expect(nodeLoad(input, 'backend').deliveries).toBe(8);
    expect(nodeLoad(input, 'proxy').expected.imap).toBe(10001);
    expect(nodeLoad(input, 'proxy').expected.pop3).toBe(5);
    expect(serversInRole(input, 'single')).toBe(1);
  });
});

describe('input normalisation', () => {
  it('accepts the defaults', () => {
    expect(normalizeInput(DEFAULT_PLAN_INPUT).problems).toEqual([]);
  });
  it('brings every bad field into range and names it', () => {
    const { input, problems } = normalizeInput({ ...DEFAULT_PLAN_INPUT, cores: 0, ulimit: Number.NaN, headroomPercent: 2000, connections: { imap: -5, pop3: 2.5, submission: 0, managesieve: 0 } });
    expect(input.cores).toBe(1);
    expect(input.ulimit).toBe(1);
    expect(input.headroomPercent).toBe(1000);
    expect(input.connections.imap).toBe(0);
    expect(input.connections.pop3).toBe(3);
    expect(problems.map((p) => p.field)).toEqual(['connections.imap', 'connections.pop3', 'cores', 'ulimit', 'headroomPercent']);
    expect(problems[0]?.message).toBe('imap connections must be at least 0');
    expect(problems[2]?.message).toBe('CPU cores must be at least 1');
  });
});
