/**
 * Derived data, memoised on the inputs that matter, so components never
 * compute Dovecot rules themselves (style.md habit 5). Texts above
 * `LARGE_TEXT_CHARS` are checked off the main thread (background-check.ts):
 * for them `selectAnalysis` returns the worker's latest result, and
 * `selectAnalysisPending` says whether a newer one is on its way.
 *
 * @example const analysis = selectAnalysis(store.getState());
 */
import { checkConfig, parseConfig, type CheckResult, type ConfigDocument, type Diagnostic, type DovecotVersion } from '../core/index.ts';
import { serviceConnections, type Connection } from '../core/graph/connections.ts';
import type { BackgroundAnalysis } from './check-slice.ts';
import type { EditorState } from './editor-store.ts';
import { LARGE_TEXT_CHARS } from './limits.ts';
import { usesPigeonhole } from './pigeonhole.ts';

/** What the analysis depends on (the background result is optional for callers that check a text of their own). */
export type AnalysisInput = Pick<EditorState, 'text' | 'version' | 'fileName' | 'ulimit'> & { readonly background?: BackgroundAnalysis | null };

let lastKey: { text: string; version: string; ulimit: number } | null = null;
let lastAnalysis: CheckResult | null = null;
const placeholders = new Map<DovecotVersion, CheckResult>();

/** Shown while the first check of a large text runs: the version's built-in services, nothing written. */
function placeholder(version: DovecotVersion, fileName: string): CheckResult {
  let p = placeholders.get(version);
  if (p === undefined) {
    p = checkConfig({ path: fileName, text: '' }, { version });
    placeholders.set(version, p);
  }
  return p;
}

/** The full check of the current text (doveconf verdict, budgets, effective services). */
export function selectAnalysis(s: AnalysisInput): CheckResult {
  if (s.text.length > LARGE_TEXT_CHARS) return s.background?.result ?? placeholder(s.version, s.fileName);
  if (lastKey !== null && lastAnalysis !== null && lastKey.text === s.text && lastKey.version === s.version && lastKey.ulimit === s.ulimit) {
    return lastAnalysis;
  }
  lastAnalysis = checkConfig({ path: s.fileName, text: s.text }, { version: s.version, ulimit: s.ulimit, managesieve: usesPigeonhole(s.text) });
  lastKey = { text: s.text, version: s.version, ulimit: s.ulimit };
  return lastAnalysis;
}

/** True while the analysis shown is not yet the one of the current text (large texts only). */
export function selectAnalysisPending(s: AnalysisInput): boolean {
  if (s.text.length <= LARGE_TEXT_CHARS) return false;
  const b = s.background ?? null;
  return b === null || b.text !== s.text || b.version !== s.version || b.ulimit !== s.ulimit;
}

let connectionsFor: CheckResult | null = null;
let lastConnections: Connection[] = [];

/** Connections between services of the current analysis. */
export function selectConnections(s: AnalysisInput): Connection[] {
  const analysis = selectAnalysis(s);
  if (analysis !== connectionsFor) {
    lastConnections = serviceConnections(analysis.resolved);
    connectionsFor = analysis;
  }
  return lastConnections;
}

let lastDocText: string | null = null;
let lastDocVersion: string | null = null;
let lastDoc: ConfigDocument | null = null;

/** The syntax tree of the current text (for computing edits). */
export function selectDocument(s: Pick<EditorState, 'text' | 'version'>): ConfigDocument {
  if (lastDoc === null || lastDocText !== s.text || lastDocVersion !== s.version) {
    lastDoc = parseConfig(s.text, s.version).doc;
    lastDocText = s.text;
    lastDocVersion = s.version;
  }
  return lastDoc;
}

/** Problems that name one service. */
export interface ServiceProblems {
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

let problemsFor: CheckResult | null = null;
let lastProblems: ReadonlyMap<string, ServiceProblems> = new Map();

/** Every error (all of them, not only doveconf's first) and warning, grouped by the services they name. */
export function selectServiceProblems(s: AnalysisInput): ReadonlyMap<string, ServiceProblems> {
  const analysis = selectAnalysis(s);
  if (analysis !== problemsFor) {
    const map = new Map<string, { errors: Diagnostic[]; warnings: Diagnostic[] }>();
    const add = (d: Diagnostic, bucket: 'errors' | 'warnings'): void => {
      for (const name of new Set(d.services ?? [])) {
        let p = map.get(name);
        if (p === undefined) {
          p = { errors: [], warnings: [] };
          map.set(name, p);
        }
        p[bucket].push(d);
      }
    };
    for (const d of analysis.allErrors) add(d, 'errors');
    for (const d of analysis.warnings) add(d, 'warnings');
    lastProblems = map;
    problemsFor = analysis;
  }
  return lastProblems;
}

let lastValid: CheckResult | null = null;

/** The analysis to draw, and whether it is an older one because the current text stops at a syntax error. */
export interface ShownAnalysis {
  readonly analysis: CheckResult;
  /** The current text does not parse: `analysis` is the last one that did. */
  readonly stale: boolean;
  /** The error the current text stops at (doveconf's text), when stale. */
  readonly stoppedAt: Diagnostic | null;
}

const SYNTAX_CODES = new Set(['garbage-after-brace', 'expecting-brace', 'unexpected-close', 'missing-close']);
let lastShown: ShownAnalysis | null = null;

/**
 * While the text has a syntax error (the structure itself cannot be read), the
 * graph keeps the last model that parsed and says so; value errors do not
 * count: the model is still whole.
 *
 * @example const { analysis, stale } = selectShownAnalysis(store.getState());
 */
export function selectShownAnalysis(s: AnalysisInput): ShownAnalysis {
  const a = selectAnalysis(s);
  const syntax = a.allErrors.find((e) => SYNTAX_CODES.has(e.code)) ?? null;
  let next: ShownAnalysis;
  if (syntax === null) {
    lastValid = a;
    next = { analysis: a, stale: false, stoppedAt: null };
  } else {
    next = lastValid !== null && lastValid.version === a.version ? { analysis: lastValid, stale: true, stoppedAt: syntax } : { analysis: a, stale: false, stoppedAt: syntax };
  }
  if (lastShown !== null && lastShown.analysis === next.analysis && lastShown.stale === next.stale && lastShown.stoppedAt === next.stoppedAt) return lastShown;
  lastShown = next;
  return next;
}

let pigeonholeText: string | null = null;
let pigeonholeValue = false;

/** The text is checked as on a server with Pigeonhole (dovecot-managesieved) installed. */
export function selectPigeonhole(s: Pick<EditorState, 'text'>): boolean {
  if (pigeonholeText !== s.text) {
    pigeonholeValue = usesPigeonhole(s.text);
    pigeonholeText = s.text;
  }
  return pigeonholeValue;
}
