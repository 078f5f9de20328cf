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

/**
 * File access over a path → text map.
 *
 * @example memoryFiles({ 'a.conf': 'x = 1\n' }).read('a.conf');
 */
export function memoryFiles(files: Readonly<Record<string, string>>): FileAccess {
  const paths = Object.keys(files);
  return {
    glob: (pattern) =>
      expandBraces(pattern).flatMap((alt) => {
        const re = globRegex(alt);
        return paths.filter((p) => re.test(p)).sort(byteOrder);
      }),
    read: (path) => (path in files ? { text: files[path]! } : { error: 'No such file or directory' }),
  };
}
