/**
 * The editor end to end: import a real-looking configuration, see its services
 * on the graph, edit a limit in the inspector and see the auth and anvil
 * budgets become exactly what the real doveconf computes for that text, fix
 * the auth budget in one click, undo it, and find the work again after a reload.
 */
import { expect, test } from '@playwright/test';
import { budget, doveconf, doveconfAvailable, doveconfRequired, fixture, forbidRemoteRequests, importFixture, selectService } from './fixtures/editor-helpers.ts';

const FIXTURE = 'mailserver-2.4.conf';

test('edit imap-login process_limit: budgets follow doveconf, the auth fix is one undo step, the work survives a reload', async ({ page }) => {
  test.skip(!doveconfAvailable('2.4'), 'reference doveconf 2.4 missing: run scripts/fetch-doveconf.sh');
  const remote = await forbidRemoteRequests(page);
  const original = fixture(FIXTURE);
  const edited = original.replace('service imap-login {\n', 'service imap-login {\n  process_limit = 500\n');
  expect(edited).not.toBe(original);
  const before = doveconfRequired('2.4', original);
  const after = doveconfRequired('2.4', edited);
  // the fixture gives auth 600: enough before, short after the edit
  expect(before.auth).toBeLessThanOrEqual(600);
  expect(after.auth).toBeGreaterThan(600);

  await page.goto('/');
  await importFixture(page, FIXTURE);
  await expect(page.getByRole('radio', { name: '2.4' })).toBeChecked();

  // the graph shows the services and their connections
  await expect(page.locator('.react-flow__node[data-id="imap-login"]')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="auth"]')).toBeVisible();
  await expect(page.locator('.react-flow__edge').first()).toBeAttached();
  expect(await page.locator('.react-flow__edge').count()).toBeGreaterThan(4);

  const auth = budget(page, 'auth');
  const anvil = budget(page, 'anvil');
  await expect(auth).toContainText('client_limit 600');
  await expect(auth).toContainText(`required ${before.auth}`);
  await expect(anvil).toContainText(`required ${before.anvil}`);

  // the inspector edit: typed, committed with Enter
  const inspector = await selectService(page, 'imap-login');
  const processLimit = inspector.getByLabel('process_limit', { exact: true });
  await expect(processLimit).toHaveAttribute('placeholder', '100');
  await processLimit.fill('500');
  await processLimit.press('Enter');
  await expect(processLimit).toHaveValue('500');
  await expect(auth).toContainText(`required ${after.auth}`);
  await expect(anvil).toContainText(`required ${after.anvil}`);
  await expect(auth).toContainText(`short by ${after.auth - 600}`);
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('service auth { client_limit=600 } is lower than required');

  // one click fixes it; one undo takes the fix back, not the edit
  const fix = auth.getByRole('button', { name: `Set service auth client_limit to ${after.auth}` });
  await fix.click();
  await expect(auth).toContainText(`client_limit ${after.auth}`);
  await expect(auth).toContainText('fits');
  await page.locator('body').press('Control+z');
  await expect(auth).toContainText('client_limit 600');
  await expect(auth).toContainText(`required ${after.auth}`);
  await expect(processLimit).toHaveValue('500');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(auth).toContainText(`client_limit ${after.auth}`);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(auth).toContainText('client_limit 600');

  // reload: the edited text comes back from the browser's storage
  await page.reload();
  await expect(budget(page, 'auth')).toContainText(`required ${after.auth}`);
  await expect(budget(page, 'auth')).toContainText('client_limit 600');
  const again = await selectService(page, 'imap-login');
  await expect(again.getByLabel('process_limit', { exact: true })).toHaveValue('500');
  await expect(page.getByRole('contentinfo')).toContainText(FIXTURE);

  await page.screenshot({ path: 'screenshots/editor-restored.png' });
  expect(remote, 'requests to non-local origins').toEqual([]);
});

test('an invalid value is kept as typed and shows doveconf\'s message next to the field', async ({ page }) => {
  test.skip(!doveconfAvailable('2.4'), 'reference doveconf 2.4 missing: run scripts/fetch-doveconf.sh');
  const bad = fixture(FIXTURE).replace('service imap-login {\n', 'service imap-login {\n  process_limit = 12x\n');
  const r = doveconf('2.4', bad).stderr;
  await page.goto('/');
  await importFixture(page, FIXTURE);
  const inspector = await selectService(page, 'imap-login');
  const field = inspector.getByLabel('process_limit', { exact: true });
  await field.fill('12x');
  await field.press('Enter');
  await expect(field).toHaveValue('12x');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  // doveconf: "Error in configuration file … line N: process_limit: Invalid number 12x: Not a valid number"
  const message = /line \d+: (process_limit: .*)$/m.exec(r)?.[1];
  expect(message, r).toBeTruthy();
  await expect(inspector.getByText(message!, { exact: true })).toBeVisible();
  await page.screenshot({ path: 'screenshots/editor-invalid-value.png' });
});
