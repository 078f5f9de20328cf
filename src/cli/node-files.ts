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
import { expandBraces, globWalk } from '../core/model/memory-files.ts';

function listDir(dir: string): string[] | null {
  try {
    return readdirSync(dir);
  } catch {
    return null;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function globOne(pattern: string): string[] {
  return globWalk(pattern, listDir, exists);
}

/**
 * File access rooted at a directory (default: the process's working directory).
 * Paths stay as written, as doveconf reports them; relative ones are resolved
 * against `root`, like doveconf run with that directory as its cwd.
 *
 * @example nodeFiles().glob('conf.d/*.conf');
 */
export function nodeFiles(root?: string): FileAccess {
  const at = (p: string): string => (root === undefined || p.startsWith('/') ? p : `${root}/${p}`);
  const relative = (alt: string): boolean => root !== undefined && !alt.startsWith('/');
  return {
    glob: (pattern) => expandBraces(pattern).flatMap((alt) => (relative(alt) ? globOne(at(alt)).map((p) => p.slice(root!.length + 1)) : globOne(alt))),
    read: (path) => {
      try {
        return { text: readFileSync(at(path), 'utf8') };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const msg = code === 'ENOENT' ? 'No such file or directory' : code === 'EACCES' ? 'Permission denied' : code === 'EISDIR' ? 'Is a directory' : String((e as Error).message);
        return { error: msg };
      }
    },
  };
}

/**
 * The system users dovecot-core's postinst creates: they exist wherever Dovecot is
 * installed, so a check on a machine without Dovecot must not report them missing.
 */
const PACKAGE_USERS = new Set(['dovecot', 'dovenull']);

/** Does a system user exist (reads /etc/passwd, as getpwnam does on a plain system)? */
export function passwdUsers(): (name: string) => boolean | undefined {
  let names: Set<string> | null = null;
  try {
    names = new Set(readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':')[0]!).filter((n) => n !== ''));
  } catch {
    names = null;
  }
  return (name) => (PACKAGE_USERS.has(name) ? true : names === null ? undefined : names.has(name));
}
