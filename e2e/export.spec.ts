/**
 * Export end to end on the built app: the whole file as edited, converted
 * from 2.3 to 2.4 by the core, with the list of what the conversion changed
 * and left out; the real doveconf 2.4 accepts the downloaded file from a
 * standard dovecot.conf; Copy puts the same text on the clipboard; the diff
 * (Monaco's diff editor, loaded on demand, computed by its worker from this
 * origin) shows the edit against the file as imported, within the
 * Content-Security-Policy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const FIXTURE = resolve('e2e/fixtures/text-view/10-master-commented.conf');
const DOVECONF = resolve('scripts/doveconf');
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

test('whole file converted to 2.4: notes, download doveconf accepts, copy, and the diff against the imported file', async ({ page, context }, info) => {
  test.skip(!existsSync(resolve('.cache/doveconf/2.4/.complete')), 'reference doveconf 2.4 missing: run scripts/fetch-doveconf.sh');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1600, height: 1100 });
  const remote: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) return route.continue();
    remote.push(url.href);
    return route.abort('blockedbyclient');
  });
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/');
  await page.getByLabel('Import configuration').setInputFiles(FIXTURE);
  await page.locator('.react-flow__node[data-id="imap-login"]').click();
  const field = page.getByRole('region', { name: 'Inspector' }).getByLabel('process_limit', { exact: true });
  await field.fill('321');
  await field.press('Enter');

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exporter = page.getByRole('region', { name: 'Export 10-master.conf' });
  await exporter.getByRole('radio', { name: 'Whole file as edited' }).check();
  await exporter.getByLabel('Target version').selectOption('2.4');
  const notes = exporter.getByRole('list', { name: 'Conversion notes' });
  await expect(notes).toContainText('service imap-login: service_count → restart_request_count');
  await expect(notes).toContainText('dovecot_config_version and dovecot_storage_version left out');
  const preview = exporter.getByLabel('Exported 10-master.conf');
  await expect(preview).toContainText('# Webmail logins arrive in bursts');
  await expect(preview).toContainText('restart_request_count = 1   # one process per connection (safer)');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exporter.getByRole('button', { name: 'Download 10-master.conf' }).click(),
  ]);
  const exported = readFileSync(await download.path(), 'utf8');
  expect(exported).toBe(readFileSync(FIXTURE, 'utf8')
    .replace('  process_limit = 150\n', '  process_limit = 321\n')
    .replace('service_count = 1', 'restart_request_count = 1'));
  const dir = mkdtempSync(join(tmpdir(), 'export-e2e-'));
  try {
    writeFileSync(join(dir, 'dovecot.conf'), 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap pop3 lmtp\n!include conf.d/10-master.conf\n');
    spawnSync('mkdir', [join(dir, 'conf.d')]);
    writeFileSync(join(dir, 'conf.d', '10-master.conf'), exported);
    const r = spawnSync(DOVECONF, ['2.4', '-c', join(dir, 'dovecot.conf'), '-n'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('doveconf: Warning: ')).map((l) => l.slice(19));
    expect(warnings).toEqual(await exporter.getByRole('list', { name: 'doveconf warnings' }).getByRole('listitem').allInnerTexts());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  await exporter.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(exporter.getByText(/^Copied 10-master\.conf/)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(exported);

  await exporter.getByLabel('Diff against the imported file').check();
  const diff = exporter.locator('.monaco-diff-editor');
  await expect(diff).toBeVisible({ timeout: 30_000 });
  // the edited line is marked on the modified side; the converted key on both
  await expect(diff.locator('.editor.modified .view-line', { hasText: 'process_limit = 321' })).toBeVisible();
  await expect(diff.locator('.editor.original .view-line', { hasText: 'process_limit = 150' })).toBeVisible();
  await expect(diff.locator('.editor.modified .char-insert').first()).toBeVisible();
  await page.screenshot({ path: info.outputPath('export-diff.png') });
  // the diff is computed by Monaco's editor worker, a file of this origin
  expect(workers.some((u) => /\/assets\/editor\.worker-[\w-]+\.js$/.test(u) && new URL(u).origin === new URL(page.url()).origin)).toBe(true);
  expect(remote).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});
