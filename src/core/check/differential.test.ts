/**
 * Differential suite: seeded generated configurations (src/core/testing/generate.ts)
 * are written to temporary directories, checked by the real doveconf 2.3.19.1 /
 * 2.4.1 (`doveconf -c dovecot.conf -n` in that directory) and by the core, and
 * the verdicts must be equal: the same error text and line (no line for
 * settings-check errors), the same warnings in the same order.
 *
 * DIFF_SEED=n picks another seed (the fixed set below is the default),
 * DIFF_COUNT=n the number of configs per version and seed.
 * Skipped with a message when the reference doveconf is not available.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DovecotVersion } from '../data/types.ts';
import { nodeFiles } from '../../cli/node-files.ts';
import { generateConfigs, type GeneratedConfig } from '../testing/generate.ts';
import { parseDoveconfStderr, type DoveconfVerdict } from '../testing/doveconf-output.ts';
import { oracleStatus, pool, runDoveconf } from '../testing/oracle.ts';
import { passwdLookup } from '../testing/passwd.ts';
import { checkConfig } from './check.ts';

const SEEDS = process.env['DIFF_SEED'] ? process.env['DIFF_SEED'].split(',').map(Number) : [1];
const COUNT = Number(process.env['DIFF_COUNT'] ?? 300);
const CONCURRENCY = Number(process.env['DIFF_JOBS'] ?? 4);

/** Every rule family the generated set must reach (checked on doveconf's own output). */
const COVERAGE: Readonly<Record<DovecotVersion, readonly RegExp[]>> = {
  '2.3': [
    /client_limit=\d+ \} is lower than required.*Counted for protocol services with service_count != 1/, /service anvil \{ client_limit=\d+ \} is lower/,
    /drop_priv_before_exec=yes can't be used with chroot/, /process_min_avail is higher than process_limit/, /vsz_limit is too low$/m,
    /process_limit must be 1/, /unix_listener: path must not be empty/, /duplicate listener: \d+:/, /duplicate listener: \//,
    /You should remove base_dir prefix/, /Unknown service type/, /protocols: Unknown protocol/, /Service #\d+ is missing name/,
    /first_valid_(u|g)id can't be larger/, /default_(login|internal)_user doesn't exist/, /Unknown setting: service \{ /,
    /Unknown setting: service \{ (unix|inet|fifo)_listener \{ /, /Invalid number .*: Not a valid number/, /Number too large/, /Number too small/,
    /Invalid size/, /missing units/, /Invalid time interval/, /Milliseconds not supported/, /Invalid boolean value/, /Invalid port number/,
    /Invalid number: 0/, /Garbage after '\{'/, /Expecting '\{'/, /Unexpected '\}'/, /Missing '\}'/, /No matches/, /Recursive include file/,
    /Ambiguous '#' character/, /Global setting .* won't change the setting inside an earlier filter/, /Nested protocol/, /not allowed \(use /,
    /Invalid network mask/, /Obsolete setting/, /Unknown variable/, /listen can't be set empty/,
  ],
  '2.4': [
    /Counted for protocol services with restart_request_count != 1/, /service anvil \{ client_limit=\d+ \} is lower/,
    /drop_priv_before_exec=yes can't be used with chroot/, /process_min_avail is higher than process_limit/, /process_limit must be higher than 0/,
    /client_limit must be higher than 0/, /restart_request_count must be higher than 0/, /idle_kill_interval must be higher than 0/,
    /vsz_limit is too low \(did you mean/, /process_limit must be 1/, /unix_listener: path must not be empty/, /duplicate listener: \d+:/,
    /duplicate listener: \//, /You should remove base_dir prefix/, /Unknown service type/, /protocols: Unknown protocol/, /is missing section name/,
    /first_valid_(u|g)id can't be larger/, /default_(login|internal)_user doesn't exist/, /not found either/, /Unknown section name/,
    /not allowed under service/, /: Invalid number .*: Not a valid number/, /Number too large/, /Invalid size/, /missing units/,
    /Milliseconds not supported/, /Invalid boolean value/, /Invalid port number/, /Garbage after '\{'/, /Expecting '\{'/, /Unexpected '\}'/,
    /Missing '\}'/, /No matches/, /Recursive include file/, /Ambiguous '#' character/, /Global setting .* won't change/, /The first setting must be dovecot_config_version/,
    /Invalid dovecot_config_version/, /dovecot_config_version value can't be changed/, /Failed to expand \$SET:protocols/, /listen can't be set empty/,
    /Did you mean /, /Invalid network mask/,
  ],
};

interface Got {
  readonly error: { readonly message: string; readonly line: number | null; readonly file: string | null } | null;
  readonly warnings: readonly string[];
}

function coreVerdict(cfg: GeneratedConfig, dir: string, userExists: (n: string) => boolean | undefined): Got {
  const r = checkConfig({ path: cfg.main, text: cfg.files[cfg.main]! }, {
    version: cfg.version, files: nodeFiles(dir), env: { userExists }, cpuCount: cpus().length,
  });
  const e = r.errors[0];
  return {
    error: e ? { message: e.message, line: e.line, file: e.line === null ? null : e.file } : null,
    warnings: r.warnings.map((w) => w.message),
  };
}

function writeConfig(root: string, cfg: GeneratedConfig): string {
  const dir = join(root, cfg.id);
  for (const [p, text] of Object.entries(cfg.files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const status = await oracleStatus();

for (const version of ['2.3', '2.4'] as const) {
  describe(`differential ${version} (doveconf ${version === '2.3' ? '2.3.19.1' : '2.4.1'})`, () => {
    if (!status.ok) {
      it.skip(`reference doveconf unavailable: ${status.reason}`, () => {});
      return;
    }
    const configs = SEEDS.flatMap((seed) => generateConfigs(version, COUNT, seed));
    const expected = new Map<string, DoveconfVerdict & { stderr: string }>();
    const dirs = new Map<string, string>();
    const root = mkdtempSync(join(tmpdir(), `dovecot-diff-${version}-`));
    const userExists = passwdLookup();

    beforeAll(async () => {
      for (const cfg of configs) dirs.set(cfg.id, writeConfig(root, cfg));
      const results = await pool(configs, CONCURRENCY, (cfg) => runDoveconf(version, dirs.get(cfg.id)!, cfg.main));
      configs.forEach((cfg, i) => {
        const stderr = results[i]!.stderr;
        expected.set(cfg.id, { ...parseDoveconfStderr(stderr), stderr });
      });
    }, 900_000);
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    for (const cfg of configs) {
      it(`${cfg.id} ${cfg.feature}`, () => {
        const want = expected.get(cfg.id)!;
        const got = coreVerdict(cfg, dirs.get(cfg.id)!, userExists);
        expect(got, `doveconf stderr:\n${want.stderr}\nmain file:\n${cfg.files[cfg.main]}`).toEqual({ error: want.error, warnings: want.warnings });
      });
    }

    it('reaches every rule family of validation.md and budgets.md', () => {
      if (COUNT < 300 || process.env['DIFF_SEED']) return;
      const all = [...expected.values()].map((v) => v.stderr).join('\n');
      const missing = COVERAGE[version].filter((re) => !re.test(all)).map(String);
      expect(missing).toEqual([]);
      const passing = [...expected.values()].filter((v) => v.error === null).length;
      expect(passing).toBeGreaterThan(configs.length / 5);
    });
  });
}
