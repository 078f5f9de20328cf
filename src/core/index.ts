/**
 * Public surface of the domain core: plain TypeScript that runs in Node and in
 * the browser (no DOM, React or other UI imports).
 *
 * @example
 *   import { analyzeConfig } from './core/index.ts';
 *   analyzeConfig({ text: 'protocols = imap\n', version: '2.3' }).services.length; // 30
 */
import type { DovecotVersion } from './data/types.ts';
import { checkConfig, type CheckOptions, type CheckResult } from './check/check.ts';

export type { DovecotVersion, ListenerKind, SettingDef, SettingType, ServiceDefault } from './data/types.ts';
export { checkConfig, detectVersion, type CheckOptions, type CheckResult } from './check/check.ts';
export { computeBudgets, budgetWarnings, fdWarning, masterOrder, countsForAuth, countsForAnvil, type Budgets, type ClientLimitBudget, type FdBudget } from './check/budgets.ts';
export { loadConfig, type FileAccess } from './model/load.ts';
export { resolveServices, type EffectiveService, type EffectiveListener, type EffectiveValue, type ResolvedConfig } from './model/resolve.ts';
export type { Diagnostic, DiagnosticCode, LoadedConfig, SourceRef } from './model/config.ts';
export { parseConfig, printConfig, lineStarts, positionAt, type ConfigDocument, type ConfigNode, type SyntaxProblem } from './syntax/parse.ts';
export { canonicalize } from './syntax/canonical.ts';
export { applyEdits, setBlockSetting, setGlobal, addBlock, removeBlock, renameBlock, formatValue, type TextEdit, type BlockPath } from './syntax/edit.ts';
export { convertConfig, type ConversionNote, type ConversionResult } from './convert.ts';
export { catalogFor, type VersionCatalog } from './model/catalog.ts';

/** A service row for simple listings. */
export interface ServiceSummary {
  readonly name: string;
  readonly type: string;
  readonly protocol: string;
  readonly enabled: boolean;
  readonly builtin: boolean;
  readonly processLimit: number;
  readonly clientLimit: number;
  readonly effectiveClients: number;
  readonly maxConnections: number;
}

/** Result of `analyzeConfig`. */
export interface Analysis {
  readonly version: DovecotVersion;
  readonly services: readonly ServiceSummary[];
  readonly errors: readonly { readonly message: string; readonly line?: number; readonly column?: number; readonly code: string }[];
  readonly warnings: readonly { readonly message: string; readonly code: string }[];
  readonly result: CheckResult;
}

/**
 * Checks a configuration text and summarises its services (browser-friendly: no includes).
 *
 * @example analyzeConfig({ text }).services.find((s) => s.name === 'imap-login')?.processLimit; // 100
 */
export function analyzeConfig(input: { text: string; version?: DovecotVersion; fileName?: string }, opts: CheckOptions = {}): Analysis {
  const result = checkConfig({ path: input.fileName ?? 'dovecot.conf', text: input.text }, { ...opts, ...(input.version ? { version: input.version } : {}) });
  return {
    version: result.version,
    services: result.resolved.services.map((s) => ({
      name: s.name, type: s.type, protocol: s.protocol, enabled: s.enabled, builtin: s.builtin,
      processLimit: s.processLimit, clientLimit: s.clientLimit, effectiveClients: s.clientsPerProcess, maxConnections: s.maxConnections,
    })),
    errors: result.errors.map((e) => ({ message: e.message, code: e.code, ...(e.line !== null ? { line: e.line } : {}), ...(e.column !== null ? { column: e.column } : {}) })),
    warnings: result.warnings.map((w) => ({ message: w.message, code: w.code })),
    result,
  };
}
