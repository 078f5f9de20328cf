/**
 * How the auth and anvil requirements grow with the load, in the plan's login
 * mode and in the other one (SVG, no chart library).
 *
 * @example <RequirementChart curve={curve} />
 */
import type { CurvePoint, LoginMode, RequirementCurve } from '../../core/planner/index.ts';
import { formatAxis, formatCount } from './format.ts';

/** Props of the chart. */
export interface RequirementChartProps {
  readonly curve: RequirementCurve;
}

const W = 560;
const H = 230;
const PAD = { left: 48, right: 14, top: 12, bottom: 30 };
const MODE_LABEL: Record<LoginMode, string> = { 'high-security': 'high-security', 'high-performance': 'high-performance' };

/** A round step giving about four intervals up to `max`. */
function niceStep(max: number): number {
  const raw = Math.max(max, 1) / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function pathOf(points: readonly CurvePoint[], pick: 'auth' | 'anvil', x: (n: number) => number, y: (n: number) => number): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.load).toFixed(1)},${y(p[pick]).toFixed(1)}`).join(' ');
}

function atLoad(points: readonly CurvePoint[], load: number): CurvePoint | undefined {
  return points.reduce<CurvePoint | undefined>((best, p) => (best === undefined || Math.abs(p.load - load) < Math.abs(best.load - load) ? p : best), undefined);
}

/** The chart. */
export function RequirementChart({ curve }: RequirementChartProps) {
  const all = curve.series.flatMap((s) => s.points);
  if (all.length === 0 || curve.load === 0) {
    return (
      <section className="pl-card" aria-label="Requirement growth">
        <header className="pl-card-head"><h3>auth and anvil requirement vs. load</h3></header>
        <p className="pl-empty">Enter an expected load to see how the requirements grow.</p>
      </section>
    );
  }
  const xMax = Math.max(...all.map((p) => p.load), 1);
  const yStep = niceStep(Math.max(...all.map((p) => Math.max(p.auth, p.anvil)), 1));
  const yMax = yStep * Math.ceil(Math.max(...all.map((p) => Math.max(p.auth, p.anvil)), 1) / yStep);
  const x = (n: number) => PAD.left + (n / xMax) * (W - PAD.left - PAD.right);
  const y = (n: number) => H - PAD.bottom - (n / yMax) * (H - PAD.top - PAD.bottom);
  const yTicks = Array.from({ length: Math.round(yMax / yStep) + 1 }, (_, i) => i * yStep);
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * xMax);
  const [mine, other] = curve.series;
  const here = mine ? atLoad(mine.points, curve.load) : undefined;
  const there = other ? atLoad(other.points, curve.load) : undefined;
  const summary = `At ${formatCount(curve.load)} connections auth needs ${formatCount(here?.auth ?? 0)} and anvil ${formatCount(here?.anvil ?? 0)} in ${mine ? MODE_LABEL[mine.mode] : ''} mode; ${other ? MODE_LABEL[other.mode] : ''} mode would need ${formatCount(there?.auth ?? 0)} and ${formatCount(there?.anvil ?? 0)}.`;
  return (
    <section className="pl-card" aria-label="Requirement growth">
      <header className="pl-card-head"><h3>auth and anvil requirement vs. load</h3></header>
      <svg className="pl-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line className="pl-grid" x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
            <text className="pl-axis" x={PAD.left - 6} y={y(t) + 4} textAnchor="end">{formatAxis(t)}</text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} className="pl-axis" x={x(t)} y={H - PAD.bottom + 16} textAnchor={t === 0 ? 'start' : t === xMax ? 'end' : 'middle'}>{formatAxis(t)}</text>
        ))}
        <text className="pl-axis" x={W - PAD.right} y={H - 2} textAnchor="end">connections on this server</text>
        <line className="pl-now" x1={x(curve.load)} x2={x(curve.load)} y1={PAD.top} y2={H - PAD.bottom} />
        {other ? (
          <g className="pl-series is-other">
            <path d={pathOf(other.points, 'auth', x, y)} />
            <path className="is-anvil" d={pathOf(other.points, 'anvil', x, y)} />
          </g>
        ) : null}
        {mine ? (
          <g className="pl-series is-mine">
            <path d={pathOf(mine.points, 'auth', x, y)} />
            <path className="is-anvil" d={pathOf(mine.points, 'anvil', x, y)} />
          </g>
        ) : null}
        {here ? <circle className="pl-dot is-mine" cx={x(here.load)} cy={y(here.auth)} r={4} /> : null}
        {there ? <circle className="pl-dot is-other" cx={x(there.load)} cy={y(there.auth)} r={4} /> : null}
      </svg>
      <p className="pl-chart-legend">
        <span><i className="pl-line is-mine" /> {mine ? MODE_LABEL[mine.mode] : ''} (plan)</span>
        <span><i className="pl-line is-other" /> {other ? MODE_LABEL[other.mode] : ''}</span>
        <span><i className="pl-line is-dashed" /> anvil (dashed), auth (solid)</span>
      </p>
      <p className="pl-caption">{summary}</p>
    </section>
  );
}
