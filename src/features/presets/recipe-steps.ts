/**
 * Recipe changes → edit steps (applied in order as one undo step), and whether
 * a recipe is already in effect in the resolved configuration.
 *
 * @example store.getState().applyEditSteps(recipeSteps(changes), recipe.title);
 */
import { setBlockSetting, type ResolvedConfig } from '../../core/index.ts';
import type { EditStep } from '../../store/document-slice.ts';
import type { RecipeChange } from './recipes.ts';

/** The edit steps of a recipe's changes. */
export function recipeSteps(changes: readonly RecipeChange[]): EditStep[] {
  const steps: EditStep[] = [];
  for (const c of changes) {
    if (c.op === 'set') {
      steps.push((doc) => setBlockSetting(doc, { service: c.service }, c.key, c.value));
    } else if (c.op === 'inet-port-off') {
      steps.push((doc) => setBlockSetting(doc, { service: c.service, listener: { kind: 'inet_listener', name: c.name } }, 'port', '0'));
    } else {
      for (const [key, value] of Object.entries(c.settings)) {
        steps.push((doc) => setBlockSetting(doc, { service: c.service, listener: { kind: c.kind, name: c.name } }, key, value));
      }
    }
  }
  return steps;
}

/** True when every change already holds (written or by default). */
export function recipeInEffect(changes: readonly RecipeChange[], resolved: ResolvedConfig): boolean {
  return changes.every((c) => {
    const s = resolved.services.find((x) => x.name === c.service);
    if (s === undefined) return false;
    if (c.op === 'set') return s.values[c.key]?.text === c.value;
    const kind = c.op === 'inet-port-off' ? 'inet_listener' : c.kind;
    const l = s.listeners.find((x) => x.kind === kind && x.name === c.name);
    if (l === undefined) return false;
    if (c.op === 'inet-port-off') return l.disabled;
    return Object.entries(c.settings).every(([k, v]) => l.values[k]?.text === v);
  });
}
