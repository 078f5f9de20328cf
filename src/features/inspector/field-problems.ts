/**
 * Which of doveconf's messages belong next to which field: a message names the
 * service (`Diagnostic.services`) and starts with the setting name (after 2.x's
 * `service(NAME): ` prefix); when it has a line, it must be the line the value
 * is written on. Messages that match no field are shown for the whole service.
 *
 * @example fieldProblems(problems, 'imap-login', 'process_limit', 5); // ['process_limit: Invalid number abc: …']
 */
import type { Diagnostic } from '../../core/index.ts';

function stripService(message: string, service: string): string {
  const prefix = `service(${service}): `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** Does this diagnostic talk about `key` as written on `line` (the main file's line of the value)? */
export function isFieldProblem(d: Diagnostic, service: string, key: string, line: number | undefined): boolean {
  const msg = stripService(d.message, service);
  if (!(msg.startsWith(`${key}:`) || msg.startsWith(`${key} `))) return false;
  return d.line === null || (line !== undefined && line === d.line);
}

/** Messages of `diags` for one field. */
export function fieldProblems(diags: readonly Diagnostic[], service: string, key: string, line: number | undefined): string[] {
  return diags.filter((d) => isFieldProblem(d, service, key, line)).map((d) => stripService(d.message, service));
}

/** Messages of `diags` about a listener as a whole (`unix_listener: path must not be empty`). */
export function listenerProblems(diags: readonly Diagnostic[], service: string, kind: string, line: number | undefined): string[] {
  return diags
    .filter((d) => {
      const msg = stripService(d.message, service);
      if (!msg.startsWith(`${kind}:`)) return false;
      return d.line === null || (line !== undefined && line === d.line);
    })
    .map((d) => stripService(d.message, service));
}

/** Does this diagnostic belong to one of the listener's fields (written on `lines`) or to the listener itself? */
export function isListenerProblem(d: Diagnostic, service: string, kind: string, lines: ReadonlyMap<string, number>, ownLine: number | undefined): boolean {
  if ([...lines].some(([key, line]) => isFieldProblem(d, service, key, line))) return true;
  return listenerProblems([d], service, kind, ownLine).length > 0;
}
