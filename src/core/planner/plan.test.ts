import { describe, expect, it } from 'vitest';
import { checkConfig } from '../check/check.ts';
import { applyEdits } from '../syntax/edit.ts';
import { parseConfig } from '../syntax/parse.ts';
import { mergeInsertions, planEdits } from './edits.ts';
import { planCapacity, sizeText, type Plan } from './plan.ts';
import { DEFAULT_PLAN_INPUT, type PlanInput } from './types.ts';

const V24 = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap pop3 lmtp submission\n';
const V23 = 'protocols = imap pop3 lmtp submission\n';
const input = (imap: number, extra: Partial<PlanInput> = {}): PlanInput => ({
  ...DEFAULT_PLAN_INPUT, connections: { imap, pop3: 0, submission: 0, managesieve: 0 }, ...extra,
});
const rec = (p: Plan, service: string, key: string) => p.recommendations.find((r) => r.service === service && r.key === key);

describe('edits', () => {
  it('joins insertions at one offset in list order', () => {
    expect(mergeInsertions([{ start: 3, end: 3, text: 'a' }, { start: 1, end: 2, text: 'x' }, { start: 3, end: 3, text: 'b' }]))
      .toEqual([{ start: 3, end: 3, text: 'ab' }, { start: 1, end: 2, text: 'x' }]);
  });
  it('changes a written value in place, adds new keys to the last block in order, keeps comments', () => {
    const text = 'protocols = imap\n# login tuning\nservice imap-login {\n  # keep this\n  process_limit = 50 # old\n}\n';
    const doc = parseConfig(text, '2.3').doc;
    const out = applyEdits(text, planEdits(doc, [
      { service: 'imap-login', key: 'process_limit', value: '8' },
      { service: 'imap-login', key: 'client_limit', value: '3000' },
      { service: 'imap-login', key: 'service_count', value: '0' },
      { service: 'imap', key: 'process_limit', value: '24000' },
    ], null));
    expect(out).toBe('protocols = imap\n# login tuning\nservice imap-login {\n  # keep this\n  process_limit = 8 # old\n  client_limit = 3000\n  service_count = 0\n}\nservice imap {\n  process_limit = 24000\n}\n');
  });
  it('puts a new protocols line after the 2.4 version lines', () => {
    const text = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\n';
    const doc = parseConfig(text, '2.4').doc;
    expect(applyEdits(text, planEdits(doc, [{ service: 'imap', key: 'process_limit', value: '10' }], 'imap')))
      .toBe('dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap\nservice imap {\n  process_limit = 10\n}\n');
  });
});

