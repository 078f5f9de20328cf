/**
 * The built CLI, spawned the way a user runs it: `bin/dovecot-services.mjs`
 * over the tsc output of tsconfig.cli.json. The build goes to a temporary
 * directory (with a copy of the bin script) so a concurrent `vite build`,
 * which empties dist/, cannot pull it away mid-run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '../core/syntax/canonical.ts';
import { parseConfig } from '../core/syntax/parse.ts';
import { corpusConfigs, findCorpus } from '../core/testing/corpus.ts';
import { pool } from '../core/testing/oracle.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const root = mkdtempSync(join(tmpdir(), 'dovecot-cli-'));
const bin = join(root, 'bin', 'dovecot-services.mjs');
const work = join(root, 'work');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly raw: Buffer;
}

function cli(args: readonly string[], cwd = work): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'buffer' });
  return { code: r.status ?? -1, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
}

/** stdout of a CLI run, without blocking (several run at once). */
function cliAsync(args: readonly string[]): Promise<Buffer> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: work, stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', fail);
    child.on('close', () => done(Buffer.concat(chunks)));
  });
}

function file(name: string, text: string): string {
  const p = join(work, name);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return name;
}

const V24 = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\n';

beforeAll(() => {
  mkdirSync(join(root, 'bin'), { recursive: true });
  mkdirSync(work, { recursive: true });
  copyFileSync(join(REPO, 'bin', 'dovecot-services.mjs'), bin);
  const tsc = spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(REPO, 'tsconfig.cli.json'), '--outDir', join(root, 'build', 'cli')], { encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`CLI build failed:\n${tsc.stdout}${tsc.stderr}`);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('check --json', () => {
  it('prints one object per file in the issue-2 shape and exits 0 without errors', () => {
    file('warn.conf', 'protocols = imap pop3\nservice imap-login {\n  process_limit = 2000\n}\n');
    const r = cli(['check', '--json', 'warn.conf']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(o)).toEqual(['file', 'dovecot', 'errors', 'warnings', 'budgets']);
    expect(o).toMatchObject({ file: 'warn.conf', dovecot: '2.3', errors: [] });
    expect(o['warnings']).toEqual([
      { code: 'auth-client-limit', message: 'service auth { client_limit=1000 } is lower than required under max. load (2200). Counted for protocol services with service_count != 1: service pop3-login { process_limit=100 } + service imap-urlauth-login { process_limit=100 } + service imap-login { process_limit=2000 }' },
      { code: 'anvil-client-limit', message: 'service anvil { client_limit=1000 } is lower than required under max. load (2203). Counted with: service pop3-login { process_limit=100 } + service imap-urlauth-login { process_limit=100 } + service imap-login { process_limit=2000 } + service auth { process_limit=1 }' },
    ]);
    expect(o['budgets']).toMatchObject({ auth: { clientLimit: 1000, required: 2200, ok: false }, anvil: { required: 2203 } });
  });

  it('gives a parse error its line and column, a settings-check error none, and exits 1', () => {
    file('parse.conf', 'protocols = imap\nservice imap-login {\n  process_limt = 5\n}\n');
    file('stageb.conf', `${V24}protocols = imap\nservice imap {\n  process_limit = 0\n}\n`);
    const r = cli(['check', '--json', 'parse.conf', 'stageb.conf']);
    expect(r.code).toBe(1);
    const [a, b] = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { dovecot: string; errors: unknown[] });
    expect(a).toMatchObject({ file: 'parse.conf', dovecot: '2.3' });
    expect(a!.errors).toEqual([{ message: 'Unknown setting: service { process_limt', line: 3, column: 3, code: 'unknown-setting' }]);
    expect(b).toMatchObject({ file: 'stageb.conf', dovecot: '2.4' });
    expect(b!.errors).toEqual([{ message: 'service(imap): process_limit must be higher than 0', line: null, column: null, code: 'process-limit-zero' }]);
  });

  it('reads includes relative to the including file, and honours --dovecot, --protocols and --ulimit', () => {
    file('inc/main.conf', '!include conf.d/*.conf\n');
    file('inc/conf.d/10-master.conf', 'service imap-login {\n  service_count = 0\n  client_limit = 5000\n  process_limit = 4\n}\n');
    const r = cli(['check', '--json', '--protocols', 'imap', '--ulimit', '1024', 'inc/main.conf']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout) as { warnings: { message: string }[]; budgets: { fd: unknown } };
    expect(o.warnings.map((w) => w.message)).toEqual(['fd limit (ulimit -n) is lower than required under max. load (1024 < 5000), because of service imap-login { client_limit }']);
    expect(o.budgets.fd).toEqual({ required: 5000, source: 'service imap-login { client_limit }', ulimit: 1024, ok: false });
    const forced = cli(['check', '--json', '--dovecot', '2.4', 'inc/main.conf']);
    expect(JSON.parse(forced.stdout)).toMatchObject({ dovecot: '2.4', errors: [{ message: 'The first setting must be dovecot_config_version', line: 1 }] });
  });
});

