/**
 * Every worked example of ../shared/dovecot/examples.md (E2–E12 and the
 * one-liners), with the doveconf output it documents.
 */
import { describe, expect, it } from 'vitest';
import { checkConfig } from './check.ts';
import type { DovecotVersion } from '../data/types.ts';

const HEADER = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\n';

function run(body: string, version: DovecotVersion, file = 't.conf') {
  const text = version === '2.4' ? HEADER + body : body;
  const r = checkConfig({ path: file, text }, { version, env: { userExists: () => true } });
  return {
    errors: r.errors.map((e) => (e.line === null ? e.message : `line ${e.line}: ${e.message}`)),
    warnings: r.warnings.map((w) => w.message),
    auth: r.budgets.auth.required,
    anvil: r.budgets.anvil.required,
    r,
  };
}

const AUTH23 = 'Counted for protocol services with service_count != 1: ';
const AUTH24 = 'Counted for protocol services with restart_request_count != 1: ';

describe('examples.md', () => {
  it('E2 minimal', () => {
    const body = 'protocols = imap pop3 lmtp submission\n';
    expect(run(body, '2.3')).toMatchObject({ errors: [], warnings: [], auth: 500, anvil: 403 });
    expect(run(body, '2.4')).toMatchObject({ errors: [], warnings: [], auth: 400, anvil: 403 });
  });

  it('E3 bigger login pools', () => {
    const body = 'protocols = imap pop3 lmtp submission\nservice imap-login {\n  process_limit = 600\n}\nservice pop3-login {\n  process_limit = 300\n}\n';
    expect(run(body, '2.3').warnings).toEqual([
      `service auth { client_limit=1000 } is lower than required under max. load (1200). ${AUTH23}service submission-login { process_limit=100 } + service pop3-login { process_limit=300 } + service lmtp { process_limit=100 } + service imap-urlauth-login { process_limit=100 } + service imap-login { process_limit=600 }`,
      'service anvil { client_limit=1000 } is lower than required under max. load (1103). Counted with: service submission-login { process_limit=100 } + service pop3-login { process_limit=300 } + service imap-urlauth-login { process_limit=100 } + service imap-login { process_limit=600 } + service auth { process_limit=1 }',
    ]);
    expect(run(body, '2.4').warnings).toEqual([
      `service auth { client_limit=1000 } is lower than required under max. load (1100). ${AUTH24}service imap-login { process_limit=600 } + service imap-urlauth-login { process_limit=100 } + service pop3-login { process_limit=300 } + service submission-login { process_limit=100 }`,
      'service anvil { client_limit=1000 } is lower than required under max. load (1103). Counted with: service auth { process_limit=1 } + service imap-login { process_limit=600 } + service imap-urlauth-login { process_limit=100 } + service pop3-login { process_limit=300 } + service submission-login { process_limit=100 }',
    ]);
  });

  it('E4 high-performance login and the fd limit', () => {
    const body23 = 'protocols = imap pop3 submission\nservice imap-login {\n  service_count = 0\n  process_min_avail = 4\n  process_limit = 4\n  client_limit = 5000\n  vsz_limit = 1G\n}\nservice pop3-login {\n  service_count = 0\n  process_min_avail = 4\n  process_limit = 4\n  client_limit = 5000\n}\n';
    const body24 = body23.replaceAll('service_count = 0', 'restart_request_count = unlimited');
    for (const [body, v, src] of [[body23, '2.3', 'pop3-login'], [body24, '2.4', 'imap-login']] as const) {
      const r = run(body, v);
      expect(r).toMatchObject({ errors: [], warnings: [], auth: 208, anvil: 211 });
      const s = r.r.resolved.services.find((x) => x.name === 'imap-login')!;
      expect(s.maxConnections).toBe(20000);
      const withUlimit = checkConfig({ path: 't.conf', text: v === '2.4' ? HEADER + body : body }, { version: v, ulimit: 1024 });
      expect(withUlimit.warnings.map((w) => w.message)).toEqual([
        `fd limit (ulimit -n) is lower than required under max. load (1024 < 5000), because of service ${src} { client_limit }`,
      ]);
    }
  });

  it('E5/E6 proxy front-end, then fixed (equal is accepted)', () => {
    const e5 = 'protocols = imap pop3 submission\nservice imap-login {\n  process_limit = 3000\n  process_min_avail = 64\n}\nservice pop3-login {\n  process_limit = 1000\n}\nservice submission-login {\n  process_limit = 500\n}\n';
    expect(run(e5, '2.3').warnings[0]).toBe(`service auth { client_limit=1000 } is lower than required under max. load (4600). ${AUTH23}service submission-login { process_limit=500 } + service pop3-login { process_limit=1000 } + service imap-urlauth-login { process_limit=100 } + service imap-login { process_limit=3000 }`);
    expect(run(e5, '2.4').warnings[1]).toBe('service anvil { client_limit=1000 } is lower than required under max. load (4603). Counted with: service auth { process_limit=1 } + service imap-login { process_limit=3000 } + service imap-urlauth-login { process_limit=100 } + service pop3-login { process_limit=1000 } + service submission-login { process_limit=500 }');
    const e6 = `${e5}service auth {\n  client_limit = 4600\n}\nservice anvil {\n  client_limit = 4603\n}\n`;
    for (const v of ['2.3', '2.4'] as const) {
      expect(run(e6, v)).toMatchObject({ errors: [], warnings: [] });
      expect(run(e6, v).r.budgets.fd.required).toBe(4603);
    }
  });

  it('E7 process_min_avail above process_limit', () => {
    const body = 'protocols = imap\nservice imap-login {\n  process_limit = 10\n  process_min_avail = 16\n}\n';
    for (const v of ['2.3', '2.4'] as const) {
      expect(run(body, v).errors).toEqual(['service(imap-login): process_min_avail is higher than process_limit']);
    }
  });

  it('E8 zero values', () => {
    const body = 'protocols = imap\nservice imap {\n  process_limit = 0\n  client_limit = 0\n  vsz_limit = 0\n}\n';
    expect(run(body, '2.3')).toMatchObject({ errors: [], warnings: [] });
    expect(run(body, '2.4').errors).toEqual(['service(imap): process_limit must be higher than 0']);
    expect(run(body.replace('process_limit = 0', 'process_limit = 10'), '2.4').errors).toEqual(['service(imap): client_limit must be higher than 0']);
    expect(run('protocols = imap\nservice imap {\n  vsz_limit = 0\n}\n', '2.4').errors).toEqual(['service(imap): vsz_limit is too low (did you mean "unlimited"?)']);
  });

  it('E9 renamed keys in the wrong version', () => {
    expect(run('protocols = imap\nservice imap {\n  restart_request_count = 100\n}\n', '2.3').errors).toEqual(['line 3: Unknown setting: service { restart_request_count']);
    expect(run('protocols = imap\nservice imap {\n  service_count = 100\n}\n', '2.4').errors).toEqual(['line 5: service_count: Unknown setting: service_count (service_service_count or service_imap_service_count not found either.)']);
    expect(run('protocols = imap\nservice imap {\n  service_count = 100\n}\n', '2.3').warnings[0]).toContain('max. load (1224)');
    expect(run('protocols = imap\nservice imap {\n  restart_request_count = 100\n}\n', '2.4').warnings[0]).toContain('max. load (1224)');
  });

  it('E10 single-process services and chroot', () => {
    for (const v of ['2.3', '2.4'] as const) {
      expect(run('protocols = imap\nservice auth {\n  process_limit = 2\n}\n', v).errors).toEqual(['service(auth): process_limit must be 1']);
      expect(run('protocols = imap\nservice imap-login {\n  drop_priv_before_exec = yes\n}\n', v).errors).toEqual(["service(imap-login): drop_priv_before_exec=yes can't be used with chroot"]);
    }
  });

  it('E11 duplicate listener; protocol without its package', () => {
    const body = 'protocols = imap\nservice imap-login {\n  inet_listener imap-alt {\n    port = 143\n  }\n}\n';
    expect(run(body, '2.3').errors).toEqual(['duplicate listener: 143:']);
    expect(run(body, '2.4').errors).toEqual(['duplicate listener: 143:*']);
    for (const v of ['2.3', '2.4'] as const) expect(run('protocols = imap sieve\n', v).errors).toEqual(['protocols: Unknown protocol: sieve']);
  });

  it('E12 syntax error', () => {
    const body = 'protocols = imap\nservice imap-login { process_limit = 5\n}\n';
    expect(run(body, '2.3').errors).toEqual(["line 2: Garbage after '{'"]);
    expect(run(body, '2.4').errors).toEqual(["line 4: Garbage after '{'"]);
  });

  it('one-liners', () => {
    expect(run('service imap-login { \n process_limit = unlimited\n}\n', '2.3').errors).toEqual(['line 2: Invalid number unlimited: Not a valid number']);
    const wrap = run('protocols = imap pop3 lmtp submission\nservice imap-login {\n  process_limit = unlimited\n}\n', '2.4');
    expect(wrap.auth).toBe((4294967295 + 300) % 2 ** 32);
    expect(run('service_process_limit = 50\n', '2.3').errors).toEqual(['line 1: Unknown setting: service_process_limit']);
    expect(run('service_process_limit = 50\n', '2.4').errors).toEqual(['service(anvil): process_limit must be 1']);
    expect(run('protocols = none\n', '2.3').errors).toEqual([]);
    expect(run('protocols = none\n', '2.4').errors).toEqual(['protocols: Unknown protocol: none']);
    expect(run('protocols = imap,pop3\n', '2.3').errors).toEqual(['protocols: Unknown protocol: imap,pop3']);
    expect(run('protocols = imap,pop3\n', '2.4').errors).toEqual([]);
    expect(run('listen =\n', '2.3').errors).toEqual(["listen can't be set empty"]);
    expect(run('listen =\n', '2.4').errors).toEqual([]);
    expect(run('protocols = imap\nservice pop3 {\n  process_min_avail = 5000\n}\n', '2.3').errors).toEqual([]);
    expect(run('service x {\n  unix_listener /run/dovecot/foo {\n  }\n}\n', '2.3').warnings).toEqual(Array(2).fill('You should remove base_dir prefix from unix_listener: /run/dovecot/foo'));
    expect(run('service x {\n  unix_listener /run/dovecot/foo {\n  }\n}\n', '2.4').warnings).toEqual(['You should remove base_dir prefix from unix_listener: /run/dovecot/foo']);
  });

  it('E1-style: 2.4.0 config version restores lmtp in the auth budget', () => {
    const text = 'dovecot_config_version = 2.4.0\ndovecot_storage_version = 2.4.0\nprotocols = imap pop3 lmtp submission\n';
    const r = checkConfig({ path: 'd.conf', text }, {});
    expect(r.version).toBe('2.4');
    expect(r.budgets.auth.required).toBe(500);
  });
});
