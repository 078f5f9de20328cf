/**
 * Derived data, memoised on the inputs that matter, so components never
 * compute Dovecot rules themselves (style.md habit 5).
 *
 * @example const analysis = selectAnalysis(store.getState());
 */
import { checkConfig, parseConfig, type CheckResult, type ConfigDocument } from '../core/index.ts';
import { serviceConnections, type Connection } from '../core/graph/connections.ts';
import type { EditorState } from './editor-store.ts';

let lastKey: { text: string; version: string; ulimit: number } | null = null;
let lastAnalysis: CheckResult | null = null;
let lastConnections: Connection[] = [];

/** The full check of the current text (doveconf verdict, budgets, effective services). */
export function selectAnalysis(s: Pick<EditorState, 'text' | 'version' | 'fileName' | 'ulimit'>): CheckResult {
  if (lastKey !== null && lastAnalysis !== null && lastKey.text === s.text && lastKey.version === s.version && lastKey.ulimit === s.ulimit) {
    return lastAnalysis;
  }
  lastAnalysis = checkConfig({ path: s.fileName, text: s.text }, { version: s.version, ulimit: s.ulimit });
  lastConnections = serviceConnections(lastAnalysis.resolved);
  lastKey = { text: s.text, version: s.version, ulimit: s.ulimit };
  return lastAnalysis;
}

/** Connections between services of the current analysis. */
export function selectConnections(s: Pick<EditorState, 'text' | 'version' | 'fileName' | 'ulimit'>): Connection[] {
  selectAnalysis(s);
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
