/**
 * The service graph end to end: every service is a node named after it, the
 * connections end on the listener they use and carry their capacity, an
 * exceeded budget lights up its edges, dragged positions survive a reload and
 * Re-layout brings the automatic layout back, and the graph works from the
 * keyboard without taking keys away from the inspector or the text editor.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { generateConfig } from '../bench/ui/generate-config.ts';
import { budget, selectService } from './fixtures/editor-helpers.ts';

/** Services of the embedded default (Dovecot 2.4.1 built-ins without Pigeonhole). */
const DEFAULT_SERVICES = [
  'anvil', 'auth', 'auth-worker', 'config', 'dict', 'dict-async', 'dict-expire', 'dns-client', 'doveadm', 'health-check',
  'imap', 'imap-hibernate', 'imap-login', 'imap-urlauth', 'imap-urlauth-login', 'imap-urlauth-worker', 'indexer',
  'indexer-worker', 'lmtp', 'log', 'pop3', 'pop3-login', 'stats', 'submission', 'submission-login',
];

const node = (page: Page, name: string): Locator => page.locator(`.react-flow__node[data-id="${name}"]`);
const edge = (page: Page, id: string): Locator => page.locator(`.react-flow__edge[data-id="${id}"]`);
const label = (page: Page, id: string): Locator => page.locator(`.edge-label[data-edge="${id}"]`);

/** Waits until the automatic layout has finished (elk answered). */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.react-flow')).toHaveAttribute('data-layout-status', 'elk', { timeout: 30_000 });
}

/** Canvas position of a node (from its transform, independent of pan and zoom). */
async function canvasPosition(n: Locator): Promise<{ x: number; y: number }> {
  const t = await n.evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(t);
  expect(m, `transform of the node: ${t}`).not.toBeNull();
  return { x: Number(m![1]), y: Number(m![2]) };
}

/** Does the edge's path end on the handle (inside its box, 1.5 px of slack)? */
async function endsOnHandle(page: Page, edgeId: string, nodeId: string, handleId: string): Promise<boolean> {
  return page.evaluate((ids) => {
    const path = document.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${CSS.escape(ids.edgeId)}"] path.react-flow__edge-path`);
    const handle = document.querySelector(`.react-flow__node[data-id="${CSS.escape(ids.nodeId)}"] .react-flow__handle[data-handleid="${CSS.escape(ids.handleId)}"]`);
    if (path === null || handle === null) return false;
    const end = path.getPointAtLength(path.getTotalLength()).matrixTransform(path.getScreenCTM()!);
    const r = handle.getBoundingClientRect();
    return end.x >= r.left - 1.5 && end.x <= r.right + 1.5 && end.y >= r.top - 1.5 && end.y <= r.bottom + 1.5;
  }, { edgeId, nodeId, handleId });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await settled(page);
});

