/**
 * Recipes, presets, share links, reset and themes: each edit is one undo step,
 * the graph shows what a recipe adds, and the real doveconf accepts what a
 * preset writes without a warning (the text is read back through the share link).
 */
import { expect, test } from '@playwright/test';
import { budget, currentText, decodeShareLink, doveconf, doveconfAvailable, doveconfRequired, selectService } from './fixtures/editor-helpers.ts';

test('recipe: the Postfix SASL socket appears on the auth node in one undo step, and doveconf accepts it', async ({ page }) => {
  await page.goto('/');
  const authNode = page.locator('.react-flow__node[data-id="auth"]');
  await expect(authNode).toBeVisible();
  await expect(authNode).not.toContainText('/var/spool/postfix/private/auth');

  await page.getByRole('button', { name: 'Recipes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Recipes' });
  await dialog.getByRole('listitem').filter({ hasText: 'Postfix SASL socket' }).getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(authNode).toContainText('/var/spool/postfix/private/auth');
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const listener = inspector.getByRole('group', { name: 'unix_listener /var/spool/postfix/private/auth' });
  await expect(listener.getByLabel('mode', { exact: true })).toHaveValue('0660');
  await expect(listener.getByLabel('user', { exact: true })).toHaveValue('postfix');
  await expect(listener.getByLabel('group', { exact: true })).toHaveValue('postfix');

  const text = await currentText(page);
  expect(text).toContain('service auth {\n  unix_listener /var/spool/postfix/private/auth {\n    mode = 0660\n    user = postfix\n    group = postfix\n  }\n}\n');
  if (doveconfAvailable('2.4')) {
    const r = doveconf('2.4', text);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('unix_listener /var/spool/postfix/private/auth {');
  }

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(authNode).not.toContainText('/var/spool/postfix/private/auth');
});

test('recipe: mail-user sockets for a named user and cleartext ports off', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Recipes' }).click();
  let dialog = page.getByRole('dialog', { name: 'Recipes' });
  const item = dialog.getByRole('listitem').filter({ hasText: 'Sockets for the mail user' });
  await item.getByLabel('Mail user name').fill('mailer');
  await item.getByRole('button', { name: 'Apply' }).click();
  const stats = await selectService(page, 'stats');
  await expect(stats.getByRole('group', { name: 'unix_listener stats-writer' }).getByLabel('group', { exact: true })).toHaveValue('mailer');

  await page.getByRole('button', { name: 'Recipes' }).click();
  dialog = page.getByRole('dialog', { name: 'Recipes' });
  await dialog.getByRole('listitem').filter({ hasText: 'Turn off cleartext ports' }).getByRole('button', { name: 'Apply' }).click();
  const login = await selectService(page, 'imap-login');
  await expect(login.getByRole('group', { name: 'inet_listener imap', exact: true }).getByLabel('port', { exact: true })).toHaveValue('0');
  await expect(login.getByRole('group', { name: 'inet_listener imaps', exact: true }).getByLabel('port', { exact: true })).toHaveValue('');

  // both recipes are in effect now and say so
  await page.getByRole('button', { name: 'Recipes' }).click();
  dialog = page.getByRole('dialog', { name: 'Recipes' });
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Turn off cleartext ports' })).toContainText('in effect');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Turn off cleartext ports' }).getByRole('button', { name: 'Apply' })).toBeDisabled();
});

