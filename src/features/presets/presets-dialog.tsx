/**
 * The presets: a list on the left, the chosen preset on the right with what it
 * sets on the current document (or the text it starts from), why, its
 * parameters, and Apply (one undo step).
 *
 * @example <PresetsButton />
 */
// oxlint-disable-next-line import/no-unassigned-import -- this feature's stylesheet
import './presets.css';
import { useMemo, useState } from 'react';
import { Dialog } from '../../components/dialog.tsx';
import { Icon } from '../../components/icon.tsx';
import { selectAnalysis } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';
import { planPreset, type PlannedSetting, type PresetParams } from './preset-steps.ts';
import { PRESETS, type Preset } from './presets.ts';
import { STOCK_TEXTS } from './stock-texts.ts';

const selectResolved = (s: EditorState) => selectAnalysis(s).resolved;
const selectCores = (s: EditorState) => s.cpuCores;

function groupByWhere(settings: readonly PlannedSetting[]): [string, PlannedSetting[]][] {
  const out = new Map<string, PlannedSetting[]>();
  for (const p of settings) out.set(p.where, [...(out.get(p.where) ?? []), p]);
  return [...out];
}

function defaults(preset: Preset, cores: number): PresetParams {
  const out: PresetParams = {};
  for (const p of preset.params ?? []) out[p.id] = p.id === 'cores' ? cores : p.fallback;
  return out;
}

function PresetDetail({ preset, onDone }: { preset: Preset; onDone: () => void }) {
  const store = useEditorStore();
  const resolved = useEditor(selectResolved);
  const cores = useEditor(selectCores);
  const [params, setParams] = useState<PresetParams>(() => defaults(preset, cores));
  const plan = useMemo(() => (preset.settings ? planPreset(preset, resolved, params) : null), [preset, resolved, params]);

  const apply = () => {
    const s = store.getState();
    if (preset.text !== undefined) {
      s.setText(STOCK_TEXTS[preset.text], `Preset: ${preset.title}`, s.fileName);
      s.relayout();
    } else if (plan !== null) {
      if (params.cores !== undefined) s.setCpuCores(params.cores);
      s.applyEditSteps(plan.steps, `Preset: ${preset.title}`);
    }
    onDone();
  };

  return (
    <div className="preset-detail">
      <h3>{preset.title}</h3>
      <p>{preset.summary}</p>
      {preset.params && preset.params.length > 0 ? (
        <div className="form-row">
          {preset.params.map((p) => (
            <label key={p.id} title={p.hint}>
              <span>{p.label}</span>
              <input
                type="number"
                min={1}
                value={params[p.id] ?? ''}
                onChange={(e) => setParams({ ...params, [p.id]: Math.max(1, Math.floor(Number(e.target.value) || 1)) })}
              />
              <small className="muted">{p.hint}</small>
            </label>
          ))}
        </div>
      ) : null}
      <h4>Why</h4>
      <ul className="why-list">
        {preset.why.map((w) => <li key={w}>{w}</li>)}
      </ul>
      <h4>What it sets</h4>
      {preset.text !== undefined ? (
        <>
          <p className="muted">Replaces the whole document with this text (undo brings yours back):</p>
          <pre className="preset-text">{STOCK_TEXTS[preset.text]}</pre>
        </>
      ) : plan !== null && plan.settings.length > 0 ? (
        <table className="preset-table">
          <thead><tr><th scope="col">where</th><th scope="col">settings</th></tr></thead>
          <tbody>
            {groupByWhere(plan.settings).map(([where, items]) => (
              <tr key={where}>
                <th scope="row" className="mono">{where}</th>
                <td className="mono">{items.map((p) => <span key={p.key} className="preset-setting">{p.key} = {p.value}</span>)}</td>
              </tr>
            ))}
            {preset.balance ? (
              <tr><th scope="row" className="mono">service auth, anvil</th><td>client_limit raised to what doveconf then requires, if short</td></tr>
            ) : null}
          </tbody>
        </table>
      ) : (
        <p className="muted">No enabled service this preset applies to.</p>
      )}
      <div className="preset-actions">
        <button type="button" className="button primary" onClick={apply}>Apply “{preset.title}”</button>
      </div>
    </div>
  );
}

/** The presets button and dialog. */
export function PresetsButton() {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState(PRESETS[0]!.id);
  const preset = PRESETS.find((p) => p.id === chosen) ?? PRESETS[0]!;
  return (
    <>
      <button type="button" className="button toolbar-button" onClick={() => setOpen(true)} title="Start from a preset or tune the login services">
        <Icon name="layers" />
        <span>Presets</span>
      </button>
      {open ? (
        <Dialog title="Presets" description="Starting points and tunings. Each is one undo step." size="large" onClose={() => setOpen(false)}>
          <div className="preset-layout">
            <ul className="preset-list" aria-label="Presets">
              {PRESETS.map((p) => (
                <li key={p.id}>
                  <button type="button" className={p.id === preset.id ? 'preset-item is-on' : 'preset-item'} aria-current={p.id === preset.id ? 'true' : undefined} onClick={() => setChosen(p.id)}>
                    <span className="preset-name">{p.title}</span>
                    <span className="preset-kind">{p.text !== undefined ? 'document' : 'tuning'}</span>
                  </button>
                </li>
              ))}
            </ul>
            <PresetDetail key={preset.id} preset={preset} onDone={() => setOpen(false)} />
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
