/**
 * What-if sliders: scale the load, change cores, headroom and RAM, and see
 * every figure follow.
 *
 * @example <WhatIfSliders scale={1} input={input} onScale={setScale} onChange={setInput} />
 */
import { useId } from 'react';
import type { PlanInput } from '../../core/planner/index.ts';
import { formatCount } from './format.ts';

const GIB = 1024 ** 3;

/** Props of the sliders. */
export interface WhatIfSlidersProps {
  /** Load multiplier, 1 = as entered. */
  readonly scale: number;
  readonly input: PlanInput;
  /** Total expected connections after scaling. */
  readonly scaledLoad: number;
  readonly onScale: (scale: number) => void;
  readonly onChange: (next: PlanInput) => void;
}

function Slider({ label, value, min, max, step, text, onChange }: { label: string; value: number; min: number; max: number; step: number; text: string; onChange: (n: number) => void }) {
  const id = useId();
  return (
    <div className="pl-slider">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="range" min={min} max={max} step={step} value={value} aria-valuetext={text} onChange={(e) => onChange(Number(e.target.value))} />
      <output htmlFor={id}>{text}</output>
    </div>
  );
}

/** The what-if sliders. */
export function WhatIfSliders({ scale, input, scaledLoad, onScale, onChange }: WhatIfSlidersProps) {
  const ramGib = Math.max(1, Math.round(input.ramBytes / GIB));
  return (
    <section className="pl-card pl-whatif" aria-label="What if">
      <header className="pl-card-head">
        <h3>What if</h3>
        {scale !== 1 ? <button type="button" className="pl-link" onClick={() => onScale(1)}>Reset load</button> : null}
      </header>
      <div className="pl-sliders">
        <Slider label="Load scale" value={scale} min={0.25} max={4} step={0.05} text={`×${scale.toFixed(2)} · ${formatCount(scaledLoad)} connections`} onChange={onScale} />
        <Slider label="What-if CPU cores" value={Math.min(input.cores, 128)} min={1} max={128} step={1} text={`${input.cores} cores`} onChange={(n) => onChange({ ...input, cores: n })} />
        <Slider label="What-if headroom" value={Math.min(input.headroomPercent, 200)} min={0} max={200} step={5} text={`${input.headroomPercent}%`} onChange={(n) => onChange({ ...input, headroomPercent: n })} />
        <Slider label="What-if RAM" value={Math.min(ramGib, 1024)} min={1} max={1024} step={1} text={`${ramGib} GiB`} onChange={(n) => onChange({ ...input, ramBytes: n * GIB })} />
      </div>
    </section>
  );
}
