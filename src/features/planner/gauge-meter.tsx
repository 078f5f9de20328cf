/**
 * A need-against-limit gauge: the bar fills with what is needed, relative to
 * what is available; past 100 % it turns red and shows by how much.
 *
 * @example <GaugeMeter name="auth requirement (plan)" title="auth" need={308} have={1000} needText="308 required" haveText="client_limit 1000" />
 */
import type { ReactNode } from 'react';

/** Props of a gauge. */
export interface GaugeMeterProps {
  /** Accessible group name. */
  readonly name: string;
  readonly title: string;
  readonly need: number;
  readonly have: number;
  readonly needText: string;
  readonly haveText: string;
  /** A second, lighter need (e.g. memory at the expected load). */
  readonly marker?: { readonly value: number; readonly text: string };
  /** Not checked by Dovecot. */
  readonly advisory?: boolean;
  /** 'warn' = over but only a caution (memory). */
  readonly overTone?: 'danger' | 'warn';
  /** Fill ratio from which the gauge turns amber (budgets met exactly are fine: 1). */
  readonly tightAt?: number;
  readonly children?: ReactNode;
}

/** The gauge. */
export function GaugeMeter({ name, title, need, have, needText, haveText, marker, advisory, overTone = 'danger', tightAt = 0.85, children }: GaugeMeterProps) {
  const ratio = have > 0 ? need / have : need > 0 ? Infinity : 0;
  const over = ratio > 1;
  const tone = over ? (advisory ? 'is-advisory-over' : overTone === 'warn' ? 'is-warn' : 'is-over') : ratio > tightAt ? 'is-tight' : 'is-ok';
  const pctText = !Number.isFinite(ratio) ? '∞' : ratio >= 10 ? `×${Math.round(ratio).toLocaleString('en-US')}` : `${Math.round(ratio * 100)}%`;
  return (
    <div className={`pl-gauge ${tone}`} role="group" aria-label={name}>
      <div className="pl-gauge-head">
        <span className="pl-gauge-title">{title}</span>
        {advisory ? <span className="pl-badge">advisory</span> : null}
        <span className="pl-gauge-pct">{pctText}</span>
      </div>
      <div className="pl-gauge-track" aria-hidden="true">
        <span className="pl-gauge-fill" style={{ width: `${Math.min(1, ratio) * 100}%` }} />
        {marker !== undefined && have > 0 ? <span className="pl-gauge-marker" style={{ left: `${Math.min(1, marker.value / have) * 100}%` }} title={marker.text} /> : null}
      </div>
      <div className="pl-gauge-figures">
        <span>{needText}</span>
        <span>{haveText}</span>
      </div>
      {marker !== undefined ? <p className="pl-gauge-extra"><i className="pl-swatch is-marker" /> {marker.text}</p> : null}
      {children}
    </div>
  );
}
