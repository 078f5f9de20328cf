/**
 * Locates the shared corpus (`../shared/corpus` beside the checkout) for tests.
 * Tests skip with a clear message when it is absent.
 *
 * @example
 *   const corpus = findCorpus(); if (!corpus) it.skip('corpus absent', () => {});
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the corpus folder, or null. */
export function findCorpus(): string | null {
  const env = process.env['DOVECOT_CORPUS'];
  if (env && existsSync(env)) return env;
  const here = dirname(fileURLToPath(import.meta.url));
  const candidate = resolve(here, '../../../../shared/corpus');
  return existsSync(join(candidate, 'checks.tsv')) ? candidate : null;
}

/** Every `configs/*.conf` file of the corpus with its text. */
export function corpusConfigs(corpus: string): { name: string; text: string }[] {
  const dir = join(corpus, 'configs');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.conf'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}
