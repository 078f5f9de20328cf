/**
 * Properties of whole-configuration transformations, checked with the core
 * (fast-check): the canonical form keeps a valid configuration's verdict and
 * effective services, and converting 2.3 → 2.4 → 2.3 keeps every service's
 * effective settings.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DovecotVersion } from '../data/types.ts';
import { convertConfig } from '../convert.ts';
import { memoryFiles } from '../model/memory-files.ts';
import { loadConfig } from '../model/load.ts';
import { addressList, resolveServices, type ResolvedConfig } from '../model/resolve.ts';
import { canonicalize } from '../syntax/canonical.ts';
import { parseConfig } from '../syntax/parse.ts';
import { generateConfigs } from '../testing/generate.ts';
import { checkConfig, type CheckResult } from './check.ts';

const RUNS = Number(process.env['FC_RUNS'] ?? 1);
const users = (): boolean => true;
const LINE_CODES = new Set(['ambiguous-hash', 'global-after-filter', 'obsolete-setting']);

/** What must not change: errors, stage-B warnings, and every effective service. */
function verdict(r: CheckResult): unknown {
  return {
    errors: r.errors.map((e) => e.message),
    // texts that name a line can move; their number must not change
    warnings: r.warnings.filter((w) => !LINE_CODES.has(w.code)).map((w) => w.message),
    lineWarnings: r.warnings.filter((w) => w.code === 'global-after-filter' || w.code === 'obsolete-setting').length,
    services: summary(r.resolved),
  };
}

function summary(r: ResolvedConfig): unknown {
  return r.services.map((s) => ({
    name: s.name, enabled: s.enabled, type: s.type, protocol: s.protocol,
    numbers: [s.processLimit, s.clientLimit, s.restartCount, s.processMinAvail, s.vszLimit, s.idleKill],
    strings: ['user', 'group', 'privileged_group', 'extra_groups', 'chroot', 'executable', 'drop_priv_before_exec'].map((k) => s.values[k]?.text ?? ''),
    listeners: s.listeners.map((l) => ({
      kind: l.kind, name: l.name, disabled: l.disabled,
      values: ['mode', 'user', 'group', 'port', 'ssl', 'haproxy', 'reuse_port'].map((k) => l.values[k]?.text ?? ''),
      addresses: addressList(l.values['address']?.text ?? l.values['listen']?.text ?? '', r.version).join(' '),
    })),
  }));
}

describe('canonicalize keeps the verdict', () => {
  it('of every valid generated configuration (errors, warnings, effective services)', () => {
    fc.assert(fc.property(fc.constantFrom<DovecotVersion>('2.3', '2.4'), fc.integer({ min: 1, max: 1_000_000 }), fc.nat(43), (version, seed, index) => {
      const cfg = generateConfigs(version, index + 1, seed)[index]!;
      const check = (main: string): CheckResult => checkConfig({ path: cfg.main, text: main }, {
        version, files: memoryFiles({ ...cfg.files, [cfg.main]: main }), env: { userExists: users }, cpuCount: 2,
      });
      const before = check(cfg.files[cfg.main]!);
      fc.pre(before.errors.length === 0);
      const canonical = canonicalize(parseConfig(cfg.files[cfg.main]!, version).doc);
      expect(verdict(check(canonical))).toEqual(verdict(before));
    }), { numRuns: 300 * RUNS });
  });
});

const v23 = {
  process_limit: ['0', '1', '10', '100', '1024'],
  client_limit: ['0', '1', '100', '1000', '5000'],
  service_count: ['0', '1', '100'],
  process_min_avail: ['0', '1', '4'],
  vsz_limit: ['0', '256M', '1G', '2048 MB'],
  idle_kill: ['0', '1 min', '30 secs', '1h'],
  user: ['root', '$default_internal_user', '$default_login_user', 'vmail'],
  group: ['', 'mail', '$default_internal_group'],
  chroot: ['', 'login', '/var/empty'],
  executable: ['imap', 'script-login /bin/x', 'quota-status -p postfix'],
  type: ['', 'login', 'worker', 'startup'],
  protocol: ['', 'imap', 'pop3', 'lmtp'],
  drop_priv_before_exec: ['no', 'yes'],
  extra_groups: ['', 'mail', '$default_internal_group'],
} as const;

const listener23 = fc.oneof(
  fc.record({
    head: fc.constantFrom('unix_listener auth-userdb', 'unix_listener /var/spool/postfix/private/auth', 'fifo_listener extra-fifo', 'unix_listener login/x'),
    keys: fc.subarray(['mode = 0660', 'mode = 0', 'user = postfix', 'group = postfix', 'user = $default_internal_user']),
  }),
  fc.record({
    head: fc.constantFrom('inet_listener imap', 'inet_listener imaps', 'inet_listener extra', 'inet_listener lmtp'),
    keys: fc.subarray(['port = 0', 'port = 10143', 'address = 127.0.0.1', 'address = 127.0.0.1, ::1', 'ssl = yes', 'haproxy = yes', 'reuse_port = yes']),
  }),
);

/** 2.3 service configurations with values that both versions accept in some form. */
const config23 = fc.record({
  protocols: fc.subarray(['imap', 'pop3', 'lmtp', 'submission']),
  globals: fc.subarray(['default_process_limit = 50', 'default_client_limit = 2000', 'default_vsz_limit = 1G', 'default_idle_kill = 2 mins']),
  services: fc.array(fc.record({
    name: fc.constantFrom('imap-login', 'pop3-login', 'imap', 'lmtp', 'auth', 'auth-worker', 'dict', 'my-svc', 'submission-login'),
    keys: fc.array(fc.constantFrom(...(Object.keys(v23) as (keyof typeof v23)[])).chain((k) => fc.constantFrom(...v23[k]).map((v) => `${k} = ${v}`)), { maxLength: 5 }),
    listeners: fc.array(listener23, { maxLength: 2 }),
  }), { maxLength: 5 }),
}).map(({ protocols, globals, services }) => {
  const out = [`protocols = ${protocols.join(' ')}`, ...globals];
  for (const s of services) {
    out.push(`service ${s.name} {`, ...s.keys.map((k) => `  ${k}`));
    for (const l of s.listeners) out.push(`  ${l.head} {`, ...l.keys.map((k) => `    ${k}`), '  }');
    out.push('}');
  }
  return `${out.join('\n')}\n`;
});

describe('convert 2.3 → 2.4 → 2.3', () => {
  it('keeps every service\'s effective settings', () => {
    fc.assert(fc.property(config23, (text) => {
      const to24 = convertConfig(text, '2.3', '2.4').text;
      const back = convertConfig(to24, '2.4', '2.3').text;
      const resolve = (t: string, v: DovecotVersion): ResolvedConfig => resolveServices(loadConfig({ path: 'dovecot.conf', text: t }, { version: v }));
      const original = loadConfig({ path: 'dovecot.conf', text }, { version: '2.3' });
      fc.pre(original.errors.length === 0);
      expect(loadConfig({ path: 'dovecot.conf', text: to24 }, { version: '2.4' }).errors).toEqual([]);
      expect(summary(resolve(back, '2.3'))).toEqual(summary(resolveServices(original)));
    }), { numRuns: 300 * RUNS });
  });
});