test('every service is a node named after it; edges end on the listener they use and show their capacity', async ({ page }) => {
  await expect(page.locator('.react-flow__node')).toHaveCount(DEFAULT_SERVICES.length);
  for (const name of DEFAULT_SERVICES) await expect(node(page, name), name).toBeVisible();

  // node content: type, protocol, limits, listeners
  const login = node(page, 'imap-login');
  await expect(login).toContainText('login');
  await expect(login).toContainText('imap');
  await expect(login.locator('.service-node__limits')).toHaveText(/100 × 1 = 100 max connections/);
  await expect(login.locator('.listener')).toHaveText([/srv\.imap-login\/%\{pid\}/, /imap :143/, /imaps :993\s*ssl/]);
  await expect(node(page, 'pop3-login')).toContainText('enabled');

  // imap-login → auth ends on auth's login/login listener, labelled with imap-login's process_limit
  const id = 'login-auth:imap-login->auth';
  await expect(edge(page, id)).toBeAttached();
  await expect.poll(() => endsOnHandle(page, id, 'auth', 'unix_listener:login/login')).toBe(true);
  await expect(label(page, id)).toHaveText('100');
  await expect(label(page, 'anvil:imap-login->anvil')).toHaveText('100');
  // auth → auth-worker holds one connection per worker: auth-worker's process_limit 30
  await expect(label(page, 'auth-worker:auth->auth-worker')).toHaveText('30');
  await expect.poll(() => endsOnHandle(page, 'auth-worker:auth->auth-worker', 'auth-worker', 'unix_listener:auth-worker')).toBe(true);
  // hand-off to the post-login service's login/ socket
  await expect.poll(() => endsOnHandle(page, 'handoff:imap-login->imap', 'imap', 'unix_listener:login/imap')).toBe(true);

  // stats edges are many: hidden until asked for; optional edges can be hidden
  await expect(page.locator('.react-flow__edge.edge-stats')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Stats edges' }).check();
  await expect(edge(page, 'stats:imap-login->stats')).toBeAttached();
  await expect.poll(() => endsOnHandle(page, 'stats:imap-login->stats', 'stats', 'unix_listener:login/stats-writer')).toBe(true);
  await expect(page.locator('.react-flow__edge.edge-optional').first()).toBeAttached();
  await page.getByRole('checkbox', { name: 'Optional edges' }).uncheck();
  await expect(page.locator('.react-flow__edge.edge-optional')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Stats edges' }).uncheck();
  await page.getByRole('checkbox', { name: 'Optional edges' }).check();
  await page.screenshot({ path: 'screenshots/graph-default.png' });
});

test('raising imap-login process_limit past the auth budget highlights every auth edge', async ({ page }) => {
  const authEdges = page.locator('.react-flow__edge.edge-auth');
  await expect(authEdges).toHaveCount(4);
  await expect(page.locator('.react-flow__edge.edge-exceeded-error')).toHaveCount(0);

  await node(page, 'imap-login').click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 3 })).toHaveText('imap-login');
  const field = inspector.getByLabel('process_limit', { exact: true });
  await field.fill('1000');
  await field.press('Enter');

  // 1000 + 3 × 100 = 1300 > auth client_limit 1000 (and anvil: 2 + 1 + 1300 > 1000)
  await expect(budget(page, 'auth')).toContainText('1300');
  for (const e of await authEdges.all()) {
    await expect(e).toHaveClass(/edge-exceeded-error/);
    await expect(e).toHaveClass(/animated/);
  }
  await expect(page.locator('.react-flow__edge.edge-anvil.edge-exceeded-error')).toHaveCount(5);
  await expect(label(page, 'login-auth:imap-login->auth')).toHaveText('1,000');
  await expect(label(page, 'login-auth:imap-login->auth')).toHaveClass(/edge-label--exceeded-error/);
  await expect(node(page, 'imap-login').locator('.node-badge--auth')).toBeVisible();
  await expect(node(page, 'auth').locator('.node-badge--auth')).toBeVisible();
  await expect(page.locator('.graph-legend summary')).toContainText('auth exceeded');
  // edges of other kinds stay as they were
  await expect(edge(page, 'handoff:imap-login->imap')).not.toHaveClass(/edge-exceeded/);
  await page.locator('.graph-legend summary').click();
  await expect(page.locator('.legend-exceeded')).toContainText('auth: client_limit 1,000 < 1,300 needed');
  await page.screenshot({ path: 'screenshots/graph-auth-exceeded.png' });
  await page.locator('.graph-legend summary').click();

  await field.fill('100');
  await field.press('Enter');
  await expect(page.locator('.react-flow__edge.edge-exceeded-error')).toHaveCount(0);
  await expect(node(page, 'imap-login').locator('.node-badge--auth')).toHaveCount(0);
});