describe('check (human output)', () => {
  it('prints doveconf-like lines, which version was assumed, and the budget table', () => {
    file('e07.conf', 'protocols = imap\nservice imap-login {\n  process_limit = 10\n  process_min_avail = 16\n}\n');
    const r = cli(['check', 'e07.conf']);
    expect(r.code).toBe(1);
    const out = r.stdout.split('\n');
    expect(out[0]).toBe('# e07.conf: Dovecot 2.3 (assumed: no dovecot_config_version line)');
    expect(out).toContain('doveconf: Error: service(imap-login): process_min_avail is higher than process_limit');
    expect(out).toContain('doveconf: Fatal: Error in configuration file e07.conf: service(imap-login): process_min_avail is higher than process_limit');
    expect(r.stdout).toMatch(/^budget +client_limit +required +status$/m);
    expect(r.stdout).toMatch(/^auth +1000 +110 +ok$/m);
    file('e12.conf', `${V24}protocols = imap\nservice imap-login { process_limit = 5\n}\n`);
    const p = cli(['check', 'e12.conf']);
    expect(p.stdout.split('\n').slice(0, 2)).toEqual(['# e12.conf: Dovecot 2.4 (assumed: dovecot_config_version is set)', "doveconf: Fatal: Error in configuration file e12.conf line 4: Garbage after '{'"]);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [[]],
    [['frobnicate']],
    [['check']],
    [['check', '--dovecot', '2.5', 'x.conf']],
    [['check', '--bogus', 'x.conf']],
    [['check', '--ulimit', 'lots', 'x.conf']],
    [['check', 'does-not-exist.conf']],
    [['format', 'a.conf', 'b.conf']],
    [['convert', 'x.conf']],
  ])('%j', (args) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dovecot-services: .*\nusage:/);
  });
});

describe('format', () => {
  it('is lossless byte for byte, even for bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('service  imap-login{\r\n\tprocess_limit=5 # x\r\n}\r\n'), Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from('a = "\\"\n')]);
    writeFileSync(join(work, 'bytes.conf'), bytes);
    expect(cli(['format', 'bytes.conf']).raw.equals(bytes)).toBe(true);
  });

  it('--canonical prints the canonical form', () => {
    file('c.conf', 'service  imap-login {\nprocess_limit=5\n\n\n}\n');
    const r = cli(['format', '--canonical', 'c.conf']);
    expect(r.stdout).toBe('service imap-login {\n  process_limit = 5\n}\n');
  });

  const corpus = findCorpus();
  if (corpus === null) {
    it.skip('shared corpus not found (../shared/corpus): corpus format tests skipped', () => {});
    return;
  }
  it('round-trips every corpus file and canonicalizes it like the core', async () => {
    const jobs = corpusConfigs(corpus).flatMap((c) => {
      const path = join(corpus, 'configs', c.name);
      const text = readFileSync(path, 'latin1');
      const version = /^\s*dovecot_config_version\s*=/m.test(text) ? '2.4' : '2.3';
      return [
        { name: c.name, args: ['format', path], want: readFileSync(path) },
        { name: `${c.name} --canonical`, args: ['format', '--canonical', '--dovecot', version, path], want: Buffer.from(canonicalize(parseConfig(text, version).doc), 'latin1') },
      ];
    });
    const results = await pool(jobs, 4, (j) => cliAsync(j.args));
    jobs.forEach((j, i) => expect(results[i]!.equals(j.want), j.name).toBe(true));
  });
});

describe('convert', () => {
  it('--to 2.4 renames the 2.3 keys and adds the version lines; --to 2.3 goes back', () => {
    file('old.conf', 'protocols = imap\nservice imap-login {\n  service_count = 0\n  idle_kill = 1 min\n  inet_listener imap {\n    address = 127.0.0.1\n  }\n}\n');
    const up = cli(['convert', '--to', '2.4', 'old.conf']);
    expect(up.code).toBe(0);
    expect(up.stdout).toBe(`${V24}protocols = imap\nservice imap-login {\n  restart_request_count = unlimited\n  idle_kill_interval = 1 min\n  inet_listener imap {\n    listen = 127.0.0.1\n  }\n}\n`);
    expect(up.stderr).toContain('old.conf:3: changed: service imap-login: service_count → restart_request_count = unlimited');
    file('new.conf', up.stdout);
    const down = cli(['convert', '--to', '2.3', 'new.conf']);
    expect(down.stdout).toBe('protocols = imap\nservice imap-login {\n  service_count = 0\n  idle_kill = 1 min\n  inet_listener imap {\n    address = 127.0.0.1\n  }\n}\n');
  });

  it('exits 1 when something could not be carried over', () => {
    file('dir.conf', 'service director {\n  process_limit = 1\n}\n');
    const r = cli(['convert', '--to', '2.4', 'dir.conf']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unconvertible: service director does not exist in 2.4');
  });
});
