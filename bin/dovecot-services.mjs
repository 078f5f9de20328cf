#!/usr/bin/env node
// Runs the compiled CLI (built by `npm run build:cli`, which `npm ci` runs via `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'cli', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('dovecot-services: the CLI is not built; run `npm run build:cli` (npm ci does it)\n');
  process.exit(2);
}
const { main } = await import(entry);
process.exitCode = main(process.argv.slice(2));
