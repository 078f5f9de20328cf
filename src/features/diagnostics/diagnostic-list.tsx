import type { analyzeConfig } from '../../core/index.ts';

type Analysis = ReturnType<typeof analyzeConfig>;
type Props = { errors: Analysis['errors']; warnings: Analysis['warnings'] };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function location(line?: number, column?: number): string | null {
  if (line === undefined) return null;
  return column === undefined ? `line ${line}` : `line ${line}:${column}`;
}

/** doveconf's own error and warning texts, errors first. */
export function DiagnosticList({ errors, warnings }: Props) {
  const total = errors.length + warnings.length;
  return (
    <section className="panel" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">
        Diagnostics
        <span className="count">{total === 0 ? 'none' : `${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}`}</span>
      </h2>
      {total === 0 ? (
        <p className="empty">No errors or warnings: doveconf would accept this configuration.</p>
      ) : (
        <ul className="diagnostics">
          {errors.map((e, i) => (
            <li key={`e${i}`} className="diagnostic diagnostic-error">
              <span className="severity">Error</span>
              <span className="message">{e.message}</span>
              <span className="meta">
                {location(e.line, e.column)} <code>{e.code}</code>
              </span>
            </li>
          ))}
          {warnings.map((w, i) => (
            <li key={`w${i}`} className="diagnostic diagnostic-warning">
              <span className="severity">Warning</span>
              <span className="message">{w.message}</span>
              <span className="meta">
                <code>{w.code}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
