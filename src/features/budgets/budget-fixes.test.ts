import { describe, expect, it } from 'vitest';
import { applyEdits, checkConfig, parseConfig, type DovecotVersion } from '../../core/index.ts';
import type { EditStep } from '../../store/document-slice.ts';
import { clientLimitFix, fdLowerFix } from './budget-fixes.ts';

function run(text: string, version: DovecotVersion, steps: readonly EditStep[]): string {
  let t = text;
  for (const step of steps) t = applyEdits(t, step(parseConfig(t, version).doc));
  return t;
}

const V24 = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap pop3 lmtp submission\n';
const V23 = 'protocols = imap pop3 lmtp submission\n';

describe('client_limit fixes', () => {
  for (const [version, head] of [['2.4', V24], ['2.3', V23]] as const) {
    it(`${version}: raising auth and anvil to the requirement silences doveconf`, () => {
      const text = `${head}service imap-login {\n  process_limit = 900\n}\n`;
      const before = checkConfig({ path: 'd.conf', text });
      expect(before.warnings.map((w) => w.code)).toEqual(['auth-client-limit', 'anvil-client-limit']);
      const auth = clientLimitFix(before.budgets.auth)!;
      expect(auth.label).toBe(`Set service auth client_limit to ${before.budgets.auth.required}`);
      const anvil = clientLimitFix(before.budgets.anvil)!;
      const fixed = run(text, version, [...auth.steps, ...anvil.steps]);
      const after = checkConfig({ path: 'd.conf', text: fixed });
      expect(after.warnings).toEqual([]);
      expect(after.budgets.auth.clientLimit).toBe(before.budgets.auth.required);
      expect(after.budgets.anvil.clientLimit).toBe(before.budgets.anvil.required);
    });
  }

  it('offers nothing when the budget holds, or when the sum wraps past 2^32', () => {
    expect(clientLimitFix(checkConfig({ path: 'd.conf', text: V24 }).budgets.auth)).toBeNull();
    const wrapped = checkConfig({ path: 'd.conf', text: `${V24}service imap-login {\n  process_limit = unlimited\n}\n` }).budgets.auth;
    expect(wrapped.requiredExact).toBeGreaterThan(4294967295);
    expect(clientLimitFix(wrapped)).toBeNull();
  });
});

describe('fd fix', () => {
  it('2.4: lowers the inherited default and explicit values above the ulimit, and the fd check passes', () => {
    const text = `${V24}service imap-login {\n  client_limit = 5000\n}\n`;
    const a = checkConfig({ path: 'd.conf', text }, { ulimit: 900 });
    expect(a.warnings.map((w) => w.code)).toContain('fd-limit');
    const fix = fdLowerFix(a, text, 900)!;
    expect(fix.label).toBe('Lower client_limit to 900 at default_client_limit, service imap-login');
    const after = checkConfig({ path: 'd.conf', text: run(text, '2.4', fix.steps) }, { ulimit: 900 });
    expect(after.budgets.fd.required).toBeLessThanOrEqual(900);
    expect(after.warnings.map((w) => w.code)).not.toContain('fd-limit');
    // auth now has 900 for a need of 400: still fine, so no note
    expect(fix.note).toBeUndefined();
  });

  it('2.3: lowers default_client_limit, and says when auth would then be short', () => {
    const text = V23;
    const a = checkConfig({ path: 'd.conf', text }, { ulimit: 300 });
    const fix = fdLowerFix(a, text, 300)!;
    expect(fix.label).toBe('Lower client_limit to 300 at default_client_limit');
    expect(fix.note).toMatch(/service auth needs client_limit 500/);
    const after = checkConfig({ path: 'd.conf', text: run(text, '2.3', fix.steps) }, { ulimit: 300 });
    expect(after.budgets.fd.required).toBe(300);
  });

  it('offers nothing when the ulimit is enough', () => {
    const a = checkConfig({ path: 'd.conf', text: V24 }, { ulimit: 65536 });
    expect(fdLowerFix(a, V24, 65536)).toBeNull();
  });
});
