/**
 * A horizontal meter: how much of a capacity a need takes. Over capacity the
 * bar is full and takes the problem colour; advisory gauges use the warning
 * colour instead of the error colour.
 *
 * @example <Gauge label="auth budget use" value={400} max={1000} />
 */

/** A need-versus-capacity bar. */
export function Gauge({ label, value, max, advisory = false }: { label: string; value: number; max: number; advisory?: boolean }) {
  const ratio = max > 0 && Number.isFinite(value) ? value / max : value > 0 ? Infinity : 0;
  const pct = Math.min(100, Math.max(0, ratio * 100));
  const state = !Number.isFinite(ratio) || ratio > 1 ? (advisory ? 'advisory' : 'over') : ratio > 0.85 ? 'near' : 'ok';
  const shown = Number.isFinite(ratio) ? `${Math.round(ratio * 100)}%` : '—';
  return (
    <div className={`gauge gauge-${state}`}>
      <div
        className="gauge-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={Math.max(max, 0)}
        aria-valuenow={Number.isFinite(value) ? Math.min(value, Math.max(max, 0)) : 0}
        aria-valuetext={`${shown} of capacity`}
      >
        <div className="gauge-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="gauge-pct">{shown}</span>
    </div>
  );
}
