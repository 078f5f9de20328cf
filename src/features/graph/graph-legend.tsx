/**
 * What the edge styles mean. Exceeded budgets are listed with their numbers
 * so the highlight is never the only cue.
 */
import type { CheckResult } from '../../core/index.ts';
import { formatCount } from './flow-elements.ts';

const KINDS: readonly { readonly kind: string; readonly label: string }[] = [
  { kind: 'auth', label: 'auth (SASL, userdb)' },
  { kind: 'anvil', label: 'anvil' },
  { kind: 'stats', label: 'stats writer' },
  { kind: 'worker', label: 'worker pool' },
  { kind: 'handoff', label: 'login hand-off' },
  { kind: 'optional', label: 'optional (dict, indexer, hibernate)' },
];

function Swatch({ kind }: { kind: string }) {
  return (
    <svg className={`legend-swatch legend-swatch--${kind}`} width="28" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="27" y2="5" />
    </svg>
  );
}

/** The legend panel: collapsed to a summary line (with any exceeded budget), open on demand. */
export function GraphLegend({ budgets }: { budgets: CheckResult['budgets'] }) {
  const exceeded = [budgets.auth, budgets.anvil, budgets.stats].filter((b) => !b.ok);
  const errors = exceeded.filter((b) => !b.advisory);
  return (
    <details className="graph-legend nokey nowheel">
      <summary>
        Legend
        {errors.map((b) => <span key={b.kind} className="legend-alert" title={`${b.kind} budget exceeded`}>{b.kind} exceeded</span>)}
      </summary>
      <div className="legend-body">
        <ul className="legend-list">
          {KINDS.map((k) => (
            <li key={k.kind}><Swatch kind={k.kind} />{k.label}</li>
          ))}
          <li><Swatch kind="exceeded-error" />budget exceeded</li>
          <li><Swatch kind="exceeded-advisory" />stats estimate exceeded (advisory)</li>
        </ul>
        <p className="legend-note">Edge label: most connections it can hold. Node: process_limit × clients per process = max connections.</p>
        {exceeded.length === 0 ? null : (
          <ul className="legend-exceeded">
            {exceeded.map((b) => (
              <li key={b.kind} className={b.advisory ? 'is-advisory' : 'is-error'}>
                {b.kind}: client_limit {formatCount(b.clientLimit)} &lt; {formatCount(b.requiredExact)} needed{b.advisory ? ' (not checked by Dovecot)' : ''}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
