/**
 * Stage 4: configuration files → `LoadedConfig`, reading them the way
 * doveconf's `config_parse_file()` does: one stream of lines across files
 * (`!include` pushes the matched files, first match on top; a section may be
 * opened in one file and closed in another; a continuation at the end of an
 * included file joins the includer's next line), one section stack, and each
 * line applied with the version's rules (load-23.ts / load-24.ts, plus 2.3's
 * obsolete-setting rewrites). doveconf stops at the first error; the loader
 * keeps going so the editor can show everything, and `errors[0]` is
 * doveconf's verdict.
 *
 * @example
 *   const cfg = loadConfig({ path: 'd.conf', text: 'foo = 1\n' }, { version: '2.3' });
 *   cfg.errors[0]?.message; // "Unknown setting: foo"
 */
import type { DovecotVersion } from '../data/types.ts';
import { lineStarts, positionAt } from '../syntax/parse.ts';
import { LineScanner, sourceOffset } from '../syntax/lines.ts';
import { classifyLine } from '../syntax/statement.ts';
import type { LoadedConfig, SourceRef } from './config.ts';
import { LoadState, type Line } from './load-state.ts';
import { assign23, sectionBegin23, sectionEnd23 } from './load-23.ts';
import { assign24, sectionBegin24, sectionEnd24, versionLine24 } from './load-24.ts';
import { OldSettings23 } from './old-settings-23.ts';
import { builtinServices } from './resolve.ts';

export { SUPPORTED_CONFIG_VERSIONS_24 } from './versions.ts';

/** Reads files for `!include`; absent in the browser. */
export interface FileAccess {
  /** Paths matching a glob pattern, in glob(3) order ([] when none), or null when unknowable. */
  glob(pattern: string): readonly string[] | null;
  /** File text, or an error text (`No such file or directory`). */
  read(path: string): { readonly text: string } | { readonly error: string };
}

/** Options of `loadConfig`. */
export interface LoadOptions {
  readonly version: DovecotVersion;
  readonly files?: FileAccess;
  /** Pigeonhole's managesieve services are installed (2.3 path keys can only reach existing services). */
  readonly managesieve?: boolean;
}

interface Input {
  readonly path: string;
  readonly text: string;
  readonly lines: LineScanner;
  /** Line start offsets, computed when first needed (ambiguous '#' columns). */
  starts: readonly number[] | null;
  /** Last physical line read (doveconf's linenum; 0 before the first). */
  linenum: number;
}

/** Joins a relative include pattern to the including file's folder, as Dovecot does. */
export function includePath(pattern: string, includingFile: string): string {
  if (pattern.startsWith('/')) return pattern;
  const slash = includingFile.lastIndexOf('/');
  return slash === -1 ? pattern : `${includingFile.slice(0, slash)}/${pattern}`;
}

class Loader {
  readonly s: LoadState;
  readonly inputs: Input[] = [];
  readonly old: OldSettings23 | null;
  /** Continuation text carried from the end of an included file. */
  carry = '';

  constructor(readonly version: DovecotVersion, readonly files: FileAccess | undefined, main: string, managesieve: boolean) {
    this.s = new LoadState(version, main, builtinServices(version, managesieve));
    this.old = version === '2.3' ? new OldSettings23() : null;
  }

  open(path: string, text: string): void {
    this.s.cfg.files.push(path);
    this.inputs.push({ path, text, lines: new LineScanner(text, this.version), starts: null, linenum: 0 });
  }