test('a dragged node keeps its position after a reload; Re-layout brings the automatic position back', async ({ page }) => {
  const anvil = node(page, 'anvil');
  const auto = await canvasPosition(anvil);
  const box = (await anvil.locator('.service-node__name').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(box.x + box.width / 2 + 12 * k, box.y + box.height / 2 + 9 * k);
  await page.mouse.up();
  const dragged = await canvasPosition(anvil);
  expect(dragged.x).toBeGreaterThan(auto.x + 50);
  expect(dragged.y).toBeGreaterThan(auto.y + 30);

  await page.reload();
  await settled(page);
  expect(await canvasPosition(node(page, 'anvil'))).toEqual(dragged);
  // edges follow the node
  await expect.poll(() => endsOnHandle(page, 'anvil:imap-login->anvil', 'anvil', 'unix_listener:anvil')).toBe(true);

  await page.getByRole('button', { name: 'Re-layout' }).click();
  await expect.poll(() => canvasPosition(node(page, 'anvil'))).toEqual(auto);
  await settled(page);
  expect(await canvasPosition(node(page, 'anvil'))).toEqual(auto);
});

test('keyboard: nodes take focus and Enter or Space selects; keys typed in the inspector and the text editor are not swallowed', async ({ page }) => {
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const heading = inspector.getByRole('heading', { level: 3 });

  await node(page, 'anvil').focus();
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('anvil');
  await expect(node(page, 'anvil')).toHaveClass(/selected/);

  await node(page, 'auth').focus();
  await page.keyboard.press(' ');
  await expect(heading).toHaveText('auth');
  await expect(node(page, 'auth')).toHaveClass(/selected/);
  await expect(node(page, 'anvil')).not.toHaveClass(/selected/);
  // the selected service's edges are emphasised
  await expect(edge(page, 'anvil:auth->anvil')).toHaveClass(/edge-focus/);

  // Tab walks on from node to node
  await page.keyboard.press('Tab');
  await expect(page.locator('.react-flow__node:focus')).toHaveCount(1);

  // with the graph just used, a space typed into an inspector text field stays in it
  const auth = node(page, 'auth');
  const before = await canvasPosition(auth);
  const executable = inspector.getByLabel('executable', { exact: true });
  await executable.click();
  await executable.press('End');
  await page.keyboard.type(' -D');
  await expect(executable).toHaveValue(/ -D$/);
  await executable.press('Escape');
  // arrow keys and Backspace in the field neither moved nor removed the node
  await executable.press('ArrowLeft');
  await executable.press('Backspace');
  await expect(auth).toBeVisible();
  expect(await canvasPosition(auth)).toEqual(before);

  // the same in the text editor (Monaco sits in a .nokey element)
  await page.getByRole('button', { name: 'Text', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Configuration text' }).locator('.monaco-editor');
  await expect(editor.locator('.view-line').first()).toBeVisible({ timeout: 30_000 });
  await editor.locator('.view-line', { hasText: /^protocols/ }).click({ position: { x: 8, y: 4 } });
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('# a b');
  // Monaco renders spaces as no-break spaces
  await expect.poll(async () => (await editor.locator('.view-lines').innerText()).replaceAll('\u00a0', ' ')).toContain('\n# a b');
});

test('while the text has a syntax error the graph keeps the last configuration that parsed, and says so', async ({ page }) => {
  await page.getByRole('button', { name: 'Text', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Configuration text' }).locator('.monaco-editor');
  await expect(editor.locator('.view-line').first()).toBeVisible({ timeout: 30_000 });
  await editor.locator('.view-line', { hasText: /^protocols/ }).click({ position: { x: 8, y: 4 } });
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('service half-typed { process_limit = 5');
  const notice = page.getByRole('status').filter({ hasText: 'Showing the last configuration that parsed' });
  await expect(notice).toContainText("Garbage after '{'");
  await expect(page.getByRole('toolbar', { name: 'Graph' })).toContainText(`${DEFAULT_SERVICES.length} services`);
  await expect(node(page, 'imap-login')).toBeAttached();
  await expect(node(page, 'half-typed')).toHaveCount(0);
  // taking the broken line out: the notice goes, the graph follows the text again
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('toolbar', { name: 'Graph' })).toContainText(`${DEFAULT_SERVICES.length} services`);
});

test('selecting a service in the list highlights its node and centres it', async ({ page }) => {
  const pane = (await page.locator('.react-flow').boundingBox())!;
  await selectService(page, 'indexer-worker');
  const n = node(page, 'indexer-worker');
  await expect(n).toHaveClass(/selected/);
  await expect(n.locator('.service-node')).toHaveClass(/is-selected/);
  await expect.poll(async () => {
    const b = (await n.boundingBox())!;
    return Math.round(Math.hypot(b.x + b.width / 2 - (pane.x + pane.width / 2), b.y + b.height / 2 - (pane.y + pane.height / 2)));
  }).toBeLessThan(4);
});

test.describe('a big configuration', () => {
  test.use({ viewport: { width: 1600, height: 1000 } });

  test('2,000 services: only what is in view is rendered, the graph opens readable, and an edit reaches the node', async ({ page }) => {
    test.setTimeout(180_000);
    const name = 'generated-2000.conf';
    await page.getByLabel('Import configuration').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(generateConfig(2000)) });
    await expect(page.getByRole('status').filter({ hasText: `Imported ${name}` })).toBeVisible({ timeout: 120_000 });
    // too big for elk: the lane grid at once
    await expect(page.locator('.react-flow')).toHaveAttribute('data-layout-status', 'grid', { timeout: 60_000 });
    await expect(page.getByRole('toolbar', { name: 'Graph' })).toContainText('2000 services');
    await expect(node(page, 'imap-login')).toBeVisible();
    const rendered = await page.locator('.react-flow__node').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(400);
    await expect(page.getByRole('img', { name: /^Overview of 2000 services/ })).toBeVisible();

    // a node far away is rendered once it is selected (centred) from the list
    await selectService(page, 'svc-1974');
    await expect(node(page, 'svc-1974')).toBeVisible();
    await expect(node(page, 'svc-1974')).toHaveClass(/selected/);

    await selectService(page, 'imap-login');
    const field = page.getByRole('region', { name: 'Inspector' }).getByLabel('process_limit', { exact: true });
    await field.fill('150');
    await field.press('Enter');
    await expect(node(page, 'imap-login').locator('.service-node__limits')).toHaveText(/150 × 1 = 150 max connections/);
    await expect(label(page, 'login-auth:imap-login->auth')).toHaveText('150');
    await page.screenshot({ path: 'screenshots/graph-2000.png' });
  });
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the graph takes the dark palette of the page', async ({ page }) => {
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const colours = await node(page, 'auth').locator('.service-node').evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, text: s.color, page: getComputedStyle(document.documentElement).getPropertyValue('--surface').trim() };
    });
    // the node uses the page's surface colour (#151920 in dark), not React Flow's white
    expect(colours.background).toBe('rgb(21, 25, 32)');
    expect(colours.page).toBe('#151920');
    await node(page, 'imap-login').click();
    await page.screenshot({ path: 'screenshots/graph-dark.png' });
  });
});
