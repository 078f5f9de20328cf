/**
 * Importing: a broken file keeps its whole text and shows doveconf's error with
 * its position; markup in names and values stays text; a 10 MB file is read and
 * checked off the main thread, whole, with the numbers doveconf computes for it.
 */
import { expect, test } from '@playwright/test';
import { budget, doveconf, doveconfAvailable, doveconfRequired, fixture, importFixture, selectService } from './fixtures/editor-helpers.ts';

test('a broken 2.3 file: detected as 2.3, doveconf\'s error with line and column, the text kept whole', async ({ page }) => {
  test.skip(!doveconfAvailable('2.3'), 'reference doveconf 2.3 missing: run scripts/fetch-doveconf.sh');
  const name = 'broken-2.3.conf';
  const r = doveconf('2.3', fixture(name), name);
  expect(r.status).not.toBe(0);
  const m = /Error in configuration file \S+ line (\d+): (.+)$/m.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  const [, line, message] = m!;

  await page.goto('/');
  await page.getByLabel('Import configuration').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(fixture(name)) });
  await expect(page.getByRole('status').filter({ hasText: `Imported ${name}` })).toContainText('Dovecot 2.3 detected');
  await expect(page.getByRole('radio', { name: '2.3' })).toBeChecked();

  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('doveconf 2.3 would fail');
  const row = problems.getByRole('button', { name: new RegExp(message!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await expect(row).toContainText(`${name}:${line}:`);
  await expect(row).toContainText(`${name}:${line}:3`);
  await page.screenshot({ path: 'screenshots/editor-import-error.png' });

  // clicking the error opens the text with the line as written; the whole file is there
  await row.click();
  const text = page.getByRole('region', { name: 'Configuration text' });
  // the first open fetches Monaco (~3 MB)
  await expect(text.locator('.monaco-editor .view-line').first()).toBeVisible({ timeout: 30_000 });
  await expect(text.locator('.monaco-editor .view-lines')).toContainText('client_limit 500');
  await expect(page.getByRole('contentinfo')).toContainText(`${fixture(name).length} bytes`);
  await expect(page.getByRole('contentinfo')).toContainText('as imported');
});

test('markup in service names, listener names and values renders as inert text', async ({ page }) => {
  const name = 'html-in-names.conf';
  const evil = '<img src=x onerror=window.__xssName=1>';
  await page.goto('/');
  await importFixture(page, name);

  const list = page.getByRole('navigation', { name: 'Services' });
  await expect(list.getByText(evil, { exact: true })).toBeVisible();
  await expect(page.locator(`.react-flow__node[data-id="${evil}"]`)).toBeVisible();
  const inspector = await selectService(page, evil);
  await expect(inspector.getByLabel('executable', { exact: true })).toHaveValue('<script>window.__xssValue=1</script>');
  await expect(inspector.getByText('<b onmouseover=window.__xssListener=1>sock</b>', { exact: true })).toBeVisible();
  await expect(inspector.getByLabel('user', { exact: true }).last()).toHaveValue('<i>vmail</i>');

  // nothing from the file became an element or ran
  await expect(page.locator('img[src="x"], b[onmouseover], i:text-is("vmail")')).toHaveCount(0);
  const ran = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return ['__xssComment', '__xssName', '__xssValue', '__xssListener'].filter((k) => k in w);
  });
  expect(ran).toEqual([]);
  await page.screenshot({ path: 'screenshots/editor-markup-inert.png' });
});

test('a 10 MB file is checked in the background and kept whole: the last block counts', async ({ page }) => {
  test.skip(!doveconfAvailable('2.4'), 'reference doveconf 2.4 missing: run scripts/fetch-doveconf.sh');
  test.setTimeout(120_000);
  // a real file padded with commented-out blocks to 10 MB, with one real setting at the very end
  const head = fixture('mailserver-2.4.conf');
  const filler = '#service imap-login {\n#  process_limit = 9999\n#}\n';
  const tail = 'service imap-login {\n  process_limit = 777\n}\n';
  const big = head + filler.repeat(Math.ceil((10_000_000 - head.length) / filler.length)) + tail;
  expect(big.length).toBeGreaterThan(10_000_000);
  const expected = doveconfRequired('2.4', big);

  await page.goto('/');
  await page.getByLabel('Import configuration').setInputFiles({ name: 'big.conf', mimeType: 'text/plain', buffer: Buffer.from(big) });
  // the page answers while the worker checks: the service list can be searched
  const search = page.getByRole('searchbox', { name: 'Search services' });
  await search.fill('imap-login');
  await expect(page.getByRole('navigation', { name: 'Services' }).getByRole('button', { name: /^imap-login/ })).toBeVisible();
  await search.fill('');

  await expect(page.getByRole('status').filter({ hasText: 'Imported big.conf' })).toContainText('10.0 MB', { timeout: 60_000 });
  await expect(budget(page, 'auth')).toContainText(`required ${expected.auth}`);
  await expect(budget(page, 'anvil')).toContainText(`required ${expected.anvil}`);
  const inspector = await selectService(page, 'imap-login');
  await expect(inspector.getByLabel('process_limit', { exact: true })).toHaveValue('777');
  await expect(page.getByRole('contentinfo')).toContainText('10.0 MB');
});

test('drop a file on the window, or paste a text with a chosen version', async ({ page }) => {
  await page.goto('/');
  const text = fixture('mailserver-2.4.conf');
  const drop = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.conf', { type: 'text/plain' }));
    return dt;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: drop });
  await page.dispatchEvent('body', 'drop', { dataTransfer: drop });
  await expect(page.getByRole('status').filter({ hasText: 'Imported dropped.conf' })).toContainText('Dovecot 2.4 detected');
  await expect(budget(page, 'auth')).toContainText('client_limit 600');

  await page.getByRole('button', { name: 'Paste' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste a configuration' });
  await dialog.getByRole('textbox', { name: 'Configuration text' }).fill('protocols = imap\nservice auth {\n  client_limit = 77\n}\n');
  await dialog.getByLabel('Name').fill('snippet.conf');
  await dialog.getByLabel('Check as').selectOption('2.3');
  await dialog.getByRole('button', { name: 'Import pasted text' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported snippet.conf' })).toContainText('Dovecot 2.3 chosen');
  await expect(page.getByRole('radio', { name: '2.3' })).toBeChecked();
  await expect(budget(page, 'auth')).toContainText('client_limit 77');
  // one undo brings the dropped file back
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(budget(page, 'auth')).toContainText('client_limit 600');
});
