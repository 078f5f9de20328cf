import { describe, expect, it } from 'vitest';
import { usesPigeonhole } from './pigeonhole.ts';
import { checkConfig } from '../core/index.ts';

describe('usesPigeonhole', () => {
  it('detects sieve in protocols and managesieve blocks', () => {
    expect(usesPigeonhole('protocols = imap sieve\n')).toBe(true);
    expect(usesPigeonhole('protocols = "imap lmtp sieve"\n')).toBe(true);
    expect(usesPigeonhole('protocols {\n  sieve = yes\n}\n')).toBe(true);
    expect(usesPigeonhole('service managesieve-login {\n}\n')).toBe(true);
    expect(usesPigeonhole('protocols = imap pop3\n# sieve later\n')).toBe(false);
    expect(usesPigeonhole('protocols = imap sievex\n')).toBe(false);
  });

  it('makes sieve a known protocol for the check', () => {
    const text = 'protocols = imap sieve\n';
    expect(checkConfig({ path: 'd.conf', text }, { version: '2.3' }).errors[0]?.message).toBe('protocols: Unknown protocol: sieve');
    expect(checkConfig({ path: 'd.conf', text }, { version: '2.3', managesieve: usesPigeonhole(text) }).errors).toEqual([]);
  });
});
