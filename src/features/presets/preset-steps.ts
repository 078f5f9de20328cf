/**
 * Turns a tuning preset into concrete settings for the current document (its
 * enabled login services, the chosen parameter values) and into edit steps
 * for the store: one undo step for the whole preset. With `balance`, the last
 * steps check the result with the core and raise auth/anvil client_limit to
 * what doveconf then requires.
 *
 * @example
 *   const plan = planPreset(preset, analysis.resolved, { cores: 8 });
 *   store.getState().applyEditSteps(plan.steps, `Preset: ${preset.title}`);
 */
import { checkConfig, setBlockSetting, setGlobal, type ResolvedConfig } from '../../core/index.ts';
import type { EditStep } from '../../store/document-slice.ts';
import type { Preset, PresetParamId, PresetValue } from './presets.ts';
import { usesPigeonhole } from '../../store/pigeonhole.ts';

/** A concrete setting the preset writes. */
export interface PlannedSetting {
  /** `service NAME` or `global`. */
  readonly where: string;
  readonly key: string;
  readonly value: string;
}

/** A preset made concrete. */
export interface PresetPlan {
  readonly settings: readonly PlannedSetting[];
  readonly steps: readonly EditStep[];
}

/** Parameter values by id. */
export type PresetParams = Partial<Record<PresetParamId, number>>;

function valueOf(v: PresetValue, params: PresetParams): string {
  if (typeof v === 'string') return v;
  if ('param' in v) return String(params[v.param] ?? 1);
  const [a, b] = v.ceilDiv;
  return String(Math.max(1, Math.ceil((params[a] ?? 1) / Math.max(1, params[b] ?? 1))));
}

/** Raise one client_limit budget's service to its requirement, judged on the text as it is at that step. */
export function balanceStep(kind: 'auth' | 'anvil'): EditStep {
  return (doc) => {
    const b = checkConfig({ path: 'preset.conf', text: doc.text }, { version: doc.version, managesieve: usesPigeonhole(doc.text) }).budgets[kind];
    return b.ok || b.requiredExact > 4294967295 ? [] : setBlockSetting(doc, { service: b.service }, 'client_limit', String(b.required));
  };
}

/**
 * The settings and steps of a tuning preset for a resolved configuration.
 *
 * @example planPreset(preset, resolved, { cores: 4, loginConnections: 10000 }).settings.length;
 */
export function planPreset(preset: Preset, resolved: ResolvedConfig, params: PresetParams): PresetPlan {
  const list = preset.settings?.[resolved.version] ?? [];
  const settings: PlannedSetting[] = [];
  for (const s of list) {
    const value = valueOf(s.value, params);
    if ('global' in s.target) settings.push({ where: 'global', key: s.key, value });
    else if ('service' in s.target) settings.push({ where: `service ${s.target.service}`, key: s.key, value });
    else {
      for (const svc of resolved.services) {
        if (svc.enabled && svc.type === s.target.serviceType) settings.push({ where: `service ${svc.name}`, key: s.key, value });
      }
    }
  }
  const steps: EditStep[] = settings.map((p) => (doc) => (p.where === 'global'
    ? setGlobal(doc, p.key, p.value)
    : setBlockSetting(doc, { service: p.where.slice('service '.length) }, p.key, p.value)));
  if (preset.balance) steps.push(balanceStep('auth'), balanceStep('anvil'));
  return { settings, steps };
}
