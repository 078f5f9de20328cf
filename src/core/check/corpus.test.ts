/**
 * The shared corpus: every run of checks.tsv is replayed in memory exactly as
 * run-checkers.sh lays it out, and the verdict must equal the expected stderr
 * of the real doveconf (error text and line, warnings in order).
 * Skipped with a message when ../shared/corpus is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig } from './check.ts';
import { memoryFiles } from '../model/memory-files.ts';
import { findCorpus } from '../testing/corpus.ts';
import { parseDoveconfStderr } from '../testing/doveconf-output.ts';
import { passwdLookup } from '../testing/passwd.ts';

/**
 * Runs whose expected result comes from the checker's environment, not from
 * the configuration: they are not a verdict on the config (README "What the
 * reference checker's environment changes").
 */
const ENVIRONMENT_SKIPS: Readonly<Record<string, string>> = {
  '022-danwin-mail-hosting-dovecot.2.3.txt': 'mail_plugin_dir access() on the checker host (no plugin directory)',
  '027-slimta-15-lda.2.3.txt': 'mail_plugin_dir access() on the checker host (no plugin directory)',
  '034-piratas-elaine-90-stats.2.3.txt': 'mail_plugin_dir access() on the checker host (no plugin directory)',
  '036-evolix-dovecot-1x.2.3.txt': 'mail_plugin_dir access() on the checker host (no plugin directory; `mail_plugins = sieve` in protocol lda); its 10 obsolete-setting warnings are checked by the .env run',
};

describe('corpus verdicts', () => {
  const corpus = findCorpus();
  if (corpus === null) {
    it.skip('shared corpus not found (../shared/corpus): corpus verdict tests skipped', () => {});
    return;
  }
  const rows = readFileSync(join(corpus, 'checks.tsv'), 'utf8').split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string, string, string, string, string]);
  const userExists = passwdLookup();
  for (const [out, ver, wrapper, place, src, extra] of rows) {
    const skip = ENVIRONMENT_SKIPS[out];
    const test = skip ? it.skip : it;
    test(`${out}${skip ? ` (skipped: ${skip})` : ''}`, () => {
      const files: Record<string, string> = { [place]: readFileSync(join(corpus, src), 'utf8') };
      if (extra !== '-') {
        for (const pair of extra.split(';')) {
          const eq = pair.indexOf('=');
          files[pair.slice(0, eq)] = readFileSync(join(corpus, pair.slice(eq + 1)), 'utf8');
        }
      }
      let target = place;
      if (wrapper !== '-') {
        files['dovecot.conf'] = readFileSync(join(corpus, 'wrappers', wrapper), 'utf8').replaceAll('@CONFIG@', place);
        target = 'dovecot.conf';
      }
      const expected = parseDoveconfStderr(readFileSync(join(corpus, 'expected', out), 'utf8').split('--- stderr (verbatim below this line) ---\n')[1] ?? '');
      const r = checkConfig({ path: target, text: files[target]! }, {
        version: ver as '2.3' | '2.4', files: memoryFiles(files), env: { userExists },
      });
      const got = {
        error: r.errors[0] ? { message: r.errors[0].message, line: r.errors[0].line, file: r.errors[0].line === null ? null : r.errors[0].file } : null,
        warnings: r.warnings.map((w) => w.message),
      };
      expect(got).toEqual({ error: expected.error, warnings: expected.warnings });
    });
  }
});
