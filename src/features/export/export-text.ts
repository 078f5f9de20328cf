/**
 * The exported 10-master.conf: either the service settings that differ from
 * the version's defaults (what `doveconf -n` lists for services) or the whole
 * file as edited, converted to the target version by the core, without the
 * 2.4 version lines (they belong at the top of dovecot.conf), and checked the
 * way the real doveconf will check it: included from a standard dovecot.conf.
 *
 * @example
 *   const out = buildExport({ text, version: '2.3', fileName: 'dovecot.conf' }, 'changed', '2.4');
 *   out.text;            // 'service imap-login {\n  process_limit = 500\n}\n'
 *   out.check.warnings;  // what doveconf 2.4 prints for it
 */
import {
  checkConfig, convertConfig, formatValue, parseConfig, applyEdits,
  type CheckOptions, type CheckResult, type ConversionNote, type Diagnostic, type DovecotVersion, type FileAccess, type TextEdit,
} from '../../core/index.ts';
import type { WrittenSetting } from '../../core/model/config.ts';
import { formatSectionValue } from '../../core/syntax/edit.ts';
import { usesPigeonhole } from '../../store/pigeonhole.ts';

/** What to export. */
export type ExportForm = 'changed' | 'whole';

/** The document being exported. */
export interface ExportSource {
  readonly text: string;
  readonly version: DovecotVersion;
  readonly fileName: string;
}

/** A note on the export: a conversion step or something left out. */
export interface ExportNote {
  /** Line in the text the step applied to (the source file or its changed-settings form); 0 = whole file. */
  readonly line: number;
  readonly kind: ConversionNote['kind'] | 'left-out';
  readonly message: string;
}

