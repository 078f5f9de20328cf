/**
 * The first page: the embedded Dovecot 2.4 default configuration, its services
 * with their built-in limits (services-defaults.md §5), which of them run, the
 * budgets doveconf computes for it, and no request leaving the machine.
 */
import { expect, test, type Locator } from '@playwright/test';
import { budget, forbidRemoteRequests, selectService } from './fixtures/editor-helpers.ts';

/** The row of the per-service table for a service. */
function perServiceRow(table: Locator, name: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });
}

test('first page shows the services of the embedded Dovecot 2.4 default configuration', async ({ page }) => {
  const remote = await forbidRemoteRequests(page);
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dovecot Service Editor');
  await expect(page.getByRole('radiogroup', { name: 'Dovecot version' }).getByRole('radio', { name: '2.4' })).toBeChecked();
  for (const p of ['imap', 'pop3', 'lmtp', 'submission']) {
    await expect(page.getByRole('group', { name: 'protocols' }).getByRole('checkbox', { name: p, exact: true })).toBeChecked();
  }

  const list = page.getByRole('navigation', { name: 'Services' });
  for (const name of ['imap-login', 'auth', 'anvil', 'lmtp', 'imap-hibernate', 'pop3-login', 'submission-login']) {
    await expect(list.getByRole('button', { name: new RegExp(`^${name}(?![\\w-])`) }), `row for ${name}`).toHaveCount(1);
  }

  // Built-in 2.4.1 values: imap-login inherits default_process_limit 100 and
  // default_client_limit 1000; restart_request_count = 1 caps it at one client per process.
  const table = page.getByRole('group', { name: 'Max connections per service' }).getByRole('table');
  const imapLogin = perServiceRow(table, 'imap-login');
  await expect(imapLogin.getByRole('cell').nth(0)).toHaveText('100');
  await expect(imapLogin.getByRole('cell').nth(1)).toHaveText('1');
  await expect(imapLogin.getByRole('cell').nth(2)).toHaveText('100');
  await expect(perServiceRow(table, 'imap').getByRole('cell').nth(0)).toHaveText('1024');
  for (const name of ['auth', 'anvil']) await expect(perServiceRow(table, name).getByRole('cell').nth(0)).toHaveText('1');

  const inspector = await selectService(page, 'imap-login');
  await expect(inspector.getByText('type login', { exact: true })).toBeVisible();
  await expect(inspector.getByText('protocol imap', { exact: true })).toBeVisible();
  await expect(inspector.getByText('runs', { exact: true })).toBeVisible();
  await expect(inspector.getByLabel('process_limit', { exact: true })).toHaveAttribute('placeholder', '100');
  await expect(inspector.getByLabel('client_limit', { exact: true })).toHaveAttribute('placeholder', '1000');
  await expect(inspector.getByLabel('restart_request_count', { exact: true })).toHaveAttribute('placeholder', '1');

  // Stock limits stay inside the auth and anvil budgets (auth needs 400 of 1000
  // with 2.4.1's lmtp restart_request_count = 1), so doveconf says nothing.
  await expect(budget(page, 'auth')).toContainText('client_limit 1000');
  await expect(budget(page, 'auth')).toContainText('required 400');
  await expect(budget(page, 'anvil')).toContainText('required 403');
  await expect(budget(page, 'stats')).toContainText('advisory — not checked by Dovecot');
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('doveconf 2.4 accepts it');
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('no problems');

  await page.screenshot({ path: 'screenshots/first-page.png' });
  expect(remote, 'requests to non-local origins').toEqual([]);
});
