import { describe, it, expect } from 'vitest';
import type { GlobalDefault, ListenerKind, ServiceDefault, SettingDef } from './types.ts';
import {
  LISTENER_FIELD_DEFAULTS_23,
  SERVICE_FIELD_DEFAULTS_23,
  SERVICES_23,
} from './services-2.3.ts';
import {
  CONFIG_VERSION_HISTORY_24,
  LISTENER_FIELD_DEFAULTS_24,
  SERVICE_CHAIN_24,
  SERVICE_FIELD_DEFAULTS_24,
  SERVICES_24,
} from './services-2.4.ts';
import { GLOBALS_23, GLOBALS_24 } from './globals.ts';
import {
  LISTENER_SETTINGS_23,
  LISTENER_SETTINGS_24,
  SERVICE_SETTINGS_23,
  SERVICE_SETTINGS_24,
} from './service-settings.ts';
import { BUDGET_DOCS, LISTENER_TYPE_DOCS } from './docs.ts';

// budgets.md §4 (compiled-in 2.3 list, preceded by the Pigeonhole plugin services).
const ORDER_23 = [
  'managesieve-login', 'managesieve',
  'tcpwrap', 'health-check', 'submission', 'submission-login', 'stats', 'replicator', 'aggregator',
  'pop3', 'pop3-login', 'old-stats', 'log', 'lmtp', 'ipc', 'indexer-worker', 'indexer', 'imap',
  'imap-urlauth-worker', 'imap-urlauth', 'imap-urlauth-login', 'imap-login', 'imap-hibernate',
  'doveadm', 'dns-client', 'director', 'dict', 'dict-async', 'config', 'auth', 'auth-worker', 'anvil',
];

// budgets.md §4 (2.4.1 byte-wise sorted list).
const ORDER_24 = [
  'anvil', 'auth', 'auth-worker', 'config', 'dict', 'dict-async', 'dict-expire', 'dns-client',
  'doveadm', 'health-check', 'imap', 'imap-hibernate', 'imap-login', 'imap-urlauth',
  'imap-urlauth-login', 'imap-urlauth-worker', 'indexer', 'indexer-worker', 'lmtp', 'log',
  'managesieve', 'managesieve-login', 'pop3', 'pop3-login', 'stats', 'submission', 'submission-login',
];

const PROTOCOLS = ['imap', 'pop3', 'lmtp', 'submission'];

