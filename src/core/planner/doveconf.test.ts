/**
 * The real doveconf (scripts/doveconf, Debian 2.3.19.1 / 2.4.1) accepts every
 * planned configuration with no warnings: the planner's auth and anvil
 * numbers are exactly enough. Skipped when the reference binaries are absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDoveconfStderr } from '../testing/doveconf-output.ts';
import { planCapacity } from './plan.ts';
import { DEFAULT_PLAN_INPUT, type PlanInput } from './types.ts';

const SCRIPT = resolve('scripts/doveconf');
const CACHE = resolve('.cache/doveconf');
const available = existsSync(SCRIPT) && existsSync(join(CACHE, '2.3', '.complete')) && existsSync(join(CACHE, '2.4', '.complete'));
if (!available) console.warn('planner doveconf tests skipped: reference doveconf not in .cache/doveconf (run scripts/fetch-doveconf.sh)');

const dir = mkdtempSync(join(tmpdir(), 'planner-doveconf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function doveconf(version: '2.3' | '2.4', text: string): { status: number | null; warnings: readonly string[]; error: string | null } {
  const file = join(dir, `plan-${version}.conf`);
  writeFileSync(file, text);
  const r = spawnSync(SCRIPT, [version, '-c', file, '-n'], { encoding: 'utf8' });
  const v = parseDoveconfStderr(r.stderr);
  return { status: r.status, warnings: v.warnings, error: v.error?.message ?? null };
}

const BASE = { '2.3': 'protocols = imap pop3 lmtp submission\n', '2.4': 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap pop3 lmtp submission\n' };
const load = (imap: number, pop3: number, extra: Partial<PlanInput>): PlanInput => ({ ...DEFAULT_PLAN_INPUT, connections: { imap, pop3, submission: 500, managesieve: 0 }, ...extra });

const CASES: readonly [string, PlanInput][] = [
  ['high-security 20,000 IMAP', load(20000, 2000, { loginMode: 'high-security' })],
  ['high-performance 20,000 IMAP on 8 cores', load(20000, 2000, { loginMode: 'high-performance', cores: 8 })],
  ['backend of 4, high-security', load(50000, 0, { role: 'backend', backends: 4, lmtpParallel: 100 })],
  ['proxy of 2, high-performance', load(50000, 0, { role: 'proxy', proxies: 2, loginMode: 'high-performance', cores: 16 })],
];

describe.skipIf(!available)('real doveconf accepts planned configurations', () => {
  for (const version of ['2.3', '2.4'] as const) {
    for (const [name, input] of CASES) {
      it(`${version}: ${name}`, () => {
        const plan = planCapacity(BASE[version], input, { version });
        expect(plan.planned.warnings).toEqual([]);
        const r = doveconf(version, plan.plannedText);
        expect(r.error).toBeNull();
        expect(r.warnings).toEqual([]);
        expect(r.status).toBe(0);
      });
    }
    it(`${version}: the unplanned auth client_limit would have drawn doveconf's warning (the check is live)`, () => {
      const plan = planCapacity(BASE[version], CASES[0]![1], { version });
      const withoutAuth = plan.plannedText.replace(/(service auth \{\n\s*client_limit = )\d+/, '$11000');
      expect(withoutAuth).not.toBe(plan.plannedText);
      const r = doveconf(version, withoutAuth);
      expect(r.warnings[0]).toMatch(/^service auth \{ client_limit=1000 \} is lower than required under max\. load \(\d+\)/);
    });
  }
});
