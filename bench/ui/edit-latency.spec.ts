/**
 * Edit latency: time from a setting edit (a store action: imap-login
 * process_limit, one undo step like the inspector makes) to the page showing
 * the new numbers, for generated configurations of 50, 500 and 2,000
 * services. Measured inside the page with performance.now(): `dom` = the
 * watched text changed (MutationObserver), `frame` = the next animation frame
 * after it started (the update is on screen at that paint).
 *
 * Watched text: the "auth budget" group of the region "Connection budgets"
 * when the app page exposes its store as `window.dovecotEditorStore`;
 * otherwise the limits line of the imap-login graph node on the bench page.
 */
import { expect, test, type Page } from '@playwright/test';
import { generateConfig } from './generate-config.ts';
import { percentile, table } from './stats.ts';
import type { BenchStore } from './page-globals.ts';

const SIZES = [50, 500, 2000] as const;
const WARMUP = 5;
const EDITS = 30;
const TARGET_P95_MS: Readonly<Record<number, number>> = { 500: 16, 2000: 50 };
const APP = `http://localhost:${process.env['BENCH_APP_PORT'] ?? 4173}/`;
const HARNESS = `http://localhost:${process.env['BENCH_PAGE_PORT'] ?? 4175}/`;

interface Sample { readonly dom: number; readonly frame: number }
interface Row { readonly n: number; readonly where: string; readonly samples: readonly Sample[] }

const rows: Row[] = [];

/** Opens a page showing `n` services and returns the selector of the text to watch. */
async function open(page: Page, n: number): Promise<{ where: string; watch: string }> {
  await page.goto(APP);
  const appHasStore = await page.evaluate(() => window.dovecotEditorStore !== undefined);
  const budgets = page.getByRole('region', { name: 'Connection budgets' });
  if (appHasStore && (await budgets.count()) > 0) {
    const text = generateConfig(n);
    await page.evaluate((t) => window.dovecotEditorStore!.getState().importText(t, 'generated.conf'), text);
    const auth = budgets.getByRole('group', { name: 'auth budget' });
    await expect(auth).toBeVisible();
    await expect(page.locator('.react-flow__node[data-id="imap-login"]')).toBeAttached({ timeout: 60_000 });
    return { where: 'app: auth budget text', watch: '[role="group"][aria-label="auth budget"]' };
  }
  await page.goto(`${HARNESS}?n=${n}`);
  await expect(page.locator('.react-flow__node[data-id="imap-login"] .service-node__limits')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.react-flow')).not.toHaveAttribute('data-layout-status', 'pending', { timeout: 60_000 });
  return { where: 'bench page: graph node label', watch: '.react-flow__node[data-id="imap-login"] .service-node__limits' };
}

/** Runs `count` edits in the page and returns their timings. */
async function measure(page: Page, watch: string, count: number, first: number): Promise<Sample[]> {
  return page.evaluate(async (args) => {
    const store: BenchStore = window.dovecotEditorStore!;
    const nextFrame = (): Promise<number> => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    const out: { dom: number; frame: number }[] = [];
    for (let k = 0; k < args.count; k++) {
      await nextFrame();
      await nextFrame();
      const el = document.querySelector(args.watch);
      if (el === null) throw new Error(`nothing matches ${args.watch}`);
      const text = store.getState().text;
      const marker = 'service imap-login {\n  process_limit = ';
      const at = text.indexOf(marker);
      if (at < 0) throw new Error('imap-login block not found');
      const start = at + marker.length;
      let end = start;
      while (end < text.length && text[end]! >= '0' && text[end]! <= '9') end++;
      const value = String(args.first + k);
      const before = el.textContent;
      const changed = new Promise<number>((resolve) => {
        const mo = new MutationObserver(() => {
          if (el.textContent !== before) {
            mo.disconnect();
            resolve(performance.now());
          }
        });
        mo.observe(el, { subtree: true, childList: true, characterData: true });
      });
      const t0 = performance.now();
      store.getState().applyEdits([{ start, end, text: value }], 'bench: imap-login process_limit');
      const dom = await changed;
      const frame = await nextFrame();
      out.push({ dom: dom - t0, frame: frame - t0 });
    }
    return out;
  }, { watch, count, first });
}

for (const n of SIZES) {
  test(`edit latency with ${n} services`, async ({ page }) => {
    const { where, watch } = await open(page, n);
    await measure(page, watch, WARMUP, 200);
    const samples = await measure(page, watch, EDITS, 300);
    expect(samples.length).toBe(EDITS);
    rows.push({ n, where, samples });
  });
}

test.afterAll(() => {
  const fmt = (x: number): string => x.toFixed(1);
  console.log(`\nEdit → updated text (${EDITS} edits after ${WARMUP} warm-up, ms)\n`);
  console.log(table(
    ['services', 'measured at', 'dom p50', 'dom p95', 'frame p50', 'frame p95', 'target p95', 'verdict'],
    rows.map((r) => {
      const dom = r.samples.map((s) => s.dom);
      const frame = r.samples.map((s) => s.frame);
      const target = TARGET_P95_MS[r.n];
      const p95 = percentile(dom, 95);
      return [String(r.n), r.where, fmt(percentile(dom, 50)), fmt(p95), fmt(percentile(frame, 50)), fmt(percentile(frame, 95)),
        target === undefined ? '-' : `≤ ${target}`, target === undefined ? '-' : p95 <= target ? 'met' : 'MISSED'];
    }),
  ));
});
