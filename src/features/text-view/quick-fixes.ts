/**
 * Quick fixes for markers, as core text edits: raise auth/anvil client_limit
 * to what the budget requires, and rename the settings Dovecot 2.4 renamed
 * (service_count ⇄ restart_request_count, idle_kill ⇄ idle_kill_interval,
 * inet_listener address ⇄ listen, default_idle_kill ⇄
 * default_idle_kill_interval) when the other version's name is refused.
 * Pure: the text view applies the edits through the store (one undo step).
 *
 * @example
 *   quickFixes(marker, doc, result)[0]; // { title: 'Set auth client_limit = 5103', edits: [...] }
 */
import type { CheckResult, ConfigDocument, DovecotVersion, TextEdit } from '../../core/index.ts';
import { setBlockSetting } from '../../core/index.ts';
import type { AssignNode } from '../../core/syntax/parse.ts';
import { blockAt, enclosingSections } from './cursor-context.ts';
import type { TextMarker } from './markers.ts';

/** One fix. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred: boolean;
}

/** Where a renamed key lives. */
type RenameScope = 'service' | 'inet_listener' | 'root';

/** A key one version refuses and the name (and value form) the other one uses. */
interface Rename {
  readonly scope: RenameScope;
  readonly from: string;
  readonly to: string;
  /** Value rewrite, when the two versions spell a value differently; null = drop the line. */
  readonly value?: (v: string) => string | null;
}

const LIMITLESS = new Set(['unlimited', 'infinite']);

/** Renames to apply when a file written for the other version is checked as `version`. */
const RENAMES: Readonly<Record<DovecotVersion, readonly Rename[]>> = {
  '2.4': [
    { scope: 'service', from: 'service_count', to: 'restart_request_count', value: (v) => (v === '0' ? 'unlimited' : v) },
    // 2.3's 0 meant "use default_idle_kill"; 2.4 rejects 0 and inherits when the line is absent
    { scope: 'service', from: 'idle_kill', to: 'idle_kill_interval', value: (v) => (v === '0' ? null : v) },
    { scope: 'inet_listener', from: 'address', to: 'listen', value: (v) => v.split(',').map((s) => s.trim()).filter((s) => s !== '').join(' ') },
    { scope: 'root', from: 'default_idle_kill', to: 'default_idle_kill_interval' },
  ],
  '2.3': [
    { scope: 'service', from: 'restart_request_count', to: 'service_count', value: (v) => (LIMITLESS.has(v) ? '0' : v) },
    { scope: 'service', from: 'idle_kill_interval', to: 'idle_kill', value: (v) => (LIMITLESS.has(v) ? '4294967295 s' : v) },
    { scope: 'inet_listener', from: 'listen', to: 'address', value: (v) => v.split(/[\s,]+/).filter((s) => s !== '').join(', ') },
    { scope: 'root', from: 'default_idle_kill_interval', to: 'default_idle_kill' },
  ],
};

/** The `key = value` statement a marker covers. */
function assignAt(doc: ConfigDocument, offset: number): AssignNode | undefined {
  const path = enclosingSections(doc, offset);
  const nodes = path.length > 0 ? path[path.length - 1]!.children : doc.children;
  return nodes.find((n): n is AssignNode => n.kind === 'assign' && n.span.start <= offset && offset < n.span.end);
}

function budgetFix(service: 'auth' | 'anvil', required: number, doc: ConfigDocument): QuickFix {
  return {
    title: `Set ${service} client_limit = ${required}`,
    edits: setBlockSetting(doc, { service }, 'client_limit', String(required)),
    preferred: true,
  };
}

function renameFix(marker: TextMarker, doc: ConfigDocument, version: DovecotVersion): QuickFix | null {
  const node = assignAt(doc, marker.start);
  if (node === undefined) return null;
  const block = blockAt(doc, node.span.start);
  const scope: RenameScope | null = block.kind === 'service' ? 'service'
    : block.kind === 'listener' && block.listener === 'inet_listener' ? 'inet_listener'
      : block.kind === 'root' ? 'root' : null;
  const rename = RENAMES[version].find((r) => r.scope === scope && r.from === node.key);
  if (rename === undefined) return null;
  const value = rename.value === undefined ? node.value : rename.value(node.value);
  if (value === null) {
    return {
      title: `Remove ${node.key} = ${node.value} (2.3's "use the default"; Dovecot ${version} inherits the default without it)`,
      edits: [{ start: node.span.start, end: node.span.end, text: '' }], preferred: true,
    };
  }
  const edits: TextEdit[] = [{ start: node.keySpan.start, end: node.keySpan.end, text: rename.to }];
  if (value !== node.value) edits.push({ start: node.valueSpan.start, end: node.valueSpan.end, text: value });
  const shown = value !== node.value ? `${rename.to} = ${value}` : rename.to;
  return { title: `Rename to ${shown} (Dovecot ${version} name)`, edits, preferred: true };
}

/**
 * The fixes for one marker of a check of `doc.text`.
 *
 * @example quickFixes(marker, parseConfig(text, '2.4').doc, checkConfig({ path, text })).map((f) => f.title);
 */
export function quickFixes(marker: TextMarker, doc: ConfigDocument, result: CheckResult): QuickFix[] {
  switch (marker.code) {
    case 'auth-client-limit':
      return [budgetFix('auth', result.budgets.auth.required, doc)];
    case 'anvil-client-limit':
      return [budgetFix('anvil', result.budgets.anvil.required, doc)];
    case 'unknown-setting': {
      const fix = renameFix(marker, doc, result.version);
      return fix === null ? [] : [fix];
    }
    default:
      return [];
  }
}
