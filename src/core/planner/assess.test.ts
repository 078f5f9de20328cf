import { describe, expect, it } from 'vitest';
import { assessPlan } from './assess.ts';
import { planCluster } from './cluster.ts';
import { requirementCurve } from './curve.ts';
import { planCapacity } from './plan.ts';
import { DEFAULT_PLAN_INPUT, type PlanInput } from './types.ts';

const V24 = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap pop3 lmtp submission\n';
const V23 = 'protocols = imap pop3 lmtp submission\n';
const GIB = 1024 ** 3;
const input = (imap: number, extra: Partial<PlanInput> = {}): PlanInput => ({
  ...DEFAULT_PLAN_INPUT, connections: { imap, pop3: 0, submission: 0, managesieve: 0 }, ...extra,
});
const assess = (text: string, i: PlanInput, version: '2.3' | '2.4' = '2.4') => assessPlan(planCapacity(text, i, { version }));
const codes = (a: ReturnType<typeof assessPlan>) => a.warnings.map((w) => w.code);

describe('headroom and gauges', () => {
  it('shows expected against planned and current max connections', () => {
    const a = assess(V24, input(1000, { headroomPercent: 20 }));
    const login = a.headroom.find((r) => r.service === 'imap-login')!;
    expect(login).toMatchObject({ expected: 1000, currentMax: 100, plannedMax: 1200, headroomPercent: 20 });
    expect(a.headroom.find((r) => r.service === 'lmtp')).toMatchObject({ expected: 20, plannedMax: 20, headroomPercent: 0 });
  });
  it('budget gauges are the planned budgets, with the current requirement beside them', () => {
    const a = assess(V24, input(20000));
    expect(a.auth).toMatchObject({ required: 24300, clientLimit: 24300, ok: true, wraps: false, currentRequired: 400 });
    expect(a.anvil).toMatchObject({ required: 24303, ok: true });
    expect(a.stats.advisory).toBe(true);
  });
  it('high-performance plan fits 20,000 on 8 cores with no danger', () => {
    const a = assess(V24, input(20000, { loginMode: 'high-performance', cores: 8, ramBytes: 64 * GIB }));
    expect(a.warnings.filter((w) => w.severity === 'danger')).toEqual([]);
    expect(a.fd).toMatchObject({ required: 3000, ulimit: 65536, perProcess: 3000, perProcessService: 'imap-login' });
    expect(a.processes.max).toBe(planCapacity(V24, input(20000, { loginMode: 'high-performance', cores: 8 }), { version: '2.4' }).planned.budgets.totals.processes);
    expect(a.processes.atLoad).toBeGreaterThanOrEqual(20000 + 8);
  });
});

describe('warnings', () => {
  it('fd: the largest client_limit above ulimit -n gives the master\'s warning text', () => {
    const a = assess(V24, input(100000, { loginMode: 'high-performance', cores: 1, ulimit: 1024 }));
    const w = a.warnings.find((x) => x.code === 'fd-over-ulimit')!;
    expect(w.severity).toBe('danger');
    expect(w.message).toContain('fd limit (ulimit -n) is lower than required under max. load (1024 < 120000), because of service imap-login { client_limit }');
  });
  it('fd: a high-security auth client_limit can outgrow ulimit -n too', () => {
    const a = assess(V24, input(100000, { ulimit: 65536 }));
    expect(a.warnings.find((x) => x.code === 'fd-over-ulimit')?.message).toContain('because of service anvil { client_limit }');
  });
  it('fd: a proxy needs two fds per proxied connection', () => {
    const a = assess(V24, input(40000, { role: 'proxy', proxies: 1, loginMode: 'high-performance', cores: 1, ulimit: 60000 }));
    expect(codes(a)).toContain('fd-proxy-over-ulimit');
    expect(codes(a)).not.toContain('fd-over-ulimit');
    expect(a.fd.perProcess).toBe(96000);
  });
  it('fd: the total over all processes is a note when it passes the per-process ulimit', () => {
    const a = assess(V24, input(20000, { loginMode: 'high-performance', cores: 8 }));
    const w = a.warnings.find((x) => x.code === 'fd-total')!;
    expect(w.severity).toBe('info');
    expect(w.message).toContain(`about ${a.fd.total} fds`);
    expect(a.fd.total).toBe(planCapacity(V24, input(20000, { loginMode: 'high-performance', cores: 8 }), { version: '2.4' }).planned.budgets.totals.fileDescriptors);
    expect(codes(assess(V24, input(20000, { loginMode: 'high-performance', cores: 8, ulimit: 1_000_000 })))).not.toContain('fd-total');
  });
  it('memory: worst case at the expected peak over RAM is a caution, only the limits over RAM a note', () => {
    expect(codes(assess(V24, input(1000, { ramBytes: 8 * GIB })))).toContain('memory-over-ram');
    const small = assess(V24, input(10, { lmtpParallel: 1, ramBytes: 64 * GIB }));
    expect(codes(small)).not.toContain('memory-over-ram');
    expect(codes(small)).toContain('memory-limits-over-ram');
    expect(small.memory.limitsBytes).toBeGreaterThan(64 * GIB);
  });
  it('memory: an unlimited vsz_limit leaves the worst case unbounded', () => {
    const a = assess(`${V24}service imap {\n  vsz_limit = unlimited\n}\n`, input(10));
    expect(a.memory.limitsBytes).toBeNull();
    expect(a.warnings.find((w) => w.code === 'memory-unbounded')?.services).toEqual(['imap']);
  });
  it('2.4 `unlimited` process_limit: counted as 4294967295, the 32-bit sums wrap', () => {
    const a = assess(`${V24}service imap-urlauth-login {\n  process_limit = unlimited\n}\n`, input(100));
    expect(codes(a)).toContain('process-limit-unlimited');
    expect(a.auth.wraps).toBe(true);
    expect(a.auth.required).toBe((a.auth.requiredExact) % 2 ** 32);
    expect(a.warnings.filter((w) => w.code === 'budget-wraps').map((w) => w.services[0])).toEqual(['auth', 'anvil', 'stats']);
  });
  it('a plan whose own sums pass 2³² wraps', () => {
    const a = assess(V24, { ...input(0), connections: { imap: 1_000_000_000, pop3: 1_000_000_000, submission: 1_000_000_000, managesieve: 0 }, headroomPercent: 50 });
    expect(a.auth.requiredExact).toBeGreaterThanOrEqual(2 ** 32);
    expect(a.warnings.find((w) => w.code === 'budget-wraps' && w.services[0] === 'auth')?.severity).toBe('danger');
  });
  it('values above 2³²−1 are reported', () => {
    expect(codes(assess(V24, input(1_000_000_000, { headroomPercent: 1000 })))).toContain('value-too-large');
  });
  it('process_limit_1 services: a wrong process_limit is a danger and doveconf\'s error', () => {
    const a = assess(`${V23}service anvil {\n  process_limit = 2\n}\n`, input(10), '2.3');
    expect(a.warnings.find((w) => w.code === 'process-limit-1')?.services).toEqual(['anvil']);
    expect(a.warnings.find((w) => w.code === 'planned-error')?.message).toBe('doveconf would fail: service(anvil): process_limit must be 1');
  });
  it('no load, bad input and syntax errors are reported', () => {
    expect(codes(assess(V24, input(0, { lmtpParallel: 0 })))).toContain('no-load');
    expect(codes(assess(V24, input(10, { cores: 0 })))).toContain('input');
    expect(codes(assess(`${V24}service imap {\n`, input(10)))).toContain('config-unreadable');
  });
  it('dangers come first', () => {
    const a = assess(V24, input(100000, { loginMode: 'high-performance', cores: 1, ulimit: 1024 }));
    const sev = a.warnings.map((w) => w.severity);
    expect(sev).toEqual([...sev].sort((x, y) => ['danger', 'caution', 'info'].indexOf(x) - ['danger', 'caution', 'info'].indexOf(y)));
  });
});