test('preset: high-performance login is accepted by doveconf without warnings, its budgets match, one undo takes it back', async ({ page }) => {
  test.skip(!doveconfAvailable('2.4'), 'reference doveconf 2.4 missing: run scripts/fetch-doveconf.sh');
  await page.goto('/');
  await page.getByRole('button', { name: 'Presets' }).click();
  const dialog = page.getByRole('dialog', { name: 'Presets' });
  await dialog.getByRole('button', { name: /High-performance login/ }).click();
  await dialog.getByLabel('CPU cores').fill('4');
  await dialog.getByLabel('Connections per login service').fill('10000');
  await expect(dialog.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'service imap-login', exact: true }) })).toContainText('client_limit = 2500');
  await dialog.getByRole('button', { name: 'Apply “High-performance login”' }).click();
  await expect(dialog).toBeHidden();

  const text = await currentText(page);
  const r = doveconf('2.4', text);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/service imap-login \{[^}]*client_limit = 2500/);
  expect(r.stdout).toMatch(/service imap-login \{[^}]*restart_request_count = unlimited/);
  const required = doveconfRequired('2.4', text);
  await expect(budget(page, 'auth')).toContainText(`required ${required.auth}`);
  await expect(budget(page, 'anvil')).toContainText(`required ${required.anvil}`);
  // 4 processes × 2500 clients per imap-login process
  await expect(page.getByRole('group', { name: 'Max connections per service' }).getByRole('row').filter({ hasText: 'imap-login' })).toContainText('10000');

  await page.keyboard.press('Control+z');
  await expect(budget(page, 'auth')).toContainText('required 400');
});

test('share link: opens the shared text; with other local work it asks first', async ({ page, context }) => {
  await page.goto('/');
  const inspector = await selectService(page, 'imap-login');
  const field = inspector.getByLabel('process_limit', { exact: true });
  await field.fill('321');
  await field.press('Enter');
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('dialog', { name: 'Share link' }).getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(decodeShareLink(link).text).toContain('process_limit = 321');
  await page.getByRole('dialog', { name: 'Share link' }).getByRole('button', { name: 'Close' }).last().click();

  // a fresh browser: opened at once
  const other = await context.browser()!.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  const freshInspector = await selectService(fresh, 'imap-login');
  await expect(freshInspector.getByLabel('process_limit', { exact: true })).toHaveValue('321');
  expect(new URL(fresh.url()).hash).toBe('');

  // same browser, different local work: it asks, and keeping the work keeps it
  await field.fill('654');
  await field.press('Enter');
  await page.goto(link);
  const prompt = page.getByRole('dialog', { name: 'Open the shared configuration?' });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Keep my work' }).click();
  await expect((await selectService(page, 'imap-login')).getByLabel('process_limit', { exact: true })).toHaveValue('654');
  await page.goto(link);
  await page.getByRole('dialog', { name: 'Open the shared configuration?' }).getByRole('button', { name: 'Open shared configuration' }).click();
  await expect((await selectService(page, 'imap-login')).getByLabel('process_limit', { exact: true })).toHaveValue('321');
  await other.close();
});

test('reset, dark theme and a custom service with a listener', async ({ page }) => {
  await page.goto('/');
  const list = page.getByRole('navigation', { name: 'Services' });
  await list.getByRole('button', { name: 'Add custom service' }).click();
  const form = list.getByRole('form', { name: 'Add a custom service' });
  await form.getByLabel('name').fill('quota-status');
  await form.getByLabel('executable').fill('quota-status -p postfix');
  await form.getByRole('button', { name: 'Add service' }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 3 })).toHaveText('quota-status');
  await inspector.getByRole('button', { name: 'Add listener' }).click();
  const add = inspector.getByRole('form', { name: 'Add a listener to quota-status' });
  await add.getByLabel('kind').selectOption('inet_listener');
  await add.getByLabel('name').fill('http');
  await add.getByLabel('port').fill('12340');
  await add.getByRole('button', { name: 'Add listener' }).click();
  await expect(page.locator('.react-flow__node[data-id="quota-status"]')).toContainText('12340');
  await expect(inspector.getByRole('group', { name: 'inet_listener http' }).getByLabel('port', { exact: true })).toHaveValue('12340');

  await page.getByRole('button', { name: /^Theme: / }).click();
  await page.getByRole('button', { name: /^Theme: / }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: 'screenshots/editor-dark.png' });

  await page.getByRole('button', { name: 'Reset to the default configuration' }).click();
  await page.getByRole('dialog', { name: 'Reset to the default configuration?' }).getByRole('button', { name: 'Reset' }).click();
  await expect(page.locator('.react-flow__node[data-id="quota-status"]')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node[data-id="quota-status"]')).toBeVisible();
});
