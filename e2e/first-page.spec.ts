import { expect, test, type Locator, type Page } from '@playwright/test';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Aborts every request that leaves this machine and remembers its URL. */
async function forbidRemoteRequests(page: Page): Promise<string[]> {
  const remote: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const local = url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname);
    if (local) return route.continue();
    remote.push(url.href);
    return route.abort('blockedbyclient');
  });
  return remote;
}

/** The cell of `row` under the column header named `column`, found as a person reads the table. */
async function cell(table: Locator, row: Locator, column: string): Promise<Locator> {
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((h) => h.trim() === column);
  expect(index, `column "${column}" in ${JSON.stringify(headers)}`).toBeGreaterThanOrEqual(0);
  return row.locator('th, td').nth(index);
}

function serviceRow(table: Locator, name: string): Locator {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });
}

test('first page lists the services of the embedded Dovecot 2.4 default configuration', async ({ page }) => {
  const remote = await forbidRemoteRequests(page);
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dovecot Service Editor');
  await expect(page.getByText('Dovecot 2.4', { exact: true })).toBeVisible();

  const table = page.getByRole('table', { name: 'Services', exact: true });
  await expect(table).toBeVisible();

  for (const name of ['imap-login', 'auth', 'anvil', 'lmtp']) {
    await expect(serviceRow(table, name), `row for ${name}`).toHaveCount(1);
  }

  // Built-in 2.4.1 values (services-defaults.md section 5): imap-login inherits
  // default_process_limit 100 and default_client_limit 1000; imap sets 1024 / 1.
  const imapLogin = serviceRow(table, 'imap-login');
  await expect(await cell(table, imapLogin, 'type')).toHaveText('login');
  await expect(await cell(table, imapLogin, 'protocol')).toHaveText('imap');
  await expect(await cell(table, imapLogin, 'process_limit')).toHaveText('100');
  await expect(await cell(table, imapLogin, 'client_limit')).toHaveText('1000');
  // restart_request_count = 1 caps each login process at one client.
  await expect(await cell(table, imapLogin, 'max connections')).toHaveText('100');

  const imap = serviceRow(table, 'imap');
  await expect(await cell(table, imap, 'process_limit')).toHaveText('1024');
  await expect(await cell(table, imap, 'client_limit')).toHaveText('1');

  for (const name of ['auth', 'anvil']) {
    await expect(await cell(table, serviceRow(table, name), 'process_limit')).toHaveText('1');
  }

  // protocols = imap pop3 lmtp submission: every protocol service of these four
  // runs, and so do the services that belong to no protocol.
  for (const name of ['imap-login', 'imap-hibernate', 'pop3-login', 'lmtp', 'submission-login', 'auth', 'anvil']) {
    await expect(await cell(table, serviceRow(table, name), 'enabled'), `${name} enabled`).toHaveText('yes');
  }
  await expect(await cell(table, serviceRow(table, 'lmtp'), 'protocol')).toHaveText('lmtp');

  // Stock limits stay inside the auth and anvil budgets (auth needs 400 of 1000
  // with 2.4.1's lmtp restart_request_count = 1), so doveconf says nothing.
  const diagnostics = page.getByRole('region', { name: /Diagnostics/ });
  await expect(diagnostics.getByText(/^No errors or warnings/)).toBeVisible();

  await page.screenshot({ path: 'screenshots/first-page.png', fullPage: true });
  expect(remote, 'requests to non-local origins').toEqual([]);
});
