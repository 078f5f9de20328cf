/**
 * How the real doveconf will judge the exported file when a standard
 * dovecot.conf includes it (the core's exact reproduction): accepted or
 * refused, and the warnings it prints, word for word.
 *
 * @example <ExportVerdict check={result.check} target="2.4" />
 */
import type { Diagnostic, DovecotVersion } from '../../core/index.ts';
import type { ExportCheck, ExportForm } from './export-text.ts';

/** Props of the verdict. */
export interface ExportVerdictProps {
  readonly check: ExportCheck;
  readonly target: DovecotVersion;
  readonly form: ExportForm;
  /** Errors of the configuration being exported. */
  readonly sourceErrors: readonly Diagnostic[];
}

/** The verdict block. */
export function ExportVerdict({ check, target, form, sourceErrors }: ExportVerdictProps) {
  const source = sourceErrors[0];
  const error = check.errors[0];
  const state = error !== undefined ? 'error' : check.warnings.length > 0 ? 'warning' : 'ok';
  const head = error !== undefined
    ? `doveconf ${target} would refuse it: ${error.message}`
    : check.warnings.length > 0
      ? `doveconf ${target} accepts it and prints ${check.warnings.length} warning${check.warnings.length === 1 ? '' : 's'}:`
      : `doveconf ${target} accepts it without warnings.`;
  return (
    <div className="export-verdict" data-state={state}>
      {source !== undefined ? (
        <p className="export-source-errors">
          The configuration itself has {sourceErrors.length === 1 ? 'an error' : `${sourceErrors.length} errors`}
          {source.line !== null ? ` (line ${source.line}: ${source.message})` : ` (${source.message})`}.{' '}
          {form === 'changed'
            ? 'A changed-settings export leaves out what doveconf cannot read: fix it in the text first.'
            : 'The whole file is exported as typed, error included.'}
        </p>
      ) : null}
      <p role="status">{head}</p>
      {check.warnings.length > 0 ? (
        <ul aria-label="doveconf warnings">
          {check.warnings.map((w, i) => (
            <li key={`${i}-${w.code}`}>{w.message}</li>
          ))}
        </ul>
      ) : null}
      <p className="export-verdict-context">
        Checked as <code>conf.d/10-master.conf</code> included from a dovecot.conf with{' '}
        <code>protocols = {check.protocols === '' ? '(none)' : check.protocols}</code>
        {target === '2.4' ? ' after the two version lines' : ''}.
      </p>
    </div>
  );
}
