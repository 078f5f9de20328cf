/**
 * Text view end to end, on the built app: import a commented configuration,
 * change process_limit in the inspector, open the text view (Monaco is only
 * fetched then) and find the change in place with every comment kept; type
 * spaces and a bad value and see doveconf's own message as a marker; export
 * 10-master.conf for 2.3 and 2.4 and let the real doveconf (scripts/doveconf)
 * read it from a minimal dovecot.conf: it must accept it and print exactly
 * the warnings the export panel announced. No request may leave the machine,
 * and the Content-Security-Policy must not be violated.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';

const FIXTURE = resolve('e2e/fixtures/text-view/10-master-commented.conf');
const DOVECONF = resolve('scripts/doveconf');
const PROTOCOLS = 'imap pop3 lmtp';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

type Version = '2.3' | '2.4';

function doveconfAvailable(version: Version): boolean {
  return existsSync(DOVECONF) && existsSync(resolve('.cache/doveconf', version, '.complete'));
}

/** Runs the reference doveconf on `files` (dovecot.conf first) in a scratch directory. */
function doveconf(version: Version, files: Readonly<Record<string, string>>): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'text-view-e2e-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const r = spawnSync(DOVECONF, [version, '-c', join(dir, 'dovecot.conf'), '-n'], { encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** doveconf's warning lines without the prefix. */
function warnings(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('doveconf: Warning: ')).map((l) => l.slice('doveconf: Warning: '.length));
}

/** doveconf's fatal error without its prefixes. */
function fatal(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.startsWith('doveconf: Fatal: ')) ?? '';
  return line.replace(/^doveconf: Fatal: (Error in configuration file \S+ line \d+: )?/, '');
}

/** Aborts every request that leaves this machine; records every URL asked for. */
async function watchRequests(page: Page): Promise<{ remote: string[]; all: string[] }> {
  const seen = { remote: [] as string[], all: [] as string[] };
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    seen.all.push(url.href);
    const local = url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname);
    if (local) return route.continue();
    seen.remote.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('worker', (w) => seen.all.push(w.url()));
  return seen;
}

