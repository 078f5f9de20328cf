#!/usr/bin/env node
// Benchmark: the core's check against the real doveconf on big configurations.
//
//   npm run bench
//   node bench/check-bench.mjs [--sizes 100,500,2000,5000] [--runs 5] [--budget 120]
//
// The CLI is built for the run with tsconfig.cli.json into a private temporary
// directory (with a copy of bin/dovecot-services.mjs), so nothing else emptying
// dist/ (e.g. `vite build`) can pull it away during the measurements.
//
// For each size N it writes one configuration per version with N custom
// services of 11 lines each (every 10th a login service, so the auth/anvil
// budgets and their warnings are exercised) and measures, as the median of
// several runs, both wall-clock time and CPU time (user + system; the machine
// may be shared, and CPU time is what a busy machine distorts least):
//   core (process)    node bin/dovecot-services.mjs check --json FILE (cold, whole process)
//   core (in-process) checkConfig() of build/cli, file read included, after 3 warm-up runs
//   doveconf 2.3 / 2.4  scripts/doveconf VER -c FILE -n (whole process, users namespace wrapper included)
// Runs of a slow command are capped: once the runs so far would exceed the time
// budget (--budget seconds per command), no more are made (at least one), and the
// table says how many were used. doveconf 2.4 grows faster than linearly (about
// 10 s at 5000 services on the reference machine), so it gets fewer runs there.
// The verdicts (error + warnings) of the core and of doveconf are compared too.
// No test asserts a time; this only prints figures.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const sizes = opt('--sizes', '100,500,2000,5000').split(',').map(Number);
const maxRuns = Number(opt('--runs', '5'));
const budget = Number(opt('--budget', '120')) * 1000;

const root = mkdtempSync(join(tmpdir(), 'dovecot-bench-'));
const dist = join(root, 'build/cli');
const build = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(repo, 'tsconfig.cli.json'), '--outDir', dist], { encoding: 'utf8' });
if (build.status !== 0) {
  console.error(`bench: building the CLI failed:\n${build.stdout}${build.stderr}`);
  process.exit(2);
}
mkdirSync(join(root, 'bin'));
copyFileSync(join(repo, 'bin/dovecot-services.mjs'), join(root, 'bin/dovecot-services.mjs'));
const { checkConfig } = await import(pathToFileURL(join(dist, 'core/check/check.js')).href);
const { nodeFiles, passwdUsers } = await import(pathToFileURL(join(dist, 'cli/node-files.js')).href);
const { parseDoveconfStderr } = await import(pathToFileURL(join(dist, 'core/testing/doveconf-output.js')).href);
const doveconf = join(repo, 'scripts/doveconf');
const oracle = existsSync(join(repo, '.cache/doveconf/2.3/.complete')) && existsSync(join(repo, '.cache/doveconf/2.4/.complete'));

/**
 * N services, 11 lines each, shaped like real service blocks: a TCP listener
 * with its own port (the part that makes doveconf 2.4 slow: its filter lookups
 * grow with the number of listeners), limits, and every tenth a login service.
 */
