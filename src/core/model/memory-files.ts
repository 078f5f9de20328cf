/**
 * `FileAccess` over an in-memory set of files (the browser's imported files,
 * tests). Globs support `*`, `?`, `[...]` and `{a,b}` like glob(3) with
 * GLOB_BRACE: alternatives in order, matches of each sorted byte-wise.
 *
 * @example
 *   const files = memoryFiles({ 'dovecot.conf': '!include conf.d/*.conf\n', 'conf.d/10-master.conf': '...' });
 *   files.glob('conf.d/*.conf'); // ['conf.d/10-master.conf']
 */
import type { FileAccess } from './load.ts';

/** Expands `{a,b}` alternatives in order (nested braces supported). */
export function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}' && depth > 0) {
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
          else if (ch === ',' && d === 0) {
            parts.push(inner.slice(last, j));
            last = j + 1;
          }
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

const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** Turns a glob (without braces) into a RegExp over whole paths; `*` and `?` never match `/`. */
export function globRegex(glob: string): RegExp {
  let re = '^';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) {
        re += '\\[';
        continue;
      }
      let cls = glob.slice(i + 1, end);
      if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '\\' && i + 1 < glob.length) re += glob[++i]!.replace(SPECIAL, '\\$&');
    else re += c.replace(SPECIAL, '\\$&');
  }
  return new RegExp(`${re}$`);
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Resolves `.` and `..` segments (`features/../args/x.conf` → `args/x.conf`). */
export function normalizePath(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (seg !== '..' || !abs) out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/');
}

const MAGIC = /[*?[]/;

/**
 * glob(3) over one brace-free pattern, segment by segment: literal segments are
 * kept as written, wildcard segments match the entries `listDir` gives for that
 * folder (hidden ones only when the segment starts with a dot); the matches that
 * `exists` accepts are returned sorted byte-wise. Shared by the in-memory and
 * the Node file access.
 *
 * @example globWalk('conf.d/*.conf', (dir) => readdir(dir), (p) => isFile(p));
 */
export function globWalk(pattern: string, listDir: (dir: string) => readonly string[] | null, exists: (path: string) => boolean): string[] {
  const abs = pattern.startsWith('/');
  const segs = pattern.split('/').filter((_, i) => !(abs && i === 0));
  let bases = [abs ? '/' : ''];
  for (const seg of segs) {
    const next: string[] = [];
    for (const base of bases) {
      const join = (name: string): string => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
      if (!MAGIC.test(seg)) {
        next.push(join(seg.replace(/\\(.)/g, '$1')));
        continue;
      }
      const re = globRegex(seg);
      for (const n of listDir(base === '' ? '.' : base) ?? []) if ((!n.startsWith('.') || seg.startsWith('.')) && re.test(n)) next.push(join(n));
    }
    bases = next;
  }
  return bases.filter(exists).sort(byteOrder);
}

/**
 * File access over a path → text map. Globs walk the pattern segment by
 * segment like glob(3): literal segments are kept as written (so
 * `features/../args/sasl.conf` matches `args/sasl.conf` and is reported as
 * written), wildcard segments match the entries of that folder, sorted.
 *
 * @example memoryFiles({ 'a.conf': 'x = 1\n' }).read('a.conf');
 */
export function memoryFiles(files: Readonly<Record<string, string>>): FileAccess {
  const byPath = new Map<string, string>();
  const dirs = new Map<string, Set<string>>();
  for (const [p, text] of Object.entries(files)) {
    const n = normalizePath(p);
    byPath.set(n, text);
    const parts = n.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/') || (n.startsWith('/') ? '/' : '.');
      const name = parts[i]!;
      if (name === '') continue;
      let set = dirs.get(dir);
      if (set === undefined) dirs.set(dir, (set = new Set()));
      set.add(name);
    }
  }
  const globOne = (pattern: string): string[] =>
    globWalk(pattern, (dir) => [...(dirs.get(normalizePath(dir) || '.') ?? [])], (p) => byPath.has(normalizePath(p)));
  return {
    glob: (pattern) => expandBraces(pattern).flatMap(globOne),
    read: (path) => {
      const t = byPath.get(normalizePath(path));
      return t !== undefined ? { text: t } : { error: 'No such file or directory' };
    },
  };
}