  run(): void {
    while (this.inputs.length > 0) {
      const input = this.inputs[this.inputs.length - 1]!;
      const raw = input.lines.next();
      if (raw === null) {
        this.inputs.pop();
        continue;
      }
      input.linenum = raw.lastLine;
      for (const h of raw.ambiguousHash) {
        const pos = positionAt(input.starts ??= lineStarts(input.text), h.offset);
        this.s.warn('ambiguous-hash',
          `Configuration file ${input.path} line ${h.line}: Ambiguous '#' character in line, treating it as comment. Add a space before it to remove this warning.`,
          { file: input.path, line: h.line, column: pos.column, start: h.offset, end: h.offset + 1 });
      }
      if (raw.trivia) {
        this.carry = raw.pending !== undefined ? this.carry + raw.pending : '';
        continue;
      }
      const logical = this.carry + raw.logical;
      this.carry = '';
      // the first character is on the first physical line of the statement
      const at: SourceRef = { file: input.path, line: raw.lastLine, column: sourceOffset(raw, 0) - raw.start + 1, start: raw.start, end: raw.end };
      this.line({ st: classifyLine(logical, this.version), at });
    }
    const s = this.s;
    if (s.frames.length > 1) {
      const top = s.top;
      s.diag('missing-close', `Missing '}' (section started at ${top.openFile}:${top.openLine})`, null, { line: null, file: s.cfg.file });
    }
  }

  line(line: Line): void {
    const s = this.s;
    const st = line.st;
    if (this.version === '2.4' && (versionLine24(s, line) || s.failed && s.cfg.configVersion === null)) return;
    if (this.old !== null && this.old.handle(s, line)) return;
    switch (st.type) {
      case 'error':
        s.diag(st.code, st.message, line.at);
        return;
      case 'assign':
        if (this.version === '2.3') assign23(s, line);
        else assign24(s, line);
        return;
      case 'group-apply':
        if (s.frames.some((f) => f.kind === 'swallow' && f.key.startsWith('@'))) s.diag('section-not-allowed', 'Recursive include groups not allowed', line.at);
        return;
      case 'section-open':
        if (this.version === '2.3') sectionBegin23(s, st.name, st.value, line);
        else sectionBegin24(s, st.name, st.value, st.quoted, line);
        return;
      case 'group-define':
        if (s.frames.length > 1) {
          s.push({ kind: 'swallow', key: `@${st.group}`, scope: s.scope }, line.at);
          s.diag('section-not-allowed', 'groups must defined at top-level, not under filters', line.at);
        } else s.push({ kind: 'swallow', key: `@${st.group}`, scope: s.scope }, line.at);
        return;
      case 'section-close':
        if (this.version === '2.3') sectionEnd23(s, line);
        else sectionEnd24(s, line);
        return;
      case 'include':
        this.include(st.pattern, st.optional, line);
        return;
    }
  }

  include(pattern: string, optional: boolean, line: Line): void {
    const s = this.s;
    const including = this.inputs[this.inputs.length - 1]!;
    const full = includePath(pattern, including.path);
    const matches = this.files?.glob(full) ?? null;
    if (matches === null) {
      s.cfg.unresolvedIncludes.push({
        code: 'include-unresolved', severity: 'info', stage: 'app', file: line.at.file, line: line.at.line, column: line.at.column,
        start: line.at.start, end: line.at.end,
        message: `${optional ? '!include_try' : '!include'} ${pattern} was not resolved here; the line is kept as written`,
      });
      return;
    }
    if (matches.length === 0) {
      if (!optional) s.diag('include-no-matches', 'No matches', line.at);
      return;
    }
    // pushed last match first, so the first match is read first; a failure is
    // reported at the file on top of the stack (line 0 when it was just pushed)
    for (let i = matches.length - 1; i >= 0; i--) {
      const m = matches[i]!;
      const top = this.inputs[this.inputs.length - 1]!;
      const where = { ...line.at, file: top.path, line: top.linenum };
      if (this.inputs.some((x) => x.path === m)) {
        s.diag('include-recursive', `Recursive include file: ${m}`, where);
        return;
      }
      const r = this.files!.read(m);
      if ('error' in r) {
        if (optional) continue;
        s.diag('include-open-failed', `Couldn't open include file ${m}: ${r.error}`, where);
        return;
      }
      this.open(m, r.text);
    }
  }
}

/**
 * Loads a configuration (main file plus includes) for one version.
 *
 * @example
 *   loadConfig({ path: 'dovecot.conf', text }, { version: '2.4', files: nodeFiles() });
 */
export function loadConfig(main: { readonly path: string; readonly text: string }, opts: LoadOptions): LoadedConfig {
  const l = new Loader(opts.version, opts.files, main.path, opts.managesieve ?? false);
  l.open(main.path, main.text);
  l.run();
  return l.s.cfg;
}
