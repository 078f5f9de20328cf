/**
 * The core's diagnostics as editor markers: doveconf's text on the exact
 * source range. Diagnostics that doveconf prints without a position (the
 * settings check, the budget warnings) are attached to where the value they
 * are about was written (the service's `client_limit` line, a root
 * `service_process_limit`, `default_client_limit` ...), else to the
 * `service NAME {` line, else to the first statement of the file (line 1
 * when it has none). Pure (no Monaco): positions are
 * 1-based lines and UTF-16 columns, as Monaco's are.
 *
 * @example
 *   const markers = diagnosticMarkers(selectAnalysis(state), state.text);
 *   markers[0]; // { severity: 'error', message: 'Unknown setting: service { foo', startLineNumber: 8, ... }
 */
import type { CheckResult, Diagnostic, DiagnosticCode, EffectiveService, SourceRef } from '../../core/index.ts';
import { lineStarts, positionAt } from '../../core/index.ts';

/** A 1-based range in Monaco's terms. */
export interface MarkerRange {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/** One marker to show. */
export interface TextMarker extends MarkerRange {
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  readonly code: DiagnosticCode;
  /** `doveconf` for what Dovecot itself prints, `editor` for the app's own notes. */
  readonly source: 'doveconf' | 'editor';
  /** Offsets of the range in the text. */
  readonly start: number;
  readonly end: number;
  /** Services the diagnostic is about (for quick fixes). */
  readonly services: readonly string[];
}

/** Setting a positionless diagnostic is about, looked up on its first service. */
const SERVICE_KEY: Partial<Record<DiagnosticCode, string>> = {
  'drop-priv-chroot': 'drop_priv_before_exec',
  'process-limit-zero': 'process_limit',
  'process-min-avail-too-high': 'process_min_avail',
  'client-limit-zero': 'client_limit',
  'restart-request-count-zero': 'restart_request_count',
  'idle-kill-zero': 'idle_kill_interval',
  'vsz-limit-too-low': 'vsz_limit',
  'process-limit-must-be-1': 'process_limit',
  'unknown-service-type': 'type',
  'auth-client-limit': 'client_limit',
  'anvil-client-limit': 'client_limit',
  'stats-client-limit': 'client_limit',
  'fd-limit': 'client_limit',
};

/** Root setting a positionless global diagnostic is about. */
const GLOBAL_KEY: Partial<Record<DiagnosticCode, string>> = {
  'uid-range': 'first_valid_uid',
  'gid-range': 'first_valid_gid',
  'login-user-missing': 'default_login_user',
  'internal-user-missing': 'default_internal_user',
  'listen-empty': 'listen',
  'storage-version-missing': 'dovecot_config_version',
};

/** Problems the core reports at every following statement although one cause explains them all: marked once. */
const ONCE_PER_FILE: ReadonlySet<DiagnosticCode> = new Set(['first-setting-not-version']);

/** Line start offsets of a text (the core's). */
export { lineStarts };

/**
 * A text offset as a 1-based line and column, in Monaco's field names.
 *
 * @example positionOf(lineStarts('a\nbc'), 3); // { lineNumber: 2, column: 2 }
 */
export function positionOf(starts: readonly number[], offset: number): { lineNumber: number; column: number } {
  const p = positionAt(starts, offset);
  return { lineNumber: p.line, column: p.column };
}

/**
 * The range of `text[start, end)` without surrounding blanks and line ends.
 * An empty range (end of file) widens to the last line that has text.
 *
 * @example rangeOf('  a = 1\n', lineStarts('  a = 1\n'), 0, 8); // line 1, columns 3..8
 */
export function rangeOf(text: string, starts: readonly number[], start: number, end: number): MarkerRange & { start: number; end: number } {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (s === e) {
    // nothing visible: use the nearest line with text at or before the offset
    let i = Math.min(s, text.length) - 1;
    while (i >= 0 && /\s/.test(text[i]!)) i--;
    if (i < 0) {
      const nl = text.indexOf('\n');
      return { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: (nl === -1 ? text.length : nl) + 1, start: 0, end: nl === -1 ? text.length : nl };
    }
    e = i + 1;
    s = text.lastIndexOf('\n', i) + 1;
    while (s < e && /\s/.test(text[s]!)) s++;
  }
  const a = positionOf(starts, s);
  const b = positionOf(starts, e);
  return { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column, start: s, end: e };
}

function serviceAnchor(d: Diagnostic, s: EffectiveService, file: string): SourceRef | undefined {
  if (d.code === 'base-dir-prefix') {
    const path = d.message.slice(d.message.lastIndexOf(': ') + 2);
    const l = s.listeners.find((x) => x.name === path && x.at !== undefined);
    if (l?.at !== undefined && l.at.file === file) return l.at;
  }
  const key = SERVICE_KEY[d.code];
  const at = key !== undefined ? s.values[key]?.at : undefined;
  if (at !== undefined && at.file === file) return at;
  const block = s.block?.at;
  return block !== undefined && block.file === file ? block : undefined;
}

function duplicateListenerAnchor(d: Diagnostic, result: CheckResult, file: string): SourceRef | undefined {
  const id = d.message.slice('duplicate listener: '.length);
  const port = /^(\d+):/.exec(id)?.[1];
  let found: SourceRef | undefined;
  for (const s of result.resolved.services) {
    if (!s.enabled) continue;
    for (const l of s.listeners) {
      if (l.at === undefined || l.at.file !== file) continue;
      const matches = port !== undefined
        ? l.kind === 'inet_listener' && l.values['port']?.text === port
        : l.kind !== 'inet_listener' && (id === l.name || id.endsWith(`/${l.values['path']?.text ?? l.name}`));
      if (matches) found = l.values['port']?.at ?? l.at;
    }
  }
  return found;
}

/** Where a diagnostic without offsets belongs, or undefined for line 1. */
function anchorOf(d: Diagnostic, result: CheckResult, file: string, text: string): { start: number; end: number } | undefined {
  // doveconf notices a missing brace at the end of the file
  if (d.code === 'missing-close') return { start: text.length, end: text.length };
  if (d.code === 'duplicate-listener') return duplicateListenerAnchor(d, result, file);
  if (d.code === 'unknown-protocol') {
    const at = result.loaded.protocols.at;
    return at !== null && at.file === file ? at : undefined;
  }
  const gk = GLOBAL_KEY[d.code];
  if (gk !== undefined) {
    const at = result.loaded.globals.get(gk)?.at;
    return at !== undefined && at.file === file ? at : undefined;
  }
  const name = d.services?.[0];
  const s = name !== undefined ? result.resolved.services.find((x) => x.name === name) : undefined;
  return s !== undefined ? serviceAnchor(d, s, file) : undefined;
}

/** The first line that is neither blank nor a comment (else line 1): where file-level problems go. */
function firstStatementLine(text: string): { start: number; end: number } {
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(start, end).trim();
    if (line !== '' && !line.startsWith('#')) return { start, end };
    if (nl === -1) break;
    start = nl + 1;
  }
  const nl = text.indexOf('\n');
  return { start: 0, end: nl === -1 ? text.length : nl };
}