/** Collects Content-Security-Policy violations reported by the page. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Lines the editor shows (Monaco renders spaces as no-break spaces). */
async function editorLines(editor: Locator): Promise<string[]> {
  const lines = await editor.locator('.view-line').evaluateAll((els) =>
    els
      .map((el) => ({ top: Number.parseFloat((el as HTMLElement).style.top || '0'), text: (el.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
  return lines;
}

const monacoChunk = (url: string) => /\/assets\/monaco-[\w-]+\.js$/.test(url);

test('edits made in the inspector reach the text in place; typing, markers and a 10-master.conf doveconf accepts', async ({ page }, info) => {
  test.skip(!doveconfAvailable('2.3') || !doveconfAvailable('2.4'), 'reference doveconf missing: run scripts/fetch-doveconf.sh');
  await page.setViewportSize({ width: 1600, height: 1100 });
  const requests = await watchRequests(page);
  const cspViolations = await watchCsp(page);
  await page.goto('/');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'/);

  const fixture = readFileSync(FIXTURE, 'utf8');
  await page.getByLabel('Import configuration').setInputFiles(FIXTURE);
  await expect(page.locator('.react-flow__node[data-id="imap-login"]')).toBeVisible();

  // the inspector edits the model text; the text view is still closed
  await page.locator('.react-flow__node[data-id="imap-login"]').click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const field = inspector.getByLabel('process_limit', { exact: true });
  await field.fill('321');
  await field.press('Enter');
  await expect(field).toHaveValue('321');
  expect(requests.all.filter(monacoChunk), 'Monaco is not fetched before the text view opens').toEqual([]);

  await page.getByRole('button', { name: 'Text', exact: true }).click();
  const region = page.getByRole('region', { name: 'Configuration text' });
  const editor = region.locator('.monaco-editor');
  // the first open fetches Monaco (~3 MB) from the page's own origin
  await expect(editor.locator('.view-line').first()).toBeVisible({ timeout: 30_000 });
  expect(requests.all.filter(monacoChunk), 'the Monaco chunk, once the text view opens').toHaveLength(1);

  // the change sits where the value was, every comment and the layout kept
  const expected = fixture.replace('  process_limit = 150\n', '  process_limit = 321\n');
  await expect.poll(() => editorLines(editor)).toEqual(expected.split('\n'));
  await page.screenshot({ path: info.outputPath('text-view.png') });

  // typing: spaces reach the editor (React Flow must not swallow Space) and the store
  const commentLine = editor.locator('.view-line', { hasText: '# Postfix SMTP AUTH' });
  await commentLine.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('# typed with  two spaces');
  await expect.poll(async () => (await editorLines(editor)).find((l) => l.includes('typed with'))).toBe('  # typed with  two spaces');

  // a bad value: doveconf's own message, as a marker on that line
  const limitLine = editor.locator('.view-line', { hasText: 'process_limit = 321' });
  await limitLine.click();
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  const bad = expected.replace('  # Postfix SMTP AUTH\n', '  # Postfix SMTP AUTH\n  # typed with  two spaces\n').replace('process_limit = 321', 'process_limit = 321x');
  const real = doveconf('2.3', { 'dovecot.conf': bad });
  expect(real.status).not.toBe(0);
  const message = fatal(real.stderr);
  expect(message).toBe('Invalid number 321x: Not a valid number');
  await expect(region.getByRole('status')).toContainText(message);
  await expect(editor.locator('.squiggly-error')).toHaveCount(1);
  await page.keyboard.press('F8');
  await expect(editor.locator('.marker-widget')).toContainText(message);
  await page.screenshot({ path: info.outputPath('text-view-marker.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Backspace');
  await expect(editor.locator('.squiggly-error')).toHaveCount(0);

  // export: for each version, the file doveconf reads from a standard dovecot.conf
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exporter = page.getByRole('region', { name: 'Export 10-master.conf' });
  for (const version of ['2.3', '2.4'] as const) {
    await exporter.getByLabel('Target version').selectOption(version);
    await expect(exporter.getByText(`doveconf ${version} accepts it`)).toBeVisible();
    const shown = await exporter.getByRole('list', { name: 'doveconf warnings' }).getByRole('listitem').allInnerTexts();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exporter.getByRole('button', { name: 'Download 10-master.conf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('10-master.conf');
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported).toMatch(/service imap-login \{[^}]*process_limit = 321\n/);
    expect(exported).toContain(version === '2.3' ? 'service_count = 1' : 'restart_request_count = 1');
    expect(exported).not.toMatch(/dovecot_(config|storage)_version/);
    const head = version === '2.4' ? 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\n' : '';
    const r = doveconf(version, {
      'dovecot.conf': `${head}protocols = ${PROTOCOLS}\n!include 10-master.conf\n`,
      '10-master.conf': exported,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(warnings(r.stderr), `doveconf ${version} prints what the app showed`).toEqual(shown);
    expect(shown.length).toBeGreaterThan(0);
  }

  expect(requests.remote, 'requests to other origins').toEqual([]);
  expect(await cspViolations(), 'Content-Security-Policy violations').toEqual([]);
});

test('a quick fix goes through the store: the cursor stays, the comments stay, and Undo takes it back in one step', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1100 });
  const requests = await watchRequests(page);
  await page.goto('/');
  await page.getByLabel('Import configuration').setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Text', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Configuration text' }).locator('.monaco-editor');
  await expect(editor.locator('.view-line').first()).toBeVisible({ timeout: 30_000 });
  const before = await editorLines(editor);

  // the auth budget warning sits on `service auth {` (no client_limit written there)
  await editor.locator('.view-line', { hasText: 'service auth {' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget').getByText(/^Set auth client_limit = \d+$/);
  await expect(fix).toBeVisible();
  const required = Number(/(\d+)$/.exec((await fix.textContent()) ?? '')?.[1]);
  await fix.click();
  const fixed = fixtureLinesWith(before, required);
  await expect.poll(() => editorLines(editor)).toEqual(fixed);
  await expect(page.getByRole('region', { name: 'Connection budgets' }).getByRole('group', { name: 'auth budget' })).toContainText(String(required));

  // the cursor survived the edit made through the store: typing lands where it was
  // (one input event: each pause longer than the debounce would be an undo step of its own)
  await page.keyboard.insertText(' # sized by the fix');
  await expect.poll(async () => (await editorLines(editor)).find((l) => l.startsWith('service auth'))).toBe('service auth { # sized by the fix');

  // the app's Undo takes back the typing, then the fix, each in one step
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => editorLines(editor)).toEqual(fixed);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => editorLines(editor)).toEqual(before);

  // importing while the view is open replaces the whole text
  await page.getByLabel('Import configuration').setInputFiles({ name: 'small.conf', mimeType: 'text/plain', buffer: Buffer.from('# small\nprotocols = imap\n') });
  await expect.poll(() => editorLines(editor)).toEqual(['# small', 'protocols = imap', '']);
  expect(requests.remote).toEqual([]);
});

/** The fixture's lines with `client_limit = N` added as the last line of `service auth`. */
function fixtureLinesWith(lines: readonly string[], required: number): string[] {
  const start = lines.indexOf('service auth {');
  const close = lines.indexOf('}', start);
  return [...lines.slice(0, close), `  client_limit = ${required}`, ...lines.slice(close)];
}
