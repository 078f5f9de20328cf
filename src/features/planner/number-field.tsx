/**
 * A labelled number input that keeps what the user types (even while it is
 * not a valid number yet) and reports only valid numbers upwards.
 *
 * @example <NumberField id="pl-cores" label="CPU cores" value={4} min={1} max={4096} onChange={setCores} />
 */
import { useId, useState } from 'react';

/** Props of a number field. */
export interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly onChange: (n: number) => void;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  /** Shown after the input (`GiB`, `%`). */
  readonly unit?: string;
  readonly hint?: string;
  /** A problem reported by the planner for this field. */
  readonly problem?: string;
  readonly disabled?: boolean;
}

function parse(text: string, min: number, max: number, step: number): { value: number } | { error: string } {
  const t = text.trim().replace(/[,_\s]/g, '');
  if (t === '') return { error: 'Enter a number' };
  const n = Number(t);
  if (!Number.isFinite(n)) return { error: `"${text}" is not a number` };
  if (step >= 1 && !Number.isInteger(n)) return { error: 'Enter a whole number' };
  if (n < min) return { error: `At least ${min}` };
  if (n > max) return { error: `At most ${max.toLocaleString('en-US')}` };
  return { value: n };
}

/** Number input with its label, unit, hint and error. */
export function NumberField({ label, value, onChange, min, max, step = 1, unit, hint, problem, disabled }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? String(value);
  const parsed = draft === null ? null : parse(draft, min, max, step);
  const error = parsed !== null && 'error' in parsed ? parsed.error : problem;
  const describedBy = [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter((x) => x !== '').join(' ');
  return (
    <div className={`pl-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="pl-input-wrap">
        <input
          id={id}
          type="text"
          inputMode={step >= 1 ? 'numeric' : 'decimal'}
          value={shown}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onChange={(e) => {
            const text = e.target.value;
            setDraft(text);
            const r = parse(text, min, max, step);
            if ('value' in r) onChange(r.value);
          }}
          onBlur={() => {
            if (parsed !== null && 'value' in parsed) setDraft(null);
          }}
        />
        {unit ? <span className="pl-unit">{unit}</span> : null}
      </div>
      {error ? <p id={`${id}-err`} className="pl-field-error" role="alert">{error}</p> : null}
      {hint ? <p id={`${id}-hint`} className="pl-hint">{hint}</p> : null}
    </div>
  );
}
