/**
 * Output shapes of `check`: the JSON line per file and the human budget table.
 *
 * @example process.stdout.write(JSON.stringify(jsonResult(result)) + '\n');
 */
import type { CheckResult } from '../core/check/check.ts';
import type { ClientLimitBudget } from '../core/check/budgets.ts';

/**
 * The `--json` object of one file, exactly the shape issue 2 specifies:
 * `{"file","dovecot","errors":[{"message","line","column","code"}],"warnings":[{"message","code"}],"budgets":{...}}`.
 * Messages are doveconf's text without its `doveconf: Warning: `/`Fatal: ` and
 * `Error in configuration file PATH line N: ` prefixes; `line` is null for the
 * settings check, which has none.
 */
export function jsonResult(r: CheckResult, ulimit?: number): unknown {
  const b = r.budgets;
  const budget = (x: ClientLimitBudget): unknown => ({
    service: x.service, clientLimit: x.clientLimit, required: x.required, requiredExact: x.requiredExact,
    ok: x.ok, advisory: x.advisory, constant: x.constant, counted: x.items,
  });
  return {
    file: r.file,
    dovecot: r.version,
    errors: r.errors.map((e) => ({ message: e.message, line: e.line, column: e.column, code: e.code })),
    warnings: r.warnings.map((w) => ({ message: w.message, code: w.code })),
    budgets: {
      auth: budget(b.auth),
      anvil: budget(b.anvil),
      stats: budget(b.stats),
      fd: { required: b.fd.required, source: b.fd.source, ...(ulimit !== undefined ? { ulimit, ok: !(ulimit < b.fd.required) } : {}) },
      totals: b.totals,
      services: b.perService,
    },
  };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** A plain-text budget table. */
export function budgetTable(r: CheckResult, ulimit?: number): string {
  const b = r.budgets;
  const rows: string[][] = [['budget', 'client_limit', 'required', 'status']];
  for (const x of [b.auth, b.anvil, b.stats]) {
    rows.push([`${x.kind}${x.advisory ? ' (advisory, not checked by Dovecot)' : ''}`, String(x.clientLimit), String(x.required), x.ok ? 'ok' : 'LOW']);
  }
  rows.push([`fd (ulimit -n; ${b.fd.source})`, ulimit === undefined ? '-' : String(ulimit), String(b.fd.required), ulimit === undefined ? '-' : ulimit < b.fd.required ? 'LOW' : 'ok']);
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) => row.map((c, i) => pad(c, w[i]!)).join('  ').trimEnd());
  const mem = b.totals.memoryBytes === null ? 'unlimited' : `${(b.totals.memoryBytes / 2 ** 30).toFixed(1)} GiB`;
  lines.push(`totals: ${b.totals.processes} processes, ${b.totals.connections} connections, worst-case memory ${mem}, >= ${b.totals.fileDescriptors} file descriptors`);
  return lines.join('\n');
}
