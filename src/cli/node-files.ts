/**
 * `FileAccess` over the local file system, with glob(3)-like matching
 * (`*`, `?`, `[...]`, `{a,b}`; sorted byte-wise per brace alternative) so
 * `!include` resolves as Dovecot resolves it.
 *
 * @example
 *   loadConfig({ path, text }, { version: '2.4', files: nodeFiles() });
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { FileAccess } from '../core/model/load.ts';

/** Expands `{a,b}` alternatives in order (nested braces supported). */
export function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') { if (depth === 0) open = i; depth++; }
    else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const inner = pattern.slice(open + 1, i);
        const parts: string[] = [];
        let d = 0;
        let last = 0;
        for (let j = 0; j < inner.length; j++) {
          const ch = inner[j];
          if (ch === '{') d++;
          else if (ch === '}') d--;
          else if (ch === ',' && d === 0) { parts.push(inner.slice(last, j)); last = j + 1; }
        }
        parts.push(inner.slice(last));
        const head = pattern.slice(0, open);
        const tail = pattern.slice(i + 1);
        return parts.flatMap((p) => expandBraces(head + p + tail));
      }
    }
  }
  return [pattern];
}

function segmentRegex(seg: string): RegExp {
  let re = '^';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end === -1) { re += '\\['; continue; }
      let cls = seg.slice(i + 1, end);
      if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '\\' && i + 1 < seg.length) { re += seg[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${re}$`);
}

const MAGIC = /[*?[]/;

function globOne(pattern: string): string[] {
  const abs = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => !(abs && i === 0));
  let bases = [abs ? '/' : ''];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const next: string[] = [];
    for (const base of bases) {
      const join = (name: string): string => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
      if (!MAGIC.test(seg)) {
        next.push(join(seg.replace(/\\(.)/g, '$1')));
        continue;
      }
      let names: string[];
      try { names = readdirSync(base === '' ? '.' : base); } catch { continue; }
      const re = segmentRegex(seg);
      for (const n of names) if ((!n.startsWith('.') || seg.startsWith('.')) && re.test(n)) next.push(join(n));
    }
    bases = next;
  }
  return bases
    .filter((p) => { try { statSync(p); return true; } catch { return false; } })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * File access rooted at the process's working directory (paths stay as written).
 *
 * @example nodeFiles().glob('conf.d/*.conf');
 */
export function nodeFiles(): FileAccess {
  return {
    glob: (pattern) => expandBraces(pattern).flatMap(globOne),
    read: (path) => {
      try {
        return { text: readFileSync(path, 'utf8') };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const msg = code === 'ENOENT' ? 'No such file or directory' : code === 'EACCES' ? 'Permission denied' : code === 'EISDIR' ? 'Is a directory' : String((e as Error).message);
        return { error: msg };
      }
    },
  };
}

/** Does a system user exist (reads /etc/passwd, as getpwnam does on a plain system)? */
export function passwdUsers(): (name: string) => boolean | undefined {
  let names: Set<string> | null = null;
  try {
    names = new Set(readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':')[0]!).filter((n) => n !== ''));
  } catch {
    names = null;
  }
  return (name) => (names === null ? undefined : names.has(name));
}
