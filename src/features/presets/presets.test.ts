import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, checkConfig, parseConfig, type DovecotVersion } from '../../core/index.ts';
import type { EditStep } from '../../store/document-slice.ts';
import { planPreset } from './preset-steps.ts';
import { PRESETS } from './presets.ts';
import { recipeInEffect, recipeSteps } from './recipe-steps.ts';
import { RECIPES } from './recipes.ts';
import { STOCK_TEXTS } from './stock-texts.ts';

const DOVECONF = resolve('scripts/doveconf');
const BASE: Record<DovecotVersion, string> = {
  '2.3': STOCK_TEXTS['defaults-2.3'],
  '2.4': STOCK_TEXTS['defaults-2.4'],
};

function run(text: string, version: DovecotVersion, steps: readonly EditStep[]): string {
  let t = text;
  for (const step of steps) t = applyEdits(t, step(parseConfig(t, version).doc));
  return t;
}

function realDoveconf(version: DovecotVersion, text: string): { status: number | null; stderr: string } | null {
  if (!existsSync(resolve('.cache/doveconf', version, '.complete'))) return null;
  const dir = mkdtempSync(join(tmpdir(), 'presets-'));
  try {
    writeFileSync(join(dir, 'dovecot.conf'), text);
    const r = spawnSync(DOVECONF, [version, '-c', 'dovecot.conf', '-n'], { cwd: dir, encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('document presets', () => {
  for (const [id, text] of Object.entries(STOCK_TEXTS)) {
    it(`${id} is accepted as is, by the core and the real doveconf`, () => {
      const r = checkConfig({ path: 'dovecot.conf', text });
      expect(r.allErrors).toEqual([]);
      expect(r.warnings).toEqual([]);
      const real = realDoveconf(r.version, text);
      if (real !== null) expect(real).toEqual({ status: 0, stderr: '' });
    });
  }

  it('Debian 13 keeps the 2.4.0 lmtp default, so lmtp counts in the auth budget', () => {
    const r = checkConfig({ path: 'dovecot.conf', text: STOCK_TEXTS['debian-13'] });
    expect(r.budgets.auth.items.map((i) => i.service)).toContain('lmtp');
  });
});

describe('tuning presets', () => {
  for (const preset of PRESETS.filter((p) => p.settings !== undefined)) {
    for (const version of ['2.3', '2.4'] as const) {
      it(`${preset.id} on the ${version} defaults leaves no error and no warning (core and real doveconf)`, () => {
        const base = checkConfig({ path: 'dovecot.conf', text: BASE[version] });
        const params = Object.fromEntries((preset.params ?? []).map((p) => [p.id, p.id === 'cores' ? 8 : p.fallback]));
        const plan = planPreset(preset, base.resolved, params);
        expect(plan.settings.length).toBeGreaterThan(0);
        const text = run(BASE[version], version, plan.steps);
        const r = checkConfig({ path: 'dovecot.conf', text }, { version });
        expect(r.allErrors).toEqual([]);
        expect(r.warnings).toEqual([]);
        const real = realDoveconf(version, text);
        if (real !== null) expect(real).toEqual({ status: 0, stderr: '' });
      });
    }
  }

  it('high-performance login: one process per core, ⌈connections ÷ cores⌉ clients each', () => {
    const preset = PRESETS.find((p) => p.id === 'high-performance')!;
    const base = checkConfig({ path: 'dovecot.conf', text: BASE['2.4'] });
    const text = run(BASE['2.4'], '2.4', planPreset(preset, base.resolved, { cores: 3, loginConnections: 10000 }).steps);
    const login = checkConfig({ path: 'dovecot.conf', text }).resolved.services.find((s) => s.name === 'imap-login')!;
    expect(login.processLimit).toBe(3);
    expect(login.clientLimit).toBe(3334);
    expect(login.clientsPerProcess).toBe(3334);
    expect(login.values['restart_request_count']?.text).toBe('unlimited');
  });

  it('high-security login raises auth and anvil to what doveconf then requires', () => {
    const preset = PRESETS.find((p) => p.id === 'high-security')!;
    const base = checkConfig({ path: 'dovecot.conf', text: BASE['2.4'] });
    const text = run(BASE['2.4'], '2.4', planPreset(preset, base.resolved, { loginConnections: 500 }).steps);
    const b = checkConfig({ path: 'dovecot.conf', text }).budgets;
    expect(b.auth.required).toBe(2000);
    expect(b.auth.clientLimit).toBe(2000);
    expect(b.anvil.clientLimit).toBe(2003);
  });
});

describe('recipes', () => {
  for (const recipe of RECIPES) {
    for (const version of ['2.3', '2.4'] as const) {
      it(`${recipe.id} (${version}) is in effect afterwards and accepted`, () => {
        const before = checkConfig({ path: 'dovecot.conf', text: BASE[version] });
        const changes = recipe.changes(version, { user: 'vmail' });
        expect(recipeInEffect(changes, before.resolved)).toBe(false);
        const text = run(BASE[version], version, recipeSteps(changes));
        const after = checkConfig({ path: 'dovecot.conf', text });
        expect(after.allErrors).toEqual([]);
        expect(recipeInEffect(changes, after.resolved)).toBe(true);
      });
    }
  }
});
