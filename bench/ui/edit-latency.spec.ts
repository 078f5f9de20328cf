/**
 * Edit latency for generated configurations of 50, 500 and 2,000 services:
 * time from a setting edit to the page showing the new numbers, measured
 * inside the page with performance.now(): `dom` = the watched text changed
 * (MutationObserver), `frame` = the next animation frame after that (the
 * update is on screen at that paint), `call` = the edit call itself. On the
 * graph-only path the call is the store action with every selector it
 * triggers (the configuration check included) and the rest of `dom` is React
 * rendering; on the app path React renders inside the Enter key event, so
 * `call` ≈ `dom` there.
 *
 * - app: the production app; the configuration is imported through the file
 *   picker, imap-login is selected in the service list, and each edit types a
 *   new process_limit into the inspector and presses Enter (t0 = the Enter
 *   keydown). Watched: the "auth budget" group of "Connection budgets".
 * - graph only: the bench page (bench/ui/harness: the graph on a store);
 *   each edit is the store action the inspector calls (applyEdits). Watched:
 *   the imap-login node's limits line. Shows what the graph adds.
 */
import { expect, test, type Page } from '@playwright/test';
import { generateConfig } from './generate-config.ts';
import { percentile, table } from './stats.ts';
import type { BenchStore } from './page-globals.ts';

const SIZES = [50, 500, 2000] as const;
const WARMUP = 5;
const EDITS = 30;
const TARGET_P95_MS: Readonly<Record<number, number>> = { 500: 16, 2000: 50 };
const APP = `http://localhost:${process.env['BENCH_APP_PORT'] ?? 4181}/`;
const HARNESS = `http://localhost:${process.env['BENCH_PAGE_PORT'] ?? 4182}/`;

interface Sample { readonly sync: number; readonly dom: number; readonly frame: number }
interface Row { readonly n: number; readonly where: string; readonly samples: readonly Sample[] }

/** Opens the app with `n` services and imap-login in the inspector; marks the watched text and the field. */
async function openApp(page: Page, n: number): Promise<void> {
  await page.goto(APP);
  const name = `generated-${n}.conf`;
  await page.getByLabel('Import configuration').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(generateConfig(n)) });
  await expect(page.getByRole('status').filter({ hasText: `Imported ${name}` })).toBeVisible({ timeout: 120_000 });
  const list = page.getByRole('navigation', { name: 'Services' });
  await list.getByRole('searchbox', { name: 'Search services' }).fill('imap-login');
  await list.getByRole('button', { name: /^imap-login(?![\w-])/ }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 3 })).toHaveText('imap-login');
  await inspector.getByLabel('process_limit', { exact: true }).evaluate((el) => el.setAttribute('data-bench', 'field'));
  const auth = page.getByRole('region', { name: 'Connection budgets' }).getByRole('group', { name: 'auth budget', exact: true });
  await expect(auth).toBeVisible();
  await auth.evaluate((el) => el.setAttribute('data-bench', 'watch'));
}

/** Opens the bench page with `n` services, imap-login in view; marks the watched text. */
async function openGraphPage(page: Page, n: number): Promise<void> {
  await page.goto(`${HARNESS}?n=${n}`);
  await expect(page.locator('.react-flow')).not.toHaveAttribute('data-layout-status', 'pending', { timeout: 120_000 });
  await page.evaluate(() => window.dovecotEditorStore!.getState().select('imap-login'));
  const limits = page.locator('.react-flow__node[data-id="imap-login"] .service-node__limits');
  await expect(limits).toBeVisible({ timeout: 60_000 });
  await limits.evaluate((el) => el.setAttribute('data-bench', 'watch'));
}

/** Runs `count` edits in the page (through the inspector field when `viaField`) and returns their timings. */
async function measure(page: Page, count: number, first: number, viaField: boolean): Promise<Sample[]> {
  return page.evaluate(async (args) => {
    const nextFrame = (): Promise<number> => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const out: { sync: number; dom: number; frame: number }[] = [];
    for (let k = 0; k < args.count; k++) {
      await nextFrame();
      await nextFrame();
      const el = document.querySelector('[data-bench="watch"]');
      if (el === null) throw new Error('the watched element is gone');
      const value = String(args.first + k);
      let edit: () => void;
      if (args.viaField) {
        const field = document.querySelector<HTMLInputElement>('[data-bench="field"]');
        if (field === null) throw new Error('the process_limit field is gone');
        field.focus();
        setValue.call(field, value);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        await nextFrame();
        edit = () => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
      } else {
        const store: BenchStore = window.dovecotEditorStore!;
        const text = store.getState().text;
        const marker = 'service imap-login {\n  process_limit = ';
        const at = text.indexOf(marker);
        if (at < 0) throw new Error('imap-login block not found');
        const start = at + marker.length;
        let end = start;
        while (end < text.length && text[end]! >= '0' && text[end]! <= '9') end++;
        edit = () => store.getState().applyEdits([{ start, end, text: value }], 'bench: imap-login process_limit');
      }
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
      edit();
      // the store action returns after zustand ran every subscribed selector (the check included)
      const sync = performance.now();
      const dom = await changed;
      const frame = await nextFrame();
      out.push({ sync: sync - t0, dom: dom - t0, frame: frame - t0 });
    }
    return out;
  }, { count, first, viaField });
}

test('edit latency: app (inspector → budgets panel) and graph only, 50 / 500 / 2,000 services', async ({ page }) => {
  const rows: Row[] = [];
  for (const n of SIZES) {
    await test.step(`app, ${n} services`, async () => {
      await openApp(page, n);
      await measure(page, WARMUP, 200, true);
      rows.push({ n, where: 'app: inspector → auth budget', samples: await measure(page, EDITS, 300, true) });
    });
    await test.step(`graph only, ${n} services`, async () => {
      await openGraphPage(page, n);
      await measure(page, WARMUP, 200, false);
      rows.push({ n, where: 'graph only: store → node', samples: await measure(page, EDITS, 300, false) });
    });
  }
  const fmt = (x: number): string => x.toFixed(1);
  console.log(`\nEdit → updated text, ${EDITS} edits after ${WARMUP} warm-up, ms (performance.now() in the page)\n`);
  console.log(table(
    ['services', 'path', 'call p50', 'dom p50', 'dom p95', 'frame p50', 'frame p95', 'target p95', 'verdict'],
    rows.map((r) => {
      const sync = r.samples.map((s) => s.sync);
      const dom = r.samples.map((s) => s.dom);
      const frame = r.samples.map((s) => s.frame);
      const target = r.where.startsWith('app') ? TARGET_P95_MS[r.n] : undefined;
      const p95 = percentile(dom, 95);
      return [String(r.n), r.where, fmt(percentile(sync, 50)), fmt(percentile(dom, 50)), fmt(p95), fmt(percentile(frame, 50)), fmt(percentile(frame, 95)),
        target === undefined ? '-' : `≤ ${target}`, target === undefined ? '-' : p95 <= target ? 'met' : 'MISSED'];
    }),
  ));
  expect(rows.every((r) => r.samples.length === EDITS)).toBe(true);
});