describe('planCapacity', () => {
  it('plans 20,000 IMAP in high-performance mode on 8 cores (2.4): doveconf-clean, budgets met', () => {
    const p = planCapacity(V24, input(20000, { loginMode: 'high-performance', cores: 8 }), { version: '2.4' });
    expect(rec(p, 'imap-login', 'process_limit')).toMatchObject({ current: '100', value: '8', changed: true });
    expect(rec(p, 'imap-login', 'client_limit')).toMatchObject({ current: '1000', value: '3000' });
    expect(rec(p, 'imap-login', 'restart_request_count')).toMatchObject({ current: '1', value: 'unlimited' });
    expect(rec(p, 'imap-login', 'vsz_limit')).toMatchObject({ current: '256M', value: '1G' });
    expect(rec(p, 'imap', 'client_limit')).toMatchObject({ current: '1', changed: false });
    expect(rec(p, 'imap', 'process_limit')).toMatchObject({ current: '1024', value: '24000' });
    expect(p.planned.errors).toEqual([]);
    expect(p.planned.warnings).toEqual([]);
    expect(p.planned.budgets.auth.ok && p.planned.budgets.anvil.ok).toBe(true);
    // the edits are one step on the original text, and give the planned text
    expect(applyEdits(V24, p.edits)).toBe(p.plannedText);
    const s = checkConfig({ path: 'x.conf', text: p.plannedText }, { version: '2.4' }).resolved.services.find((x) => x.name === 'imap-login')!;
    expect([s.processLimit, s.clientLimit, s.maxConnections]).toEqual([8, 3000, 24000]);
  });

  it('raises auth and anvil client_limit to exactly what the planned config requires (high-security)', () => {
    const p = planCapacity(V24, input(20000), { version: '2.4' });
    // imap-login 24000 + imap-urlauth-login 100 + pop3-login 100 + submission-login 100
    expect(rec(p, 'auth', 'client_limit')).toMatchObject({ current: '1000', value: '24300', changed: true, rule: 'auth-client-limit' });
    // + auth's own process_limit 1 + the master's 2
    expect(rec(p, 'anvil', 'client_limit')).toMatchObject({ value: '24303', rule: 'anvil-client-limit' });
    expect(p.planned.budgets.auth.required).toBe(24300);
    expect(p.planned.budgets.auth.clientLimit).toBe(24300);
    expect(p.planned.warnings).toEqual([]);
  });

  it('counts 2.3 lmtp (service_count 0) into auth with its planned process_limit', () => {
    const p = planCapacity(V23, input(20000, { lmtpParallel: 40 }), { version: '2.3' });
    expect(rec(p, 'lmtp', 'process_limit')?.value).toBe('40');
    expect(p.planned.budgets.auth.items.find((i) => i.service === 'lmtp')?.processLimit).toBe(40);
    expect(rec(p, 'auth', 'client_limit')?.value).toBe(String(24000 + 100 + 100 + 100 + 40));
    expect(p.planned.warnings).toEqual([]);
  });

  it('keeps an auth client_limit that already covers the need', () => {
    const text = `${V24}service auth {\n  client_limit = 50000\n}\n`;
    const p = planCapacity(text, input(1000), { version: '2.4' });
    expect(rec(p, 'auth', 'client_limit')).toMatchObject({ current: '50000', value: '50000', changed: false });
    expect(p.plannedText).toContain('client_limit = 50000');
  });

  it('shows 2.3 effective values, not the 0 placeholders', () => {
    const p = planCapacity(V23, input(10), { version: '2.3' });
    expect(rec(p, 'imap-login', 'process_limit')?.current).toBe('100');
    expect(rec(p, 'auth', 'client_limit')).toMatchObject({ current: '1000', changed: false });
  });

  it('enables the protocols the load needs and leaves the others as they are', () => {
    const p = planCapacity('protocols = imap\n', { ...input(10), connections: { imap: 10, pop3: 5, submission: 0, managesieve: 0 }, lmtpParallel: 4 }, { version: '2.3' });
    expect(p.protocolsAfter).toEqual(['imap', 'pop3', 'lmtp']);
    expect(p.plannedText.startsWith('protocols = imap pop3 lmtp\n')).toBe(true);
    expect(p.planned.errors).toEqual([]);
  });

  it('replaces 2.3 `protocols = none`', () => {
    const p = planCapacity('protocols = none\n', input(10, { lmtpParallel: 0 }), { version: '2.3' });
    expect(p.plannedText.startsWith('protocols = imap\n')).toBe(true);
  });

  it('plans nothing and writes nothing without load', () => {
    const p = planCapacity(V24, input(0, { lmtpParallel: 0 }), { version: '2.4' });
    expect(p.recommendations.every((r) => !r.changed)).toBe(true);
    expect(p.edits).toEqual([]);
    expect(p.plannedText).toBe(V24);
  });

  it('refuses to edit a text with a syntax error and says where', () => {
    const text = `${V24}service imap-login {\n  process_limit = 5\n`;
    const p = planCapacity(text, input(100), { version: '2.4' });
    expect(p.edits).toEqual([]);
    expect(p.blocked).toMatch(/^line \d+, column \d+: /);
  });

  it('enables sieve with Pigeonhole for ManageSieve load', () => {
    const p = planCapacity(V24, { ...input(0), connections: { imap: 0, pop3: 0, submission: 0, managesieve: 100 } }, { version: '2.4' });
    expect(p.managesieve).toBe(true);
    expect(p.protocolsAfter).toContain('sieve');
    expect(rec(p, 'managesieve-login', 'process_limit')?.value).toBe('120');
    expect(p.planned.errors).toEqual([]);
    expect(p.planned.budgets.auth.items.some((i) => i.service === 'managesieve-login')).toBe(true);
  });

  it('plans a proxy without touching post-login services', () => {
    const p = planCapacity(V24, input(20000, { role: 'proxy', proxies: 2, loginMode: 'high-performance', cores: 4 }), { version: '2.4' });
    expect(rec(p, 'imap', 'process_limit')).toBeUndefined();
    expect(rec(p, 'imap-login', 'client_limit')?.value).toBe('3000');
  });

  it('writes sizes in Dovecot units', () => {
    expect(sizeText(1024 ** 3)).toBe('1G');
    expect(sizeText(256 * 1024 ** 2)).toBe('256M');
    expect(sizeText(1536)).toBe('1536');
  });
});