function config(version, n) {
  const out = version === '2.4' ? ['dovecot_config_version = 2.4.1', 'dovecot_storage_version = 2.4.1'] : [];
  out.push('protocols = imap pop3 lmtp submission');
  for (let i = 0; i < n; i++) {
    const name = `svc-${String(i).padStart(5, '0')}`;
    const login = i % 10 === 0;
    out.push(
      `service ${name} {`,
      login ? 'type = login' : 'executable = script-login /usr/local/bin/hook',
      login ? 'protocol = imap' : `process_min_avail = ${i % 3}`,
      `process_limit = ${10 + (i % 90)}`,
      `client_limit = ${100 + (i % 900)}`,
      `vsz_limit = ${256 + (i % 4) * 256}M`,
      `inet_listener ${name} {`,
      `  port = ${10000 + i}`,
      '  ssl = no',
      '}',
      '}',
    );
  }
  return `${out.join('\n')}\n`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs `fn` up to maxRuns times within the time budget; `fn` returns the CPU
 * milliseconds it used. Returns the medians { ms (wall), cpu } and the run count.
 */
function measure(fn) {
  const walls = [];
  const cpuTimes = [];
  let spent = 0;
  while (walls.length < maxRuns) {
    const t0 = process.hrtime.bigint();
    const cpu = fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    walls.push(ms);
    cpuTimes.push(cpu);
    spent += ms;
    if (spent + ms > budget) break;
  }
  return { ms: median(walls), cpu: median(cpuTimes), runs: walls.length };
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** A whole process; its CPU time comes from /usr/bin/time (children included). */
function spawnTimed(cmd, argv, cwd) {
  let result;
  const m = measure(() => {
    const full = TIME ? [TIME, '-f', '@@cpu %U %S', cmd, ...argv] : [cmd, ...argv];
    result = spawnSync(full[0], full.slice(1), { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    const lines = (result.stderr ?? '').split('\n');
    const t = lines.findLast((l) => l.startsWith('@@cpu '));
    if (t !== undefined) result.stderr = lines.filter((l) => !l.startsWith('@@cpu ')).join('\n');
    return t === undefined ? NaN : t.slice(6).split(' ').reduce((a, x) => a + Number(x) * 1000, 0);
  });
  return { ...m, stderr: result.stderr ?? '', stdout: result.stdout ?? '', status: result.status };
}

/** In-process: wall and CPU (process.cpuUsage, GC threads included). */
function inProcess(fn) {
  for (let i = 0; i < 3; i++) fn();
  return measure(() => {
    const c = process.cpuUsage();
    fn();
    const u = process.cpuUsage(c);
    return (u.user + u.system) / 1000;
  });
}

const rows = [];
const env = { userExists: passwdUsers() };
const files = nodeFiles();
for (const n of sizes) {
  for (const version of ['2.3', '2.4']) {
    const dir = join(root, `${version}-${n}`);
    mkdirSync(dir);
    const file = join(dir, 'dovecot.conf');
    const text = config(version, n);
    writeFileSync(file, text);
    const lines = text.split('\n').length - 1;
    const proc = spawnTimed(process.execPath, [join(root, 'bin/dovecot-services.mjs'), 'check', '--json', file], dir);
    if (proc.status !== 0 && proc.status !== 1) throw new Error(`the CLI failed on ${file}: ${proc.stderr}`);
    let verdict;
    const inproc = inProcess(() => {
      verdict = checkConfig({ path: 'dovecot.conf', text: readFileSync(file, 'utf8') }, { version, files, env, cpuCount: cpus().length });
    });
    const row = { n, version, lines, proc, inproc, doveconf: null, same: null };
    if (oracle) {
      const d = spawnTimed(doveconf, [version, '-c', 'dovecot.conf', '-n'], dir);
      const want = parseDoveconfStderr(d.stderr);
      const got = { error: verdict.errors[0] ? verdict.errors[0].message : null, warnings: verdict.warnings.map((w) => w.message) };
      row.doveconf = d;
      row.same = JSON.stringify({ error: want.error?.message ?? null, warnings: want.warnings }) === JSON.stringify(got);
    }
    rows.push(row);
    const f = (m) => `${m.ms.toFixed(1)} ms wall / ${m.cpu.toFixed(1)} ms cpu (${m.runs} runs)`;
    console.error(`${version} ${n} services: core process ${f(proc)}, in-process ${f(inproc)}${row.doveconf ? `, doveconf ${f(row.doveconf)}, same verdict: ${row.same ? 'yes' : 'NO'}` : ''}`);
  }
}
rmSync(root, { recursive: true, force: true });

const fmt = (ms) => (Number.isNaN(ms) ? '?' : ms >= 10000 ? `${(ms / 1000).toFixed(1)}s` : `${ms.toFixed(ms < 10 ? 1 : 0)}ms`);
const pair = (m) => `${fmt(m.ms)} / ${fmt(m.cpu)}`;
const ratio = (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? '?' : `${(a / b).toFixed(a / b < 10 ? 1 : 0)}×`);
const header = ['services', 'lines', 'doveconf', 'core process (wall / cpu)', 'core in-process (wall / cpu)', 'doveconf (wall / cpu)', 'runs', 'dc ÷ process (wall / cpu)', 'dc ÷ in-process (wall / cpu)', 'same verdict'];
const table = rows.map((r) => [
  String(r.n), String(r.lines), r.version === '2.3' ? '2.3.19.1' : '2.4.1',
  pair(r.proc), pair(r.inproc), r.doveconf ? pair(r.doveconf) : 'n/a',
  `${r.proc.runs}/${r.inproc.runs}/${r.doveconf ? r.doveconf.runs : '-'}`,
  r.doveconf ? `${ratio(r.doveconf.ms, r.proc.ms)} / ${ratio(r.doveconf.cpu, r.proc.cpu)}` : 'n/a',
  r.doveconf ? `${ratio(r.doveconf.ms, r.inproc.ms)} / ${ratio(r.doveconf.cpu, r.inproc.cpu)}` : 'n/a',
  r.same === null ? 'n/a' : r.same ? 'yes' : 'NO',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
console.log(`check benchmark: median of up to ${maxRuns} runs per command (fewer when slow: "runs" = process/in-process/doveconf); node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const t of table) console.log(line(t));
if (!oracle) console.log('doveconf not run: no reference doveconf in .cache/doveconf (npm run oracle fetches it)');

// linearity: time per service between the smallest and the largest size
for (const version of ['2.3', '2.4']) {
  const rs = rows.filter((r) => r.version === version);
  if (rs.length < 2) continue;
  const a = rs[0];
  const b = rs[rs.length - 1];
  const per = (r, m) => m.cpu / r.n;
  const note = (label, ma, mb) => `${label} ${(per(a, ma) * 1000).toFixed(1)} → ${(per(b, mb) * 1000).toFixed(1)} µs cpu/service (×${(per(b, mb) / per(a, ma)).toFixed(2)})`;
  const parts = [note('core in-process', a.inproc, b.inproc)];
  if (a.doveconf && b.doveconf) parts.push(note('doveconf', a.doveconf, b.doveconf));
  console.log(`linearity ${version}, ${a.n} → ${b.n} services: ${parts.join('; ')} (×1 = linear)`);
}
