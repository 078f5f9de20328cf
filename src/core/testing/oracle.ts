/**
 * Runs the real reference doveconf (scripts/doveconf, Debian 2.3.19.1 / 2.4.1)
 * on configuration directories for the differential tests, a few at a time.
 *
 * @example
 *   const o = await oracleStatus();
 *   if (o.ok) { const r = await runDoveconf('2.4', dir, 'dovecot.conf'); r.stderr; }
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DovecotVersion } from '../data/types.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The wrapper script that runs the reference binaries. */
export const DOVECONF = resolve(REPO, 'scripts/doveconf');
const CACHE = process.env['DOVECONF_CACHE'] ?? resolve(REPO, '.cache/doveconf');

/** What one doveconf run printed. */
export interface OracleResult {
  readonly code: number;
  readonly stderr: string;
}

function run(cmd: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<OracleResult> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      done({ code: -1, stderr: String(e) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code: code ?? -1, stderr });
    });
  });
}

/**
 * Is the oracle usable? Fetches the cache once when it is missing (the fetch
 * script needs network access); `reason` says why not.
 */
export async function oracleStatus(): Promise<{ readonly ok: boolean; readonly reason: string }> {
  if (!existsSync(DOVECONF)) return { ok: false, reason: `reference doveconf wrapper not found (${DOVECONF})` };
  const complete = (): boolean => existsSync(resolve(CACHE, '2.3/.complete')) && existsSync(resolve(CACHE, '2.4/.complete'));
  if (!complete()) {
    const r = await run('bash', [resolve(REPO, 'scripts/fetch-doveconf.sh')], REPO, 15 * 60_000);
    if (r.code !== 0 || !complete()) return { ok: false, reason: `no reference doveconf in ${CACHE} and fetching it failed: ${r.stderr.trim().split('\n').pop() ?? ''}` };
  }
  const probe = await run(DOVECONF, ['2.3', '-c', '/dev/null', '-n'], REPO, 60_000);
  if (probe.code !== 0) return { ok: false, reason: `reference doveconf does not run: ${probe.stderr.trim()}` };
  return { ok: true, reason: '' };
}

/**
 * `doveconf -c MAIN -n` in `dir` (so file names print as written).
 *
 * @example await runDoveconf('2.3', '/tmp/x', 'dovecot.conf');
 */
export function runDoveconf(version: DovecotVersion, dir: string, main: string): Promise<OracleResult> {
  return run(DOVECONF, [version, '-c', main, '-n'], dir, 120_000);
}

/**
 * Runs async jobs with at most `limit` in flight, keeping the input order.
 *
 * @example await pool([1, 2, 3], 2, async (x) => x * 2); // [2, 4, 6]
 */
export async function pool<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
