import { describe, expect, it } from 'vitest';
import { nodeLoad } from './load.ts';
import { PLAN_RULES, RULE_SOURCES, SETTING_RULES, dovecotKey } from './rules.ts';
import { plannedSettings, type PlannedSetting } from './settings.ts';
import { DEFAULT_PLAN_INPUT, type PlanInput } from './types.ts';

const imap = (n: number, extra: Partial<PlanInput> = {}): PlanInput => ({
  ...DEFAULT_PLAN_INPUT, connections: { imap: n, pop3: 0, submission: 0, managesieve: 0 }, lmtpParallel: 0, ...extra,
});
const none = () => undefined;
function plan(input: PlanInput, version: '2.3' | '2.4' = '2.4', minAvail: (s: string) => number | undefined = none): PlannedSetting[] {
  return plannedSettings(nodeLoad(input, input.role), input, version, minAvail);
}
const get = (s: readonly PlannedSetting[], service: string, key: string) => s.find((x) => x.service === service && x.key === key);

describe('rule table', () => {
  it('every rule names at least one known source and every setting rule a known rule', () => {
    for (const r of Object.values(PLAN_RULES)) {
      expect(r.sources.length).toBeGreaterThan(0);
      for (const s of r.sources) expect(RULE_SOURCES[s].id).toBe(s);
    }
    for (const r of SETTING_RULES) expect(PLAN_RULES[r.rule].id).toBe(r.rule);
  });
  it('maps the count key per version', () => {
    expect(dovecotKey('count', '2.3')).toBe('service_count');
    expect(dovecotKey('count', '2.4')).toBe('restart_request_count');
    expect(dovecotKey('process_limit', '2.3')).toBe('process_limit');
  });
});

describe('high-security login', () => {
  it('one login process per connection plus headroom, count 1', () => {
    const s = plan(imap(20000, { loginMode: 'high-security', headroomPercent: 20 }));
    expect(get(s, 'imap-login', 'process_limit')).toMatchObject({ value: '24000', rule: 'login-hs-process-limit' });
    expect(get(s, 'imap-login', 'restart_request_count')).toMatchObject({ value: '1', rule: 'login-hs-count' });
    expect(get(s, 'imap-login', 'client_limit')).toBeUndefined();
    expect(get(s, 'imap-login', 'vsz_limit')).toBeUndefined();
  });
  it('uses service_count in 2.3', () => {
    expect(get(plan(imap(10), '2.3'), 'imap-login', 'service_count')?.value).toBe('1');
  });
  it('lowers process_min_avail that would exceed the new process_limit (validation #12)', () => {
    const s = plan(imap(5, { headroomPercent: 0 }), '2.4', (name) => (name === 'imap-login' ? 8 : 0));
    expect(get(s, 'imap-login', 'process_min_avail')).toMatchObject({ value: '5', rule: 'min-avail-cap' });
    expect(get(s, 'imap', 'process_min_avail')).toBeUndefined();
  });
  it('keeps process_min_avail at or below the limit', () => {
    const s = plan(imap(5, { headroomPercent: 0 }), '2.4', () => 5);
    expect(get(s, 'imap-login', 'process_min_avail')).toBeUndefined();
  });
});

describe('high-performance login', () => {
  const hp = (n: number, cores: number, version: '2.3' | '2.4' = '2.4') => plan(imap(n, { loginMode: 'high-performance', cores, headroomPercent: 20 }), version);
  it('process_limit = process_min_avail = cores, count unlimited, client_limit = ⌈capacity / cores⌉, vsz_limit 1G', () => {
    const s = hp(20000, 8);
    expect(get(s, 'imap-login', 'process_limit')?.value).toBe('8');
    expect(get(s, 'imap-login', 'process_min_avail')?.value).toBe('8');
    expect(get(s, 'imap-login', 'restart_request_count')?.value).toBe('unlimited');
    expect(get(s, 'imap-login', 'client_limit')).toMatchObject({ value: '3000', rule: 'login-hp-client-limit' });
    expect(get(s, 'imap-login', 'vsz_limit')?.value).toBe('1G');
  });
  it('writes service_count = 0 in 2.3', () => {
    expect(get(hp(20000, 8, '2.3'), 'imap-login', 'service_count')?.value).toBe('0');
  });
  it('rounds the per-core share up and never below 1', () => {
    expect(get(hp(1001, 3), 'imap-login', 'client_limit')?.value).toBe(String(Math.ceil(Math.ceil(1001 * 1.2) / 3)));
    expect(get(hp(2, 16), 'imap-login', 'client_limit')?.value).toBe('1');
  });
});

describe('post-login and lmtp', () => {
  it('blocking post-login services get client_limit 1 and process_limit = capacity', () => {
    const s = plan(imap(1000, { headroomPercent: 25 }));
    expect(get(s, 'imap', 'client_limit')).toMatchObject({ value: '1', rule: 'post-login-client-limit' });
    expect(get(s, 'imap', 'process_limit')).toMatchObject({ value: '1250', rule: 'post-login-process-limit' });
  });
  it('no post-login settings on a proxy', () => {
    const s = plan(imap(1000, { role: 'proxy', proxies: 2 }));
    expect(get(s, 'imap', 'process_limit')).toBeUndefined();
    expect(get(s, 'imap-login', 'process_limit')?.value).toBe('600');
  });
  it('lmtp process_limit = deliveries in parallel, without headroom; split over backends', () => {
    expect(get(plan({ ...imap(0), lmtpParallel: 20 }), 'lmtp', 'process_limit')).toMatchObject({ value: '20', rule: 'lmtp-process-limit' });
    expect(get(plan({ ...imap(0), lmtpParallel: 20 }), 'lmtp', 'client_limit')?.value).toBe('1');
    expect(get(plan({ ...imap(0), lmtpParallel: 21, role: 'backend', backends: 4 }), 'lmtp', 'process_limit')?.value).toBe('6');
  });
  it('protocols without load and lmtp without deliveries are not touched', () => {
    const s = plan(imap(100));
    expect(s.some((x) => x.service.startsWith('pop3') || x.service.startsWith('submission') || x.service === 'lmtp')).toBe(false);
    expect(plan(imap(0))).toEqual([]);
  });
  it('cuts values above 2³²−1 and says so', () => {
    const s = plan(imap(1_000_000_000, { headroomPercent: 1000 }));
    expect(get(s, 'imap', 'process_limit')).toMatchObject({ value: '4294967295', clamped: true });
    expect(get(s, 'imap', 'client_limit')?.clamped).toBe(false);
  });
  it('managesieve load plans managesieve-login and managesieve', () => {
    const s = plan({ ...imap(0), connections: { imap: 0, pop3: 0, submission: 0, managesieve: 50 } });
    expect(get(s, 'managesieve-login', 'process_limit')?.value).toBe('60');
    expect(get(s, 'managesieve', 'process_limit')?.value).toBe('60');
  });
});
