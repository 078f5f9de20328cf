import { describe, expect, it } from 'vitest';
import { checkConfig } from '../check/check.ts';
import { LANES, serviceLane, type ServiceLane } from './lanes.ts';

function lanesOf(text: string, version: '2.3' | '2.4'): Record<string, ServiceLane> {
  const r = checkConfig({ path: 'dovecot.conf', text }, { version });
  return Object.fromEntries(r.resolved.services.map((s) => [s.name, serviceLane(s)]));
}

describe('serviceLane', () => {
  it('puts the 2.4 built-ins in login → post-login → master → worker lanes', () => {
    const l = lanesOf('dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap pop3 lmtp submission\n', '2.4');
    for (const s of ['imap-login', 'pop3-login', 'submission-login', 'imap-urlauth-login']) expect(l[s], s).toBe('login');
    for (const s of ['imap', 'pop3', 'lmtp', 'submission', 'imap-urlauth', 'imap-hibernate']) expect(l[s], s).toBe('post-login');
    for (const s of ['auth', 'anvil', 'stats', 'log', 'config', 'dict', 'dict-async', 'indexer', 'doveadm', 'dns-client']) expect(l[s], s).toBe('master');
    for (const s of ['auth-worker', 'indexer-worker', 'imap-urlauth-worker']) expect(l[s], s).toBe('worker');
  });

  it('places 2.3-only services and custom services by type and protocol', () => {
    const l = lanesOf('protocols = imap\nservice my-worker {\n  type = worker\n  executable = x\n}\nservice my-imap {\n  protocol = imap\n  executable = imap\n}\n', '2.3');
    expect(l['replicator']).toBe('master');
    expect(l['aggregator']).toBe('master');
    expect(l['my-worker']).toBe('worker');
    expect(l['my-imap']).toBe('post-login');
    expect(serviceLane({ name: 'x', type: 'login', protocol: '' })).toBe('login');
    expect(LANES).toEqual(['login', 'post-login', 'master', 'worker']);
  });
});
