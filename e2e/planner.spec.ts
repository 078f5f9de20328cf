/**
 * Capacity planner end to end: plan 20,000 concurrent IMAP connections in
 * high-performance login mode on 8 cores, apply the plan, export
 * 10-master.conf, and let the real doveconf (scripts/doveconf) read the
 * exported file from a minimal dovecot.conf: it must accept it with no
 * warnings. Once for Dovecot 2.4 (the embedded default) and once for 2.3 (an
 * imported 2.3 configuration).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';

const DOVECONF = resolve('scripts/doveconf');
const PROTOCOLS = 'imap pop3 lmtp submission';
const CONFIG_23 = `# Dovecot 2.3 server\nprotocols = ${PROTOCOLS}\n`;

function doveconfAvailable(version: '2.3' | '2.4'): boolean {
  return existsSync(DOVECONF) && existsSync(resolve('.cache/doveconf', version, '.complete'));
}

/** A region of the app; opened through its tab or button when the layout hides it. */
async function openRegion(page: Page, name: string, opener: RegExp): Promise<Locator> {
  const region = page.getByRole('region', { name, exact: true });
  if (await region.isVisible()) return region;
  for (const role of ['tab', 'button', 'link'] as const) {
    const control = page.getByRole(role, { name: opener }).first();
    if (await control.isVisible()) {
      await control.click();
      break;
    }
  }
  await expect(region).toBeVisible();
  return region;
}

/** The row of the planned-settings table for `service` / `setting`. */
function planRow(table: Locator, service: string, setting: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: service, exact: true }) }).filter({ hasText: setting });
}

/** Runs the reference doveconf on a minimal dovecot.conf that includes the exported file. */
function doveconf(version: '2.3' | '2.4', exported: string): { status: number | null; stderr: string; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'planner-e2e-'));
  try {
    const head = version === '2.4' ? 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\n' : '';
    writeFileSync(join(dir, '10-master.conf'), exported);
    writeFileSync(join(dir, 'dovecot.conf'), `${head}protocols = ${PROTOCOLS}\n!include 10-master.conf\n`);
    const r = spawnSync(DOVECONF, [version, '-c', join(dir, 'dovecot.conf'), '-n'], { encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr, stdout: r.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const version of ['2.4', '2.3'] as const) {
  test(`plans 20,000 IMAP connections on 8 cores (high-performance), applies and exports a 10-master.conf that doveconf ${version} accepts`, async ({ page }) => {
    test.skip(!doveconfAvailable(version), `reference doveconf ${version} missing: run scripts/fetch-doveconf.sh`);
    await page.goto('/');
    if (version === '2.3') {
      await page.getByLabel('Import configuration').setInputFiles({ name: 'dovecot.conf', mimeType: 'text/plain', buffer: Buffer.from(CONFIG_23) });
    }

    const planner = await openRegion(page, 'Capacity planner', /planner/i);
    // the version comes from the store: detected from the text
    await expect(planner.getByText(`Dovecot ${version} ·`)).toBeVisible();
    await planner.getByLabel('IMAP connections', { exact: true }).fill('20000');
    await planner.getByLabel('CPU cores', { exact: true }).fill('8');
    await planner.getByRole('radio', { name: /High-performance/ }).check();

    const table = planner.getByRole('region', { name: 'Planned settings' }).getByRole('table');
    const count = version === '2.3' ? 'service_count' : 'restart_request_count';
    await expect(planRow(table, 'imap-login', 'process_limit')).toContainText('8');
    await expect(planRow(table, 'imap-login', 'process_min_avail')).toContainText('8');
    await expect(planRow(table, 'imap-login', 'client_limit')).toContainText('3000');
    await expect(planRow(table, 'imap-login', count)).toContainText(version === '2.3' ? '0' : 'unlimited');
    await expect(planRow(table, 'imap-login', 'vsz_limit')).toContainText('1G');
    await expect(planRow(table, 'imap', 'process_limit')).toContainText('24000');
    await expect(planner.getByRole('meter', { name: 'imap-login headroom' })).toHaveAttribute('aria-valuemax', '24000');

    const apply = planner.getByRole('button', { name: 'Apply capacity plan' });
    await apply.click();
    await expect(planner.getByRole('status').filter({ hasText: 'Applied' })).toContainText('one undo step');
    // planned again on the new text, nothing is left to change
    await expect(apply).toBeDisabled();

    const exporter = await openRegion(page, 'Export 10-master.conf', /export/i);
    await exporter.getByLabel('Target version').selectOption(version);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exporter.getByRole('button', { name: 'Download 10-master.conf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('10-master.conf');
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported).toMatch(/service imap-login \{[^}]*client_limit = 3000/);
    expect(exported).toMatch(/service imap \{[^}]*process_limit = 24000/);

    const r = doveconf(version, exported);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('client_limit = 3000');
  });
}
