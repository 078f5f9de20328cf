/**
 * Which of doveconf's messages belong next to which field: a message names the
 * service (`Diagnostic.services`) and starts with the setting name (after 2.x's
 * `service(NAME): ` prefix); when it has a line, it must be the line the value
 * is written on. Messages that match no field are shown for the whole service.
 *
 * @example fieldProblems(problems, 'imap-login', 'process_limit', value.at); // ['process_limit: Invalid number abc: …']
 */
import type { Diagnostic, SourceRef } from '../../core/index.ts';

function stripService(message: string, service: string): string {
  const prefix = `service(${service}): `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** Does this diagnostic talk about `key` as written at `at`? */
export function isFieldProblem(d: Diagnostic, service: string, key: string, at: SourceRef | undefined): boolean {
  const msg = stripService(d.message, service);
  if (!(msg.startsWith(`${key}:`) || msg.startsWith(`${key} `))) return false;
  if (d.line !== null) return at !== undefined && at.line === d.line && (d.file === '' || at.file === d.file);
  return true;
}

/** Messages of `diags` for one field. */
export function fieldProblems(diags: readonly Diagnostic[], service: string, key: string, at: SourceRef | undefined): string[] {
  return diags.filter((d) => isFieldProblem(d, service, key, at)).map((d) => stripService(d.message, service));
}

/** Messages of `diags` about a listener as a whole (`unix_listener: path must not be empty`). */
export function listenerProblems(diags: readonly Diagnostic[], service: string, kind: string, at: SourceRef | undefined): string[] {
  return diags
    .filter((d) => {
      const msg = stripService(d.message, service);
      if (!msg.startsWith(`${kind}:`)) return false;
      return d.line === null || (at !== undefined && at.line === d.line);
    })
    .map((d) => stripService(d.message, service));
}

/** Does this diagnostic belong to one of the listener's fields or to the listener itself? */
export function isListenerProblem(d: Diagnostic, service: string, listener: { readonly kind: string; readonly at?: SourceRef; readonly values: Readonly<Record<string, { readonly at?: SourceRef }>> }): boolean {
  if (Object.entries(listener.values).some(([key, v]) => isFieldProblem(d, service, key, v.at))) return true;
  return listenerProblems([d], service, listener.kind, listener.at).length > 0;
}
