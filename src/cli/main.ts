/**
 * The `dovecot-services` command: `check`, `format`, `convert` over the core.
 *
 * @example
 *   npm run --silent cli -- check --json dovecot.conf
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { checkConfig, type CheckResult } from '../core/check/check.ts';
import { convertConfig } from '../core/convert.ts';
import type { Diagnostic } from '../core/model/config.ts';
import { parseConfig, printConfig } from '../core/syntax/parse.ts';
import { canonicalize } from '../core/syntax/canonical.ts';
import { detectVersion } from '../core/check/check.ts';
import type { DovecotVersion } from '../core/data/types.ts';
import { nodeFiles, passwdUsers } from './node-files.ts';
import { budgetTable, jsonResult } from './report.ts';

const USAGE = `usage:
  dovecot-services check [--dovecot 2.3|2.4] [--protocols "imap pop3"] [--ulimit N] [--managesieve] [--json] FILE...
  dovecot-services format [--canonical] [--dovecot 2.3|2.4] FILE
  dovecot-services convert --to 2.3|2.4 [--from 2.3|2.4] FILE
`;

class UsageError extends Error {}

interface Args {
  readonly flags: Map<string, string | true>;
  readonly files: string[];
}

function parseArgs(argv: readonly string[], withValue: readonly string[], bare: readonly string[]): Args {
  const flags = new Map<string, string | true>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      if (withValue.includes(name)) {
        const v = eq === -1 ? argv[++i] : a.slice(eq + 1);
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, v);
      } else if (bare.includes(name) && eq === -1) flags.set(name, true);
      else throw new UsageError(`unknown option --${name}`);
    } else files.push(a);
  }
  return { flags, files };
}

function versionFlag(v: string | true | undefined, name: string): DovecotVersion | undefined {
  if (v === undefined) return undefined;
  if (v === '2.3' || v === '2.4') return v;
  throw new UsageError(`--${name} must be 2.3 or 2.4`);
}

function readText(file: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  try {
    return readFileSync(file, encoding);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

function humanLines(r: CheckResult): string[] {
  const out: string[] = [];
  out.push(`# ${r.file}: Dovecot ${r.version}${r.detected ? (r.version === '2.4' ? ' (assumed: dovecot_config_version is set)' : ' (assumed: no dovecot_config_version line)') : ''}`);
  if (r.checksSkipped) out.push('# note: a service number uses $SET:/%{…}; doveconf 2.4 skips the service checks without -x');
  for (const w of r.warnings) out.push(`doveconf: Warning: ${w.message}`);
  for (const e of r.errors) out.push(fatalLine(e, r));
  return out;
}

function fatalLine(e: Diagnostic, r: CheckResult): string {
  if (e.code === 'storage-version-missing') return `doveconf: Fatal: ${e.message}`;
  if (e.stage === 'B') return `doveconf: Error: ${e.message}\ndoveconf: Fatal: Error in configuration file ${r.file}: ${e.message}`;
  return `doveconf: Fatal: Error in configuration file ${e.file}${e.line !== null ? ` line ${e.line}` : ''}: ${e.message}`;
}

function check(argv: readonly string[]): number {
  const { flags, files } = parseArgs(argv, ['dovecot', 'protocols', 'ulimit', 'cpus'], ['json', 'managesieve']);
  if (files.length === 0) throw new UsageError('check needs at least one FILE');
  const version = versionFlag(flags.get('dovecot'), 'dovecot');
  const ulimitText = flags.get('ulimit');
  let ulimit: number | undefined;
  if (typeof ulimitText === 'string') {
    if (!/^[0-9]+$/.test(ulimitText)) throw new UsageError('--ulimit must be a number');
    ulimit = Number(ulimitText);
  }
  const protocols = flags.get('protocols');
  const cpuText = flags.get('cpus');
  const env = { userExists: passwdUsers() };
  const fs = nodeFiles();
  let failed = false;
  for (const file of files) {
    const text = readText(file);
    const r = checkConfig({ path: file, text }, {
      ...(version ? { version } : {}),
      ...(typeof protocols === 'string' ? { protocols } : {}),
      ...(ulimit !== undefined ? { ulimit } : {}),
      managesieve: flags.has('managesieve'),
      cpuCount: typeof cpuText === 'string' ? Number(cpuText) : cpus().length,
      env, files: fs,
    });
    if (r.errors.length > 0) failed = true;
    if (flags.has('json')) process.stdout.write(`${JSON.stringify(jsonResult(r, ulimit))}\n`);
    else {
      const lines = humanLines(r);
      process.stdout.write(`${lines.join('\n')}\n${budgetTable(r, ulimit)}\n`);
    }
  }
  return failed ? 1 : 0;
}

function format(argv: readonly string[]): number {
  const { flags, files } = parseArgs(argv, ['dovecot'], ['canonical']);
  if (files.length !== 1) throw new UsageError('format needs exactly one FILE');
  // one char per byte, so every byte comes back out unchanged (even invalid UTF-8)
  const text = readText(files[0]!, 'latin1');
  const version = versionFlag(flags.get('dovecot'), 'dovecot') ?? detectVersion(text);
  const { doc, problems } = parseConfig(text, version);
  for (const p of problems) {
    if (p.severity === 'error') process.stderr.write(`${files[0]}:${p.line}:${p.column}: ${p.message}${p.code === 'missing-close' ? ` (section started at line ${p.sectionLine})` : ''}\n`);
  }
  process.stdout.write(Buffer.from(flags.has('canonical') ? canonicalize(doc) : printConfig(doc), 'latin1'));
  return 0;
}

function convert(argv: readonly string[]): number {
  const { flags, files } = parseArgs(argv, ['to', 'from'], []);
  const to = versionFlag(flags.get('to'), 'to');
  if (to === undefined) throw new UsageError('convert needs --to 2.3|2.4');
  if (files.length !== 1) throw new UsageError('convert needs exactly one FILE');
  const text = readText(files[0]!, 'latin1');
  const from = versionFlag(flags.get('from'), 'from') ?? detectVersion(text);
  const r = convertConfig(text, from, to);
  process.stdout.write(Buffer.from(r.text, 'latin1'));
  for (const n of r.notes) process.stderr.write(`${files[0]}:${n.line}: ${n.kind}: ${n.message}\n`);
  return r.notes.some((n) => n.kind === 'unconvertible') ? 1 : 0;
}

/** Runs the CLI and returns the exit status. */
export function main(argv: readonly string[]): number {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'check': return check(rest);
      case 'format': return format(rest);
      case 'convert': return convert(rest);
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE);
        return 0;
      default:
        throw new UsageError(cmd === undefined ? 'missing command' : `unknown command ${cmd}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`dovecot-services: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}
