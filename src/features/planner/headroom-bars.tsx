/**
 * Headroom per service: the expected load filling the planned maximum
 * connections, the rest is headroom; a tick marks the current maximum.
 *
 * @example <HeadroomBars rows={assessment.headroom} />
 */
import type { HeadroomRow } from '../../core/planner/index.ts';
import { formatCount, formatSignedPercent } from './format.ts';

const CLASS_LABEL: Record<HeadroomRow['serviceClass'], string> = { login: 'login', 'post-login': 'post-login', lmtp: 'deliveries' };

/** Props of the bars. */
export interface HeadroomBarsProps {
  readonly rows: readonly HeadroomRow[];
}

/** One bar per planned service. */
export function HeadroomBars({ rows }: HeadroomBarsProps) {
  return (
    <section className="pl-card" aria-label="Headroom per service">
      <header className="pl-card-head">
        <h3>Headroom per service</h3>
        <span className="pl-legend">
          <i className="pl-swatch is-load" /> expected <i className="pl-swatch is-room" /> headroom <i className="pl-swatch is-tick" /> current max
        </span>
      </header>
      {rows.length === 0 ? <p className="pl-empty">Enter an expected load to see the headroom.</p> : (
        <ul className="pl-bars">
          {rows.map((r) => {
            const scale = Math.max(r.plannedMax, r.expected, r.currentMax, 1) * 1.04;
            const over = r.plannedMax < r.expected;
            // lmtp is planned without headroom on purpose: the MTA caps its deliveries
            const tone = over ? 'is-over' : r.serviceClass !== 'lmtp' && r.headroomPercent !== null && r.headroomPercent < 10 ? 'is-tight' : 'is-ok';
            return (
              <li key={r.service} className={`pl-bar-row ${tone}`}>
                <div className="pl-bar-label">
                  <code>{r.service}</code>
                  <small>{CLASS_LABEL[r.serviceClass]}</small>
                </div>
                <div
                  className="pl-bar"
                  role="meter"
                  aria-label={`${r.service} headroom`}
                  aria-valuemin={0}
                  aria-valuemax={r.plannedMax}
                  aria-valuenow={Math.min(r.expected, r.plannedMax)}
                  aria-valuetext={`${formatCount(r.expected)} expected of ${formatCount(r.plannedMax)} max`}
                >
                  <span className="pl-bar-cap" style={{ width: `${(r.plannedMax / scale) * 100}%` }} />
                  <span className="pl-bar-fill" style={{ width: `${(Math.min(r.expected, scale) / scale) * 100}%` }} />
                  {r.currentMax > 0 ? <span className="pl-bar-tick" style={{ left: `${(r.currentMax / scale) * 100}%` }} title={`current max ${formatCount(r.currentMax)}`} /> : null}
                </div>
                <div className="pl-bar-figures">
                  <span>{formatCount(r.expected)} / {formatCount(r.plannedMax)}</span>
                  <strong>{r.headroomPercent === null ? '—' : formatSignedPercent(r.headroomPercent)}</strong>
                  <small>now {formatCount(r.currentMax)}</small>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
