import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './playwright.config.ts';

/**
 * `npm run bench:ui`: UI performance figures (not part of `npm test`).
 * Serves the production build of the app (:4181, BENCH_APP_PORT) for the
 * first-paint JavaScript and the edit latency through the inspector, and the
 * production build of the bench page (bench/ui/harness: the graph alone on a
 * store, :4182, BENCH_PAGE_PORT) for the graph's own share of that latency.
 */
const APP_PORT = Number(process.env['BENCH_APP_PORT'] ?? 4181);
const PAGE_PORT = Number(process.env['BENCH_PAGE_PORT'] ?? 4182);

export default defineConfig({
  testDir: 'bench/ui',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 600_000,
  reporter: [['list']],
  use: { ...devices['Desktop Chrome'], viewport: { width: 1600, height: 1000 }, launchOptions: chromiumLaunch },
  webServer: [
    {
      command: `npm run build && npx vite preview --port ${APP_PORT} --strictPort --bypass-lock`,
      url: `http://localhost:${APP_PORT}`,
      reuseExistingServer: true,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `npx vite build -c bench/ui/vite.harness.config.ts && npx vite preview -c bench/ui/vite.harness.config.ts --port ${PAGE_PORT} --strictPort --bypass-lock`,
      url: `http://localhost:${PAGE_PORT}`,
      reuseExistingServer: true,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