/** How doveconf will judge the export (the core's exact reproduction of it). */
export interface ExportCheck {
  /** The dovecot.conf the check wraps the export in. */
  readonly wrapper: string;
  readonly protocols: string;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

/** The export. */
export interface ExportResult {
  readonly text: string;
  readonly form: ExportForm;
  readonly from: DovecotVersion;
  readonly target: DovecotVersion;
  readonly notes: readonly ExportNote[];
  readonly check: ExportCheck;
  /** Errors of the source text itself: what doveconf cannot read is not in a changed-settings export. */
  readonly sourceErrors: readonly Diagnostic[];
}

/** The name the export gets and where the check puts it. */
export const EXPORT_FILE_NAME = '10-master.conf';
const WRAPPER_PATH = '/etc/dovecot/dovecot.conf';
const EXPORT_PATH = `/etc/dovecot/conf.d/${EXPORT_FILE_NAME}`;
const VERSION_KEYS = new Set(['dovecot_config_version', 'dovecot_storage_version']);
/** Master globals that belong to dovecot.conf, not to 10-master.conf. */
const LEFT_IN_DOVECOT_CONF = ['protocols', 'listen', 'base_dir', 'libexec_dir', 'state_dir'];

function valueText(w: WrittenSetting, version: DovecotVersion): string {
  // `<file` reads a file and must stay unquoted; a quoted value keeps its `$` literal
  if (w.form === 'file') return w.raw;
  return formatValue(w.value, version, w.form === 'quoted');
}

function line(indent: string, w: WrittenSetting, version: DovecotVersion): string {
  const v = valueText(w, version);
  return v === '' ? `${indent}${w.key} =` : `${indent}${w.key} = ${v}`;
}

/**
 * The service settings of a checked configuration that differ from the
 * version's defaults, as `doveconf -n` lists them: written `default_*`
 * globals, 2.4 root `service_*` keys, then every service block with its
 * written settings and listeners, in file order.
 *
 * @example changedSettingsText(checkConfig({ path: 'dovecot.conf', text })).text;
 */
export function changedSettingsText(result: CheckResult): { text: string; notes: ExportNote[] } {
  const v = result.version;
  const loaded = result.loaded;
  const out: string[] = [];
  const notes: ExportNote[] = [];
  const globals: WrittenSetting[] = [];
  for (const [key, w] of loaded.globals) if (key.startsWith('default_')) globals.push(w);
  const rootKeys = new Set<string>();
  for (const s of result.resolved.services) {
    for (const val of Object.values(s.values)) if (val.source === 'root' && val.sourceKey !== undefined) rootKeys.add(val.sourceKey);
  }
  for (const key of rootKeys) {
    const w = loaded.globals.get(key);
    if (w !== undefined) globals.push(w);
  }
  globals.sort((a, b) => a.at.start - b.at.start);
  for (const w of globals) out.push(line('', w, v));
  for (const key of LEFT_IN_DOVECOT_CONF) {
    if (loaded.globals.has(key) || (key === 'protocols' && loaded.protocols.at !== null)) {
      notes.push({ line: 0, kind: 'left-out', message: `${key} is not part of 10-master.conf: it stays in dovecot.conf` });
    }
  }
  for (const block of loaded.services.values()) {
    if (block.inFilter) {
      notes.push({ line: block.at.line, kind: 'left-out', message: `service ${block.name} inside a protocol/local filter is left out (the master ignores it; 2.4 refuses it)` });
      continue;
    }
    const effective = result.resolved.services.find((s) => s.name === block.name);
    const body: { start: number; text: string[] }[] = [];
    for (const w of block.settings.values()) body.push({ start: w.at.start, text: [line('  ', w, v)] });
    for (const w of block.scoped.values()) body.push({ start: w.at.start, text: [line('  ', w, v)] });
    for (const l of block.listeners.values()) {
      const builtin = effective?.listeners.find((x) => x.kind === l.kind && x.name === l.name)?.builtin ?? false;
      // an empty block of a built-in listener changes nothing; a new listener's block creates it
      if (l.settings.size === 0 && builtin) continue;
      const inner = [...l.settings.values()].map((w) => line('    ', w, v));
      body.push({ start: l.at.start, text: [`  ${l.kind} ${formatSectionValue(l.name)} {`, ...inner, '  }'] });
    }
    if (body.length === 0 && (effective?.builtin ?? false)) continue;
    body.sort((a, b) => a.start - b.start);
    if (out.length > 0) out.push('');
    out.push(`service ${formatSectionValue(block.name)} {`);
    for (const b of body) out.push(...b.text);
    out.push('}');
  }
  return { text: out.length === 0 ? '' : `${out.join('\n')}\n`, notes };
}

function changedHeader(src: ExportSource, target: DovecotVersion): string {
  const name = src.fileName.replace(/[\r\n]/g, ' ');
  return `# conf.d/${EXPORT_FILE_NAME} for Dovecot ${target}, exported by Dovecot Service Editor:\n`
    + `# the service settings of ${name} that differ from the defaults (doveconf -n).\n`;
}

/** Removes the 2.4 version lines (they must open dovecot.conf, not an included file). */
function stripVersionLines(text: string, version: DovecotVersion): { text: string; removed: string[] } {
  const { doc } = parseConfig(text, version);
  const edits: TextEdit[] = [];
  const removed: string[] = [];
  for (const n of doc.children) {
    if (n.kind === 'assign' && VERSION_KEYS.has(n.key)) {
      edits.push({ start: n.span.start, end: n.span.end, text: '' });
      removed.push(n.key);
    }
  }
  return { text: applyEdits(text, edits), removed };
}

/** Two-file access: the wrapper dovecot.conf and the export it includes. */
function wrapperFiles(wrapper: string, exported: string): FileAccess {
  const files = new Map([[WRAPPER_PATH, wrapper], [EXPORT_PATH, exported]]);
  return {
    glob: (pattern) => (files.has(pattern) ? [pattern] : []),
    read: (path) => {
      const t = files.get(path);
      return t !== undefined ? { text: t } : { error: 'No such file or directory' };
    },
  };
}

/**
 * A standard dovecot.conf that includes the export: the 2.4 version lines,
 * `protocols`, and `!include conf.d/10-master.conf`.
 *
 * @example wrapperConfig('2.4', 'imap lmtp');
 */
export function wrapperConfig(version: DovecotVersion, protocols: string): string {
  const head = version === '2.4' ? 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\n' : '';
  const p = protocols === '' && version === '2.3' ? 'none' : protocols;
  return `${head}protocols = ${p}\n!include conf.d/${EXPORT_FILE_NAME}\n`;
}

/**
 * Checks an exported file the way doveconf will see it (included from a
 * standard dovecot.conf with the given protocols). `env` tells which system
 * users exist (the browser cannot: those checks are skipped there).
 *
 * @example checkExport('service auth {\n  client_limit = 1\n}\n', '2.4', 'imap').warnings;
 */
export function checkExport(exported: string, target: DovecotVersion, protocols: string, env?: CheckOptions['env']): ExportCheck {
  const wrapper = wrapperConfig(target, protocols);
  const r = checkConfig({ path: WRAPPER_PATH, text: wrapper }, { version: target, files: wrapperFiles(wrapper, exported), ...(env ? { env } : {}) });
  return { wrapper, protocols, errors: r.errors, warnings: r.warnings };
}

/**
 * Builds the export of a document. `analysis`, when given, must be the check
 * of `src` (the store's memoised one saves checking the text twice).
 *
 * @example buildExport({ text, version: '2.4', fileName: 'dovecot.conf' }, 'whole', '2.3').notes;
 */
export function buildExport(src: ExportSource, form: ExportForm, target: DovecotVersion, analysis?: CheckResult): ExportResult {
  // the store's memoised check of the same text can be passed in (only its model is read)
  const checked = analysis ?? checkConfig({ path: src.fileName, text: src.text }, { version: src.version, managesieve: usesPigeonhole(src.text) });
  const notes: ExportNote[] = [];
  let body = src.text;
  if (form === 'changed') {
    const c = changedSettingsText(checked);
    body = c.text;
    notes.push(...c.notes);
  } else if (parseConfig(src.text, src.version).doc.children.some((n) => n.kind === 'include')) {
    notes.push({ line: 0, kind: 'left-out', message: 'the file has !include lines: they are exported as written and resolve relative to conf.d/' });
  }
  const converted = convertConfig(body, src.version, target);
  const stripped = stripVersionLines(converted.text, target);
  for (const n of converted.notes) {
    // the version lines convertConfig adds are taken out again below
    if (stripped.removed.length > 0 && n.line === 1 && n.message.startsWith('added the 2.4 version lines')) continue;
    notes.push(n);
  }
  if (stripped.removed.length > 0) {
    notes.push({
      line: 0, kind: 'left-out',
      message: `${stripped.removed.join(' and ')} left out: Dovecot 2.4 wants them as the first settings of dovecot.conf, not in conf.d/${EXPORT_FILE_NAME}`,
    });
  }
  const protocols = checked.resolved.protocols.join(' ');
  const text = form === 'changed' ? changedHeader(src, target) + stripped.text : stripped.text;
  return { text, form, from: src.version, target, notes, check: checkExport(text, target, protocols), sourceErrors: checked.allErrors };
}