describe('requirement curve', () => {
  for (const version of ['2.3', '2.4'] as const) {
    it(`matches doveconf's numbers of the planned text at the plan's load, in both modes (${version})`, () => {
      const text = version === '2.4' ? V24 : V23;
      for (const mode of ['high-security', 'high-performance'] as const) {
        const other = mode === 'high-security' ? 'high-performance' : 'high-security';
        const i = input(7000, { loginMode: mode, cores: 6, lmtpParallel: 30 });
        const p = planCapacity(text, i, { version });
        const c = requirementCurve(p, 24, 2);
        const mine = c.series.find((s) => s.mode === mode)!.points.find((x) => x.load === 7000)!;
        expect([mine.auth, mine.anvil]).toEqual([p.planned.budgets.auth.requiredExact, p.planned.budgets.anvil.requiredExact]);
        const q = planCapacity(text, { ...i, loginMode: other }, { version });
        const theirs = c.series.find((s) => s.mode === other)!.points.find((x) => x.load === 7000)!;
        expect([theirs.auth, theirs.anvil]).toEqual([q.planned.budgets.auth.requiredExact, q.planned.budgets.anvil.requiredExact]);
      }
    });
  }
  it('grows with the load in high-security mode and stays flat in high-performance mode', () => {
    const c = requirementCurve(planCapacity(V24, input(10000, { lmtpParallel: 0 }), { version: '2.4' }));
    const hs = c.series.find((s) => s.mode === 'high-security')!.points;
    const hp = c.series.find((s) => s.mode === 'high-performance')!.points;
    expect(hs.at(-1)!.auth).toBeGreaterThan(hs[0]!.auth * 10);
    expect(new Set(hp.map((p) => p.auth)).size).toBe(1);
    expect(c.load).toBe(10000);
  });
});

describe('cluster on paper', () => {
  it('splits the load over proxies and backends and adds up the totals', () => {
    const c = planCluster(V24, input(20000, { role: 'proxy', proxies: 2, backends: 4, loginMode: 'high-performance', cores: 8 }), { version: '2.4' });
    expect(c.proxy.plan.load.expected.imap).toBe(10000);
    expect(c.backend.plan.load.expected.imap).toBe(5000);
    expect(c.proxy.plan.recommendations.some((r) => r.service === 'imap')).toBe(false);
    expect(c.backend.plan.recommendations.find((r) => r.service === 'imap' && r.key === 'process_limit')?.value).toBe('6000');
    expect(c.totals.servers).toBe(6);
    expect(c.totals.clientCapacity.imap).toBe(2 * 8 * 1500);
    expect(c.totals.backendCapacity.imap).toBe(4 * 6000);
    expect(c.totals.processes).toBe(2 * c.proxy.plan.planned.budgets.totals.processes + 4 * c.backend.plan.planned.budgets.totals.processes);
    expect(c.proxy.plan.planned.warnings).toEqual([]);
    expect(c.backend.plan.planned.warnings).toEqual([]);
  });
  it('reuses the plan it is given for its role and plans the other tier', () => {
    const i = input(20000, { role: 'backend', proxies: 2, backends: 4 });
    const known = planCapacity(V24, i, { version: '2.4' });
    const c = planCluster(V24, i, { version: '2.4' }, known);
    expect(c.backend.plan).toBe(known);
    expect(c.proxy.plan.input.role).toBe('proxy');
    expect(c.proxy.plan.load.expected.imap).toBe(10000);
  });
});
