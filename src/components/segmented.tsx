/**
 * A segmented control: a small radio group drawn as joined buttons.
 *
 * @example <Segmented label="Dovecot version" value={v} options={[{ value: '2.3', label: '2.3' }]} onChange={setV} />
 */
import { useId } from 'react';

/** One option. */
export interface SegmentedOption<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly title?: string;
}

/** A radio group drawn as joined buttons. */
export function Segmented<T extends string>({ label, value, options, onChange, className }: {
  label: string;
  value: T;
  options: readonly SegmentedOption<T>[];
  onChange: (value: T) => void;
  className?: string;
}) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} className={className ? `segmented ${className}` : 'segmented'}>
      {options.map((o) => (
        <label key={o.value} className={o.value === value ? 'segment is-on' : 'segment'} title={o.title}>
          <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}
