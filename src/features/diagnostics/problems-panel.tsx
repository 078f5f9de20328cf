/**
 * doveconf's verdict and every problem found, errors first, each with its file
 * position. doveconf itself stops at the first error; the editor lists them
 * all and marks the one doveconf would print. Clicking a problem selects the
 * service it names and asks the text view to show its line.
 *
 * @example <ProblemsPanel />
 */
// oxlint-disable-next-line import/no-unassigned-import -- this feature's stylesheet
import './problems.css';
import { useState } from 'react';
import type { Diagnostic } from '../../core/index.ts';
import { Icon } from '../../components/icon.tsx';
import { plural } from '../../components/format.ts';
import { selectAnalysis, selectAnalysisPending } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';

const selectVerdict = (s: EditorState) => selectAnalysis(s);

function where(d: Diagnostic): string | null {
  if (d.line === null) return null;
  const file = d.file !== '' ? `${d.file}:` : '';
  return d.column === null ? `${file}${d.line}` : `${file}${d.line}:${d.column}`;
}

/** The problems strip. */
export function ProblemsPanel() {
  const store = useEditorStore();
  const a = useEditor(selectVerdict);
  const pending = useEditor(selectAnalysisPending);
  const [open, setOpen] = useState<boolean | null>(null);
  const errors = a.allErrors;
  const warnings = a.warnings;
  const total = errors.length + warnings.length;
  const expanded = open ?? total > 0;
  const first = a.errors[0];

  const go = (d: Diagnostic) => {
    const s = store.getState();
    const service = d.services?.[0];
    if (service !== undefined) s.select(service);
    if (d.line !== null) s.revealAt(d.line, d.column ?? 1);
  };

  const verdict = pending
    ? 'checking…'
    : first
      ? `doveconf ${a.version} would fail`
      : warnings.length > 0
        ? `doveconf ${a.version} accepts it, with warnings`
        : `doveconf ${a.version} accepts it`;

  return (
    <section className={`problems${expanded ? ' is-open' : ''}`} aria-labelledby="problems-title">
      <header className="problems-head">
        <button type="button" className="problems-toggle" aria-expanded={expanded} aria-controls="problems-list" onClick={() => setOpen(!expanded)}>
          <Icon name="chevron" size={14} className={expanded ? 'rot-0' : 'rot-neg90'} />
          <h2 id="problems-title">Problems</h2>
        </button>
        <span className={`verdict ${first ? 'verdict-error' : warnings.length > 0 ? 'verdict-warning' : 'verdict-ok'}`}>
          <Icon name={first ? 'error' : warnings.length > 0 ? 'warning' : 'check'} size={14} />
          {verdict}
        </span>
        <span className="problems-counts">{total === 0 ? 'no problems' : `${plural(errors.length, 'error')} · ${plural(warnings.length, 'warning')}`}</span>
        {a.loaded.unresolvedIncludes.length > 0 ? (
          <span className="note-tag" title={a.loaded.unresolvedIncludes.map((d) => d.message).join('\n')}>
            {plural(a.loaded.unresolvedIncludes.length, 'include')} not read in the browser
          </span>
        ) : null}
      </header>
      {expanded ? (
        <ul id="problems-list" className="problem-list">
          {total === 0 ? <li className="empty-row">No errors or warnings: doveconf would accept this configuration.</li> : null}
          {errors.map((d, i) => (
            <li key={`e${i}`}>
              <button type="button" className="problem-row problem-error" onClick={() => go(d)}>
                <Icon name="error" size={14} />
                <span className="problem-message" title={d.message}>{d.message}</span>
                {d === first || (first !== undefined && d.message === first.message && d.line === first.line) ? <span className="mini-tag">doveconf prints this</span> : null}
                <span className="problem-where">{where(d) ?? d.services?.join(', ') ?? ''}</span>
              </button>
            </li>
          ))}
          {warnings.map((d, i) => (
            <li key={`w${i}`}>
              <button type="button" className="problem-row problem-warning" onClick={() => go(d)}>
                <Icon name="warning" size={14} />
                <span className="problem-message" title={d.message}>{d.message}</span>
                {d.stage === 'app' ? <span className="mini-tag">master at startup</span> : null}
                <span className="problem-where">{where(d) ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
