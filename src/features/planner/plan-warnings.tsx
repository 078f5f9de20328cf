/**
 * Where the plan cannot fit: memory, file descriptors, 32-bit wraps,
 * `unlimited` process limits, process_limit-1 services, doveconf's verdict.
 *
 * @example <PlanWarnings warnings={assessment.warnings} />
 */
import { RULE_SOURCES, type PlanWarning } from '../../core/planner/index.ts';

/** Props of the list. */
export interface PlanWarningsProps {
  readonly warnings: readonly PlanWarning[];
}

const LABEL: Record<PlanWarning['severity'], string> = { danger: 'does not fit', caution: 'caution', info: 'note' };

/** The findings, most serious first. */
export function PlanWarnings({ warnings }: PlanWarningsProps) {
  const danger = warnings.filter((w) => w.severity === 'danger').length;
  return (
    <section className="pl-card" aria-label="Plan findings">
      <header className="pl-card-head">
        <h3>Findings</h3>
        <span className={`pl-verdict ${danger > 0 ? 'is-over' : 'is-ok'}`}>{danger > 0 ? `${danger} problem${danger === 1 ? '' : 's'}` : 'fits'}</span>
      </header>
      {warnings.length === 0 ? <p className="pl-empty">The plan fits: doveconf accepts it with no warnings and every limit holds.</p> : (
        <ul className="pl-findings">
          {warnings.map((w, i) => (
            <li key={`${w.code}-${i}`} className={`pl-finding is-${w.severity}`}>
              <span className="pl-sev">{LABEL[w.severity]}</span>
              <span className="pl-finding-text">
                {w.message}
                {w.source !== undefined ? <span className="pl-source" title={RULE_SOURCES[w.source].where}>{RULE_SOURCES[w.source].label}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
