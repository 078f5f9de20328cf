/**
 * Parses what doveconf prints on stderr into the verdict shape the core
 * produces: the fatal error (message without prefixes, its line and file when
 * given) and the warnings in order.
 *
 * @example
 *   parseDoveconfStderr("doveconf: Fatal: Error in configuration file a.conf line 3: Unknown setting: x\n");
 *   // { error: { message: 'Unknown setting: x', line: 3, file: 'a.conf' }, warnings: [] }
 */

/** A parsed doveconf verdict. */
export interface DoveconfVerdict {
  readonly error: { readonly message: string; readonly line: number | null; readonly file: string | null } | null;
  readonly warnings: readonly string[];
}

/** Parses doveconf's stderr. */
export function parseDoveconfStderr(stderr: string): DoveconfVerdict {
  let error: DoveconfVerdict['error'] = null;
  const warnings: string[] = [];
  for (const line of stderr.split('\n')) {
    if (line.startsWith('doveconf: Warning: ')) warnings.push(line.slice('doveconf: Warning: '.length));
    else if (line.startsWith('doveconf: Fatal: ')) {
      const rest = line.slice('doveconf: Fatal: '.length);
      const withLine = /^Error in configuration file (.*?) line (\d+): (.*)$/.exec(rest);
      const noLine = /^Error in configuration file (.*?): (.*)$/.exec(rest);
      if (withLine) error = { message: withLine[3]!, line: Number(withLine[2]), file: withLine[1]! };
      else if (noLine) error = { message: noLine[2]!, line: null, file: null };
      else error = { message: rest, line: null, file: null };
    }
  }
  return { error, warnings };
}
