/**
 * JavaScript shipped for the first paint of the app (production build,
 * `vite preview`): every .js resource the page requested before its load
 * event, with its gzip size (zlib level 9, like the size a server with
 * gzip_comp_level 9 sends). Monaco must not be among them.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { table } from './stats.ts';

const APP = `http://localhost:${process.env['BENCH_APP_PORT'] ?? 4181}/`;
const TARGET_KB = 250;

test('first paint JavaScript of the app', async ({ page }) => {
  await page.goto(APP, { waitUntil: 'load' });
  await page.waitForTimeout(200);
  const { resources, fcp, load } = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
    return {
      resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, type: (e as PerformanceResourceTiming).initiatorType })),
      fcp: paint?.startTime ?? null,
      load: nav?.loadEventStart ?? null,
    };
  });
  const scripts = [
    { name: new URL('/', APP).href, start: 0, type: 'document' },
    ...resources.filter((r) => new URL(r.name).pathname.endsWith('.js')),
  ];
  const rows: { file: string; start: number; raw: number; gzip: number; beforeFcp: boolean; beforeLoad: boolean }[] = [];
  for (const r of scripts) {
    if (r.type === 'document') continue;
    const body = await (await page.request.get(r.name)).body();
    rows.push({
      file: new URL(r.name).pathname, start: r.start, raw: body.length, gzip: gzipSync(body, { level: 9 }).length,
      beforeFcp: fcp !== null && r.start <= fcp, beforeLoad: load === null || r.start <= load,
    });
  }
  const kb = (b: number): string => (b / 1024).toFixed(1);
  const firstPaint = rows.filter((r) => r.beforeLoad);
  const total = firstPaint.reduce((a, r) => a + r.gzip, 0);
  const monaco = rows.some((r) => /monaco|editor\.main/i.test(r.file) && r.beforeLoad);
  console.log(`\nJavaScript requested by ${APP} (FCP ${fcp?.toFixed(0) ?? '?'} ms, load ${load?.toFixed(0) ?? '?'} ms)\n`);
  console.log(table(
    ['file', 'requested at ms', 'raw KB', 'gzip KB', 'before FCP', 'before load'],
    rows.map((r) => [r.file, r.start.toFixed(0), kb(r.raw), kb(r.gzip), r.beforeFcp ? 'yes' : 'no', r.beforeLoad ? 'yes' : 'no']),
  ));
  console.log(`\nfirst paint JS (before load): ${kb(total)} KB gzip, target ≤ ${TARGET_KB} KB: ${total / 1024 <= TARGET_KB ? 'met' : 'MISSED'}; Monaco in it: ${monaco ? 'YES (must be lazy)' : 'no'}`);
  expect(firstPaint.length).toBeGreaterThan(0);
});
