/**
 * One-click fixes for the budgets, as edit steps for the store (one undo step
 * each). A client_limit budget is fixed by raising the target service's
 * client_limit to what doveconf requires; the fd budget either by raising the
 * `ulimit -n` field or by lowering every client_limit above it (at the place
 * each value comes from: the service block, 2.4's root `service_client_limit`,
 * or `default_client_limit`). The consequences of the lowering fix are checked
 * by the core before it is offered.
 *
 * @example
 *   const fix = clientLimitFix(analysis.budgets.auth);
 *   fix && store.getState().applyEditSteps(fix.steps, fix.label);
 */
import { checkConfig, applyEdits, parseConfig, setBlockSetting, setGlobal, type CheckResult } from '../../core/index.ts';
import type { ClientLimitBudget } from '../../core/index.ts';
import type { EditStep } from '../../store/document-slice.ts';
import { LARGE_TEXT_CHARS } from '../../store/limits.ts';
import { UINT_MAX } from '../../components/format.ts';
import { usesPigeonhole } from '../../store/pigeonhole.ts';

/** A fix that edits the configuration. */
export interface EditFix {
  readonly label: string;
  readonly steps: readonly EditStep[];
  /** What else the fix changes, in words (e.g. a budget it would break). */
  readonly note?: string;
}

/**
 * Raise the budget's service client_limit to the requirement; null when the
 * budget holds, or when no client_limit can hold the sum (it wraps past 2³²).
 *
 * @example clientLimitFix(budgets.auth)?.label; // 'Set service auth client_limit to 1724'
 */
export function clientLimitFix(b: ClientLimitBudget): EditFix | null {
  if (b.ok || b.requiredExact > UINT_MAX) return null;
  const value = String(b.required);
  return {
    label: `Set service ${b.service} client_limit to ${value}`,
    steps: [(doc) => setBlockSetting(doc, { service: b.service }, 'client_limit', value)],
  };
}

/** Where lowering the fd requirement has to write. */
interface LowerTarget {
  readonly where: string;
  readonly step: EditStep;
}

function lowerTargets(analysis: CheckResult, ulimit: number): LowerTarget[] {
  const r = analysis.resolved;
  const value = String(ulimit);
  const out: LowerTarget[] = [];
  const globalStep = (key: string): LowerTarget => ({ where: key, step: (doc) => setGlobal(doc, key, value) });
  if (r.version === '2.3') {
    const d = Number(r.globals['default_client_limit']?.text ?? '1000');
    if (d > ulimit) out.push(globalStep('default_client_limit'));
    for (const s of r.services) {
      if (s.enabled && s.clientLimitRaw > ulimit) {
        out.push({ where: `service ${s.name}`, step: (doc) => setBlockSetting(doc, { service: s.name }, 'client_limit', value) });
      }
    }
    return out;
  }
  let root = false;
  let global = false;
  for (const s of r.services) {
    if (!s.enabled || !(s.clientLimit > ulimit)) continue;
    const source = s.values['client_limit']?.source;
    if (source === 'root') root = true;
    else if (source === 'global' || source === 'default') global = true;
    else out.push({ where: `service ${s.name}`, step: (doc) => setBlockSetting(doc, { service: s.name }, 'client_limit', value) });
  }
  if (root) out.unshift(globalStep('service_client_limit'));
  if (global) out.unshift(globalStep('default_client_limit'));
  return out;
}

function listWhere(targets: readonly LowerTarget[]): string {
  const names = targets.map((t) => t.where);
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/**
 * Lower every client_limit above `ulimit` so the master's fd check passes; null
 * when nothing is above it. For texts small enough to check on the main thread
 * the result is checked, and the note says which client_limit budget it breaks.
 *
 * @example fdLowerFix(analysis, text, 1024)?.label; // 'Lower client_limit to 1024 at default_client_limit'
 */
export function fdLowerFix(analysis: CheckResult, text: string, ulimit: number): EditFix | null {
  if (!(ulimit < analysis.budgets.fd.required) || ulimit < 1) return null;
  const targets = lowerTargets(analysis, ulimit);
  if (targets.length === 0) return null;
  const steps = targets.map((t) => t.step);
  let note: string | undefined;
  if (text.length <= LARGE_TEXT_CHARS) {
    let next = text;
    for (const step of steps) next = applyEdits(next, step(parseConfig(next, analysis.version).doc));
    const after = checkConfig({ path: analysis.file, text: next }, { version: analysis.version, ulimit, managesieve: usesPigeonhole(next) });
    const broken = [after.budgets.auth, after.budgets.anvil].filter((b) => !b.ok);
    if (broken.length > 0) {
      note = `Afterwards ${broken.map((b) => `service ${b.service} needs client_limit ${b.required}`).join(' and ')}, above the ulimit: raising ulimit -n is the better fix.`;
    } else if (after.budgets.fd.required > ulimit) {
      note = `Afterwards the master still needs ${after.budgets.fd.required} (${after.budgets.fd.source}).`;
    }
  }
  return { label: `Lower client_limit to ${ulimit} at ${listWhere(targets)}`, steps, ...(note !== undefined ? { note } : {}) };
}