/**
 * Every error, warning and unresolved include of a check as markers on `text`
 * (the text that was checked), without duplicates (2.3 prints some warnings
 * twice), errors first.
 *
 * @example diagnosticMarkers(checkConfig({ path: 'dovecot.conf', text }), text).map((m) => m.message);
 */
export function diagnosticMarkers(result: CheckResult, text: string): TextMarker[] {
  const file = result.file;
  const starts = lineStarts(text);
  const firstStatement = firstStatementLine(text);
  const seen = new Set<string>();
  const out: TextMarker[] = [];
  const all = [...result.allErrors, ...result.warnings, ...result.loaded.unresolvedIncludes];
  for (const d of all) {
    if (d.file !== file && d.start !== undefined) continue;
    let start: number;
    let end: number;
    if (d.start !== undefined && d.end !== undefined) {
      start = d.start;
      end = d.end;
    } else {
      const at = anchorOf(d, result, file, text) ?? firstStatement;
      start = at.start;
      end = at.end;
    }
    const key = ONCE_PER_FILE.has(d.code) ? d.code : `${d.code}\u0000${d.message}\u0000${start}\u0000${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = rangeOf(text, starts, start, end);
    out.push({
      ...r,
      severity: d.severity,
      message: d.message,
      code: d.code,
      source: d.stage === 'app' ? 'editor' : 'doveconf',
      services: d.services ?? [],
    });
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return out.sort((a, b) => rank[a.severity] - rank[b.severity] || a.start - b.start);
}