const byName = (list: readonly ServiceDefault[], name: string): ServiceDefault => {
  const s = list.find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name}`);
  return s;
};

const enabled = (list: readonly ServiceDefault[], protocols: readonly string[]): ServiceDefault[] =>
  list.filter((s) => {
    const p = s.settings.protocol ?? '';
    return p === '' || protocols.includes(p);
  });

/** Effective process_limit: 2.3 → 0/absent means default_process_limit; 2.4 → absent means it. */
const pl23 = (s: ServiceDefault, def = 100): number => {
  const v = Number(s.settings.process_limit ?? SERVICE_FIELD_DEFAULTS_23.process_limit);
  return v === 0 ? def : v;
};
const pl24 = (s: ServiceDefault, def = 100): number =>
  s.settings.process_limit === undefined ? def : Number(s.settings.process_limit);

const count23 = (s: ServiceDefault): string => s.settings.service_count ?? '0';
const count24 = (s: ServiceDefault, configVersion = '2.4.1'): string => {
  if (configVersion <= '2.4.0') {
    const h = CONFIG_VERSION_HISTORY_24.find(
      (c) => c.service === s.name && !c.listener && c.key === 'restart_request_count',
    );
    if (h) return h.value;
  }
  return s.settings.restart_request_count ?? 'unlimited';
};

const pl23At7 = (s: ServiceDefault): number => pl23(s, 7);
const pl24At7 = (s: ServiceDefault): number => pl24(s, 7);

const ports = (list: readonly ServiceDefault[]): string[] =>
  list.flatMap((s) =>
    s.listeners
      .filter((l) => l.kind === 'inet_listener')
      .map((l) => `${s.name}/${l.name}=${l.settings.port ?? ''}${l.settings.ssl === 'yes' ? 's' : ''}`),
  );

const globalKeys = (v: readonly { key: string }[]): string[] => v.map((g) => g.key);
const get = (list: readonly GlobalDefault[], k: string): string | undefined =>
  list.find((g) => g.key === k)?.default;

interface Counted {
  readonly total: number;
  readonly names: string[];
}

const authNeed = (
  list: readonly ServiceDefault[],
  pl: (s: ServiceDefault) => number,
  count: (s: ServiceDefault) => string,
): Counted => {
  const hit = enabled(list, PROTOCOLS).filter(
    (s) =>
      (s.settings.protocol ?? '') !== '' &&
      (count(s) !== '1' || s.settings.type === 'login') &&
      s.name !== 'imap-hibernate',
  );
  return { total: hit.reduce((a, s) => a + pl(s), 0), names: hit.map((s) => s.name) };
};

const anvilNeed = (list: readonly ServiceDefault[], pl: (s: ServiceDefault) => number): Counted => {
  const hit = enabled(list, PROTOCOLS).filter((s) => s.settings.type === 'login' || s.name === 'auth');
  return { total: 2 + hit.reduce((a, s) => a + pl(s), 0), names: hit.map((s) => s.name) };
};

describe('service lists', () => {
  it('2.3 has 32 services (2 from managesieve) in compiled-in order', () => {
    expect(SERVICES_23).toHaveLength(32);
    expect(SERVICES_23.map((s) => s.name)).toEqual(ORDER_23);
    expect(SERVICES_23.filter((s) => s.plugin === 'managesieve').map((s) => s.name)).toEqual([
      'managesieve-login',
      'managesieve',
    ]);
  });

  it('2.4 has 27 services (2 from managesieve) in byte-wise sorted order', () => {
    expect(SERVICES_24).toHaveLength(27);
    expect(SERVICES_24.map((s) => s.name)).toEqual(ORDER_24);
    const sorted = ORDER_24.toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(SERVICES_24.map((s) => s.name)).toEqual(sorted);
    expect(SERVICES_24.filter((s) => s.plugin === 'managesieve').map((s) => s.name)).toEqual([
      'managesieve',
      'managesieve-login',
    ]);
  });

  it('removed / added services between versions', () => {
    const n23 = new Set(SERVICES_23.map((s) => s.name));
    const n24 = new Set(SERVICES_24.map((s) => s.name));
    expect([...n23].filter((n) => !n24.has(n)).toSorted()).toEqual([
      'aggregator', 'director', 'ipc', 'old-stats', 'replicator', 'tcpwrap',
    ]);
    expect([...n24].filter((n) => !n23.has(n))).toEqual(['dict-expire']);
  });

  it('processLimit1 flags equal validation.md row 17 and those services are set to 1', () => {
    const f23 = SERVICES_23.filter((s) => s.processLimit1).map((s) => s.name).toSorted();
    expect(f23).toEqual(['anvil', 'auth', 'director', 'indexer', 'ipc', 'log', 'old-stats', 'replicator']);
    const f24 = SERVICES_24.filter((s) => s.processLimit1).map((s) => s.name).toSorted();
    expect(f24).toEqual(['anvil', 'auth', 'indexer', 'log']);
    for (const s of [...SERVICES_23, ...SERVICES_24].filter((x) => x.processLimit1)) {
      expect(s.settings.process_limit, s.name).toBe('1');
    }
    // Limit 1 without the flag.
    expect(byName(SERVICES_23, 'stats').processLimit1).toBe(false);
    expect(byName(SERVICES_24, 'stats').processLimit1).toBe(false);
    expect(byName(SERVICES_24, 'dict-expire').processLimit1).toBe(false);
  });
});

describe('budget reference values (budgets.md)', () => {
  it('2.3 stats advisory: 6639 over 30 services (6839 with sieve)', () => {
    const en = enabled(SERVICES_23, PROTOCOLS);
    expect(en).toHaveLength(30);
    expect(en.reduce((a, s) => a + pl23(s), 0)).toBe(6639);
    const withSieve = enabled(SERVICES_23, [...PROTOCOLS, 'sieve']);
    expect(withSieve.reduce((a, s) => a + pl23(s), 0)).toBe(6839);
  });

  it('2.4 stats advisory: 6366 over 25 services (6566 with sieve)', () => {
    const en = enabled(SERVICES_24, PROTOCOLS);
    expect(en).toHaveLength(25);
    expect(en.reduce((a, s) => a + pl24(s), 0)).toBe(6366);
    const withSieve = enabled(SERVICES_24, [...PROTOCOLS, 'sieve']);
    expect(withSieve.reduce((a, s) => a + pl24(s), 0)).toBe(6566);
  });

  it('2.3 auth/anvil with default_process_limit = 7 match the verified warnings', () => {
    const pl = pl23At7;
    const auth = authNeed(SERVICES_23, pl, count23);
    expect(auth.total).toBe(35);
    expect(auth.names).toEqual(['submission-login', 'pop3-login', 'lmtp', 'imap-urlauth-login', 'imap-login']);
    const anvil = anvilNeed(SERVICES_23, pl);
    expect(anvil.total).toBe(31);
    expect(anvil.names).toEqual(['submission-login', 'pop3-login', 'imap-urlauth-login', 'imap-login', 'auth']);
  });

  it('2.4 auth/anvil with default_process_limit = 7 match the verified warnings', () => {
    const pl = pl24At7;
    const auth = authNeed(SERVICES_24, pl, (s) => count24(s));
    expect(auth.total).toBe(28);
    expect(auth.names).toEqual(['imap-login', 'imap-urlauth-login', 'pop3-login', 'submission-login']);
    const anvil = anvilNeed(SERVICES_24, pl);
    expect(anvil.total).toBe(31);
    expect(anvil.names).toEqual(['auth', 'imap-login', 'imap-urlauth-login', 'pop3-login', 'submission-login']);
  });

  it('2.4 with dovecot_config_version = 2.4.0 counts lmtp in the auth budget again', () => {
    const auth = authNeed(SERVICES_24, (s) => pl24(s), (s) => count24(s, '2.4.0'));
    expect(auth.names).toEqual(['imap-login', 'imap-urlauth-login', 'lmtp', 'pop3-login', 'submission-login']);
    expect(auth.total).toBe(500);
  });

  it('budget docs mark only stats as advisory', () => {
    expect(Object.entries(BUDGET_DOCS).filter(([, d]) => d.advisory).map(([k]) => k)).toEqual(['stats']);
    expect(BUDGET_DOCS.stats.summary).toContain('not checked by Dovecot');
  });
});

const catalogKeys = (defs: readonly SettingDef[]): Set<string> => new Set(defs.map((d) => d.key));

describe('service settings', () => {
  const cases = [
    {
      v: '2.3',
      services: SERVICES_23,
      defaults: SERVICE_FIELD_DEFAULTS_23,
      catalog: SERVICE_SETTINGS_23,
      userRe: /^\$default_(internal|login)_user$/,
      groupRe: /^\$default_internal_group$/,
    },
    {
      v: '2.4',
      services: SERVICES_24,
      defaults: SERVICE_FIELD_DEFAULTS_24,
      catalog: SERVICE_SETTINGS_24,
      userRe: /^\$SET:default_(internal|login)_user$/,
      groupRe: /^\$SET:default_internal_group$/,
    },
  ] as const;

  for (const c of cases) {
    it(`${c.v}: every key is in the catalog and differs from the generic default`, () => {
      const keys = catalogKeys(c.catalog);
      for (const s of c.services) {
        expect(s.settings.executable, s.name).toBeTruthy();
        for (const [k, v] of Object.entries(s.settings)) {
          expect(keys.has(k), `${s.name}.${k}`).toBe(true);
          expect(k, s.name).not.toBe('name');
          if (k in c.defaults && !(c.v === '2.4' && k in SERVICE_CHAIN_24)) {
            expect(v, `${s.name}.${k}`).not.toBe(c.defaults[k]);
          }
        }
        if (s.settings.user !== undefined) expect(s.settings.user, s.name).toMatch(c.userRe);
        if (s.settings.extra_groups !== undefined) expect(s.settings.extra_groups, s.name).toMatch(c.groupRe);
      }
    });

    it(`${c.v}: every generic field has a catalog entry`, () => {
      const keys = catalogKeys(c.catalog);
      for (const k of Object.keys(c.defaults)) expect(keys.has(k), k).toBe(true);
    });

    it(`${c.v}: login services run as the login user in a chroot`, () => {
      const login = c.services.filter((s) => s.settings.type === 'login');
      expect(login.map((s) => s.name).toSorted()).toEqual([
        'imap-login', 'imap-urlauth-login', 'managesieve-login', 'pop3-login', 'submission-login',
      ]);
      for (const s of login) {
        expect(s.settings.user, s.name).toMatch(/default_login_user$/);
        expect(s.settings.chroot, s.name).toBe(s.name === 'imap-urlauth-login' ? 'token-login' : 'login');
      }
    });

    it(`${c.v}: type values are valid and log/config/anvil exist exactly once`, () => {
      const typeDef = c.catalog.find((d) => d.key === 'type');
      expect(typeDef?.values).toEqual(['', 'log', 'config', 'anvil', 'login', 'startup', 'worker']);
      for (const s of c.services) expect(typeDef?.values).toContain(s.settings.type ?? '');
      for (const t of ['log', 'config', 'anvil']) {
        expect(c.services.filter((s) => s.settings.type === t).map((s) => s.name)).toEqual([t]);
      }
    });
  }

  it('2.3 uses only 2.3 keys and 2.3 sentinels', () => {
    for (const s of SERVICES_23) {
      expect(s.settings.restart_request_count, s.name).toBeUndefined();
      expect(s.settings.idle_kill_interval, s.name).toBeUndefined();
      if (s.settings.idle_kill !== undefined) expect(s.settings.idle_kill).toBe('4294967295 s');
    }
    expect(byName(SERVICES_23, 'anvil').settings).toMatchObject({
      chroot: 'empty',
      user: '$default_internal_user',
      process_min_avail: '1',
    });
    expect(byName(SERVICES_23, 'ipc').settings.chroot).toBe('empty');
    expect(byName(SERVICES_23, 'old-stats').settings.chroot).toBe('empty');
    expect(byName(SERVICES_23, 'aggregator').settings.chroot).toBe('.');
    expect(byName(SERVICES_23, 'director').settings.chroot).toBe('.');
    expect(byName(SERVICES_23, 'auth-worker').settings.process_limit).toBeUndefined();
    expect(byName(SERVICES_23, 'lmtp').settings.service_count).toBeUndefined();
    expect(byName(SERVICES_23, 'health-check').settings.drop_priv_before_exec).toBe('yes');
    expect(
      SERVICES_23.filter((s) => s.settings.idle_kill !== undefined).map((s) => s.name).toSorted(),
    ).toEqual(['anvil', 'config', 'director', 'log', 'old-stats', 'replicator', 'stats']);
  });

  it('2.4 leaves inherited values absent and uses 2.4 keys', () => {
    for (const s of SERVICES_24) {
      expect(s.settings.service_count, s.name).toBeUndefined();
      expect(s.settings.idle_kill, s.name).toBeUndefined();
      expect(s.settings.vsz_limit, s.name).toBeUndefined();
      if (s.settings.idle_kill_interval !== undefined) expect(s.settings.idle_kill_interval).toBe('infinite');
    }
    expect(byName(SERVICES_24, 'imap-login').settings.process_limit).toBeUndefined();
    expect(byName(SERVICES_24, 'imap-login').settings.client_limit).toBeUndefined();
    expect(byName(SERVICES_24, 'anvil').settings.user).toBeUndefined();
    expect(byName(SERVICES_24, 'anvil').settings.chroot).toBeUndefined();
    expect(byName(SERVICES_24, 'auth-worker').settings.process_limit).toBe('30');
    expect(byName(SERVICES_24, 'lmtp').settings.restart_request_count).toBe('1');
    expect(
      SERVICES_24.filter((s) => s.settings.idle_kill_interval !== undefined).map((s) => s.name),
    ).toEqual(['anvil', 'config', 'log', 'stats']);
    expect(
      SERVICES_24.filter((s) => s.settings.restart_request_count === '1').map((s) => s.name),
    ).toEqual([
      'doveadm', 'imap', 'imap-login', 'imap-urlauth', 'imap-urlauth-login', 'imap-urlauth-worker', 'lmtp',
      'managesieve', 'managesieve-login', 'pop3', 'pop3-login', 'submission', 'submission-login',
    ]);
  });

  it('2.4 chain matches the catalog root keys and globals', () => {
    expect(SERVICE_CHAIN_24.process_limit).toEqual({
      rootKey: 'service_process_limit',
      globalKey: 'default_process_limit',
    });
    expect(SERVICE_CHAIN_24.restart_request_count?.fallback).toBe('unlimited');
    expect(SERVICE_CHAIN_24.process_min_avail?.fallback).toBe('0');
    const globals = new Set(GLOBALS_24.map((g) => g.key));
    for (const [key, link] of Object.entries(SERVICE_CHAIN_24)) {
      const def = SERVICE_SETTINGS_24.find((d) => d.key === key);
      expect(def?.rootKey, key).toBe(link.rootKey);
      expect(def?.fallbackGlobal, key).toBe(link.globalKey);
      if (link.globalKey) expect(globals.has(link.globalKey), key).toBe(true);
      expect(link.globalKey === undefined ? link.fallback : 'g', key).toBeDefined();
    }
  });

  it('catalog key sets per version', () => {
    expect(SERVICE_SETTINGS_23.map((d) => d.key)).toEqual([
      'name', 'protocol', 'type', 'executable', 'user', 'group', 'privileged_group', 'extra_groups',
      'chroot', 'drop_priv_before_exec', 'process_limit', 'process_min_avail', 'client_limit',
      'service_count', 'idle_kill', 'vsz_limit',
    ]);
    expect(SERVICE_SETTINGS_24.map((d) => d.key)).toEqual([
      'name', 'protocol', 'type', 'executable', 'user', 'group', 'privileged_group', 'extra_groups',
      'chroot', 'drop_priv_before_exec', 'process_limit', 'process_min_avail', 'client_limit',
      'restart_request_count', 'idle_kill_interval', 'vsz_limit',
    ]);
    expect(SERVICE_SETTINGS_23.find((d) => d.key === 'extra_groups')?.type).toBe('string');
    expect(SERVICE_SETTINGS_24.find((d) => d.key === 'extra_groups')?.type).toBe('boollist');
    expect(SERVICE_SETTINGS_23.some((d) => d.rootKey !== undefined)).toBe(false);
    expect(LISTENER_SETTINGS_23.unix_listener.map((d) => d.key)).toEqual(['path', 'mode', 'user', 'group']);
    expect(LISTENER_SETTINGS_23.fifo_listener.map((d) => d.key)).toEqual(['path', 'mode', 'user', 'group']);
    expect(LISTENER_SETTINGS_23.inet_listener.map((d) => d.key)).toEqual([
      'name', 'address', 'port', 'ssl', 'haproxy', 'reuse_port',
    ]);
    expect(LISTENER_SETTINGS_24.unix_listener.map((d) => d.key)).toEqual(['path', 'type', 'mode', 'user', 'group']);
    expect(LISTENER_SETTINGS_24.inet_listener.map((d) => d.key)).toEqual([
      'name', 'type', 'listen', 'port', 'ssl', 'haproxy', 'reuse_port',
    ]);
    for (const d of [
      ...SERVICE_SETTINGS_23, ...SERVICE_SETTINGS_24,
      ...Object.values(LISTENER_SETTINGS_23).flat(), ...Object.values(LISTENER_SETTINGS_24).flat(),
    ]) {
      expect(d.doc.length, d.key).toBeGreaterThan(40);
    }
  });
});

describe('listeners', () => {
  const cases = [
    { v: '2.3', services: SERVICES_23, defaults: LISTENER_FIELD_DEFAULTS_23, catalog: LISTENER_SETTINGS_23, total: 49 },
    { v: '2.4', services: SERVICES_24, defaults: LISTENER_FIELD_DEFAULTS_24, catalog: LISTENER_SETTINGS_24, total: 48 },
  ] as const;

  for (const c of cases) {
    it(`${c.v}: ${c.total} listeners, unique per service, keys valid and non-default`, () => {
      expect(c.services.reduce((a, s) => a + s.listeners.length, 0)).toBe(c.total);
      for (const s of c.services) {
        const ids = s.listeners.map((l) => `${l.kind}:${l.name}`);
        expect(new Set(ids).size, s.name).toBe(ids.length);
        for (const l of s.listeners) {
          const keys = catalogKeys(c.catalog[l.kind]);
          expect(l.name, s.name).not.toBe('');
          for (const [k, v] of Object.entries(l.settings)) {
            expect(keys.has(k), `${s.name} ${l.name}.${k}`).toBe(true);
            expect(v, `${s.name} ${l.name}.${k}`).not.toBe(c.defaults[l.kind][k]);
          }
          if (l.kind === 'inet_listener') expect(l.settings.port, `${s.name} ${l.name}`).toMatch(/^\d+$/);
        }
      }
    });

    it(`${c.v}: enabled unix/inet listeners do not collide`, () => {
      const seen = new Set<string>();
      for (const s of enabled(c.services, [...PROTOCOLS, 'sieve'])) {
        for (const l of s.listeners) {
          const mode = l.settings.mode ?? c.defaults[l.kind].mode;
          const port = l.settings.port ?? '0';
          if (l.kind === 'inet_listener' ? port === '0' : mode === '00') continue;
          const id = l.kind === 'inet_listener' ? `${port}:` : l.name;
          expect(seen.has(id), id).toBe(false);
          seen.add(id);
        }
      }
    });
  }

  it('inet ports per version', () => {
    expect(ports(SERVICES_23).toSorted()).toEqual([
      'imap-login/imap=143', 'imap-login/imaps=993s', 'managesieve-login/sieve=4190',
      'pop3-login/pop3=110', 'pop3-login/pop3s=995s', 'submission-login/submission=587',
    ]);
    expect(ports(SERVICES_24).toSorted()).toEqual([
      'imap-login/imap=143', 'imap-login/imaps=993s', 'managesieve-login/sieve=4190',
      'pop3-login/pop3=110', 'pop3-login/pop3s=995s', 'submission-login/submission=587',
      'submission-login/submissions=465s',
    ]);
  });

  it('2.3 listeners have no type; 2.4 admin sockets follow srv.NAME/%{pid}', () => {
    for (const s of SERVICES_23) for (const l of s.listeners) expect(l.settings.type).toBeUndefined();
    const admins = SERVICES_24.flatMap((s) =>
      s.listeners.filter((l) => l.settings.type === 'admin').map((l) => [s.name, l.name]),
    );
    expect(admins.map(([s]) => s)).toEqual([
      'imap', 'imap-hibernate', 'imap-login', 'indexer-worker', 'managesieve', 'managesieve-login',
      'pop3', 'pop3-login', 'submission', 'submission-login',
    ]);
    for (const [s, l] of admins) expect(l).toBe(`srv.${s}/%{pid}`);
    const authTypes = byName(SERVICES_24, 'auth').listeners.map((l) => `${l.name}=${l.settings.type ?? ''}`);
    expect(authTypes).toEqual([
      'auth-client=auth', 'auth-login=login', 'auth-master=master', 'auth-userdb=userdb',
      'login/login=login', 'token-login/tokenlogin=token-login',
    ]);
  });

  it('disabled (mode 00) listeners in 2.3', () => {
    const off = SERVICES_23.flatMap((s) =>
      s.listeners.filter((l) => l.settings.mode === '00').map((l) => `${s.name}:${l.name}`),
    );
    expect(off).toEqual([
      'replicator:replicator-doveadm', 'director:login/proxy-notify', 'director:login/director',
    ]);
  });
});

describe('config version history (2.4.0 → 2.4.1)', () => {
  it('references existing services, listeners and keys', () => {
    expect(CONFIG_VERSION_HISTORY_24).toHaveLength(2);
    for (const h of CONFIG_VERSION_HISTORY_24) {
      const s = byName(SERVICES_24, h.service);
      if (h.listener) {
        const target = h.listener;
        const l = s.listeners.find((x) => x.kind === target.kind && x.name === target.name);
        expect(l, h.service).toBeDefined();
        expect(l?.settings[h.key]).toBeDefined();
        expect(l?.settings[h.key]).not.toBe(h.value);
      } else {
        expect(s.settings[h.key]).toBeDefined();
        expect(s.settings[h.key]).not.toBe(h.value);
      }
    }
    expect(byName(SERVICES_24, 'auth').listeners.find((l) => l.name === 'auth-userdb')?.settings.group).toBe(
      '$SET:default_internal_group',
    );
  });
});

describe('globals', () => {
  it('2.3 and 2.4 master globals with Debian defaults', () => {
    expect(globalKeys(GLOBALS_23)).toEqual([
      'default_process_limit', 'default_client_limit', 'default_vsz_limit', 'default_idle_kill',
      'default_login_user', 'default_internal_user', 'default_internal_group', 'protocols', 'listen',
      'base_dir', 'libexec_dir', 'state_dir',
    ]);
    expect(globalKeys(GLOBALS_24)).toEqual([
      'default_process_limit', 'default_client_limit', 'default_vsz_limit', 'default_idle_kill_interval',
      'default_login_user', 'default_internal_user', 'default_internal_group', 'protocols', 'listen',
      'base_dir', 'libexec_dir', 'state_dir',
    ]);
    expect(get(GLOBALS_23, 'protocols')).toBe('');
    expect(get(GLOBALS_24, 'protocols')).toBe('');
    expect(get(GLOBALS_23, 'listen')).toBe('*, ::');
    expect(get(GLOBALS_24, 'listen')).toBe('* ::');
    expect(GLOBALS_24.find((g) => g.key === 'protocols')?.type).toBe('boollist');
    for (const list of [GLOBALS_23, GLOBALS_24]) {
      expect(get(list, 'default_process_limit')).toBe('100');
      expect(get(list, 'default_client_limit')).toBe('1000');
      expect(get(list, 'default_vsz_limit')).toBe('256 M');
      expect(get(list, 'default_login_user')).toBe('dovenull');
      expect(get(list, 'base_dir')).toBe('/run/dovecot');
    }
  });
});

describe('listener type docs', () => {
  it('cover every explicit 2.4 listener type of the built-ins', () => {
    const documented = new Set(LISTENER_TYPE_DOCS.filter((d) => d.versions.includes('2.4')).map((d) => d.type));
    for (const s of SERVICES_24) {
      for (const l of s.listeners) {
        const t = l.settings.type;
        if (t !== undefined) expect(documented.has(t), `${s.name} ${l.name} ${t}`).toBe(true);
      }
    }
    const kinds: ListenerKind[] = ['unix_listener', 'fifo_listener', 'inet_listener'];
    for (const k of kinds) expect(LISTENER_FIELD_DEFAULTS_24[k].type).toBe('');
  });
});
