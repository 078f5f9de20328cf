/**
 * Capacity planner: from the expected load to the settings of every service it
 * touches, as a diff against the current configuration and as text edits that
 * apply in one step. The auth and anvil client_limit are not estimated: they
 * are what the core's own budget functions require of the planned text.
 *
 * @example
 *   const plan = planCapacity(text, { ...DEFAULT_PLAN_INPUT, loginMode: 'high-performance', cores: 8 }, { version: '2.4' });
 *   store.getState().applyEdits(plan.edits, 'Apply capacity plan');
 *   plan.planned.budgets.auth.ok; // true
 */
import type { DovecotVersion } from '../data/types.ts';
import { checkConfig, type CheckResult } from '../check/check.ts';
import type { EffectiveService, ValueSource } from '../model/resolve.ts';
import { parseSize, parseUint, UINT_MAX } from '../model/values.ts';
import type { TextEdit } from '../syntax/edit.ts';
import { parseConfig } from '../syntax/parse.ts';
import { planEdits, textAfter, type SettingWrite } from './edits.ts';
import { normalizeInput, type InputProblem } from './input.ts';
import { nodeLoad, type NodeLoad } from './load.ts';
import { PROTOCOL_SERVICES } from './rules.ts';
import { plannedSettings, type PlannedSetting } from './settings.ts';
import { PLAN_PROTOCOLS, type PlanInput, type RuleId, type ServiceClass } from './types.ts';

/** Options of a plan. */
export interface PlanOptions {
  readonly version: DovecotVersion;
  readonly fileName?: string;
  /** Pigeonhole's managesieve services are installed (default: when the plan or the text uses `sieve`). */
  readonly managesieve?: boolean;
}

/** One line of the diff: a setting, its current effective value and the planned one. */
export interface Recommendation {
  readonly service: string;
  readonly serviceClass: ServiceClass | 'auth' | 'anvil';
  readonly key: string;
  /** Current effective value text ('' when the service does not exist yet). */
  readonly current: string;
  readonly currentSource: ValueSource | 'absent';
  readonly value: string;
  /** The planned value differs from the current effective one (only these are written). */
  readonly changed: boolean;
  readonly rule: RuleId;
  /** What the number is made of, e.g. "doveconf requires 24312". */
  readonly note: string;
  readonly clamped: boolean;
}

/** A finished plan. */
export interface Plan {
  readonly input: PlanInput;
  readonly inputProblems: readonly InputProblem[];
  readonly version: DovecotVersion;
  readonly load: NodeLoad;
  readonly protocolsBefore: readonly string[];
  readonly protocolsAfter: readonly string[];
  readonly recommendations: readonly Recommendation[];
  /** Edits against the current text (apply all at once). */
  readonly edits: readonly TextEdit[];
  readonly plannedText: string;
  readonly current: CheckResult;
  readonly planned: CheckResult;
  readonly managesieve: boolean;
  /** Set when the text cannot be planned on (a syntax error): then there are no edits. */
  readonly blocked: string | null;
}

function numberOf(key: string, text: string, version: DovecotVersion): number | null {
  const r = key === 'vsz_limit' ? parseSize(text, version) : parseUint(version === '2.4' && text === 'infinite' ? 'unlimited' : text, version);
  return r.ok ? r.value : null;
}

/** Same effective value? Numbers compare as numbers (`1G` = `1024M`). */
function sameValue(key: string, a: string, b: string, version: DovecotVersion): boolean {
  if (a === b) return true;
  const x = numberOf(key, a, version);
  const y = numberOf(key, b, version);
  return x !== null && y !== null && x === y;
}

/**
 * Size in Dovecot's own units, largest exact one.
 *
 * @example sizeText(1073741824); // '1G'
 */
export function sizeText(bytes: number): string {
  for (const [u, n] of [['T', 1024 ** 4], ['G', 1024 ** 3], ['M', 1024 ** 2], ['k', 1024]] as const) {
    if (bytes >= n && bytes % n === 0) return `${bytes / n}${u}`;
  }
  return `${bytes}`;
}

/** The current effective value as a number text (2.3's 0 → default already applied by resolve). */
function currentOf(svc: EffectiveService | undefined, key: string, version: DovecotVersion): { text: string; source: ValueSource | 'absent' } {
  const v = svc?.values[key];
  if (svc === undefined || v === undefined) return { text: '', source: 'absent' };
  let text = v.text;
  if (/[$%]/.test(v.text)) return { text, source: v.source };
  if (key === 'process_limit') text = Number.isNaN(svc.processLimit) ? v.text : version === '2.4' && svc.processLimit >= UINT_MAX ? 'unlimited' : String(svc.processLimit);
  else if (key === 'client_limit') text = Number.isNaN(svc.clientLimit) ? v.text : String(svc.clientLimit);
  else if (key === 'process_min_avail') text = Number.isNaN(svc.processMinAvail) ? v.text : String(svc.processMinAvail);
  else if (key === 'vsz_limit') text = svc.vszLimit === null ? 'unlimited' : Number.isNaN(svc.vszLimit) ? v.text : sizeText(svc.vszLimit);
  else if (key === 'restart_request_count') text = svc.restartCount >= UINT_MAX ? 'unlimited' : String(svc.restartCount);
  return { text, source: v.source };
}

function check(text: string, version: DovecotVersion, fileName: string, managesieve: boolean): CheckResult {
  return checkConfig({ path: fileName, text }, { version, managesieve });
}

function usesSieve(text: string, version: DovecotVersion): boolean {
  const { doc } = parseConfig(text, version);
  return doc.children.some((n) => n.kind === 'assign' && n.key === 'protocols' && /(^|[\s,])sieve($|[\s,])/.test(n.value));
}

/**
 * Plans the settings of one server for the expected load.
 *
 * @example planCapacity('protocols = imap\n', DEFAULT_PLAN_INPUT, { version: '2.3' }).recommendations.map((r) => `${r.service} ${r.key}=${r.value}`);
 */
export function planCapacity(text: string, rawInput: PlanInput, opts: PlanOptions): Plan {
  const version = opts.version;
  const fileName = opts.fileName ?? 'dovecot.conf';
  const { input, problems } = normalizeInput(rawInput);
  const managesieve = opts.managesieve ?? (input.connections.managesieve > 0 || usesSieve(text, version));
  const current = check(text, version, fileName, managesieve);
  const load = nodeLoad(input, input.role);
  const svc = (name: string) => current.resolved.services.find((s) => s.name === name);
  const { doc, problems: syntax } = parseConfig(text, version);
  const syntaxError = syntax.find((p) => p.severity === 'error');

  const settings = plannedSettings(load, input, version, (name) => svc(name)?.processMinAvail);
  const before = [...current.resolved.protocols];
  const after = [...before];
  for (const p of PLAN_PROTOCOLS) {
    const word = PROTOCOL_SERVICES[p].word;
    if (load.expected[p] > 0 && !after.includes(word)) after.push(word);
  }
  if (load.deliveries > 0 && !after.includes('lmtp')) after.push('lmtp');
  const protocolsChanged = after.length !== before.length;

  const recs: Recommendation[] = settings.map((s: PlannedSetting) => {
    const cur = currentOf(svc(s.service), s.key, version);
    const changed = !sameValue(s.key, cur.text, s.value, version);
    return { service: s.service, serviceClass: s.serviceClass, key: s.key, current: cur.text, currentSource: cur.source, value: s.value, changed, rule: s.rule, note: noteFor(s, load, input), clamped: s.clamped };
  });
  const writes = (list: readonly Recommendation[]): SettingWrite[] => list.filter((r) => r.changed).map((r) => ({ service: r.service, key: r.key, value: r.value }));

  // Phase 1: everything but auth/anvil; their client_limit does not enter any sum.
  const firstEdits = planEdits(doc, writes(recs), protocolsChanged ? after.join(' ') : null);
  const firstText = textAfter(doc, firstEdits);
  const first = check(firstText, version, fileName, managesieve);
  for (const kind of ['auth', 'anvil'] as const) {
    const b = first.budgets[kind];
    const need = Math.min(b.requiredExact, UINT_MAX);
    const cur = currentOf(svc(kind), 'client_limit', version);
    const have = svc(kind)?.clientLimit ?? b.clientLimit;
    const keep = have >= need;
    const value = keep ? cur.text : String(need);
    const note = b.requiredExact >= 2 ** 32
      ? `needs ${b.requiredExact}, above 2³²−1: doveconf's sum wraps to ${b.required}`
      : `doveconf requires ${b.required} (${b.items.length} services${b.constant > 0 ? ` + ${b.constant}` : ''})${keep ? `; current ${have} already covers it` : ''}`;
    recs.push({ service: kind, serviceClass: kind, key: 'client_limit', current: cur.text, currentSource: cur.source, value, changed: !keep, rule: kind === 'auth' ? 'auth-client-limit' : 'anvil-client-limit', note, clamped: b.requiredExact > UINT_MAX });
  }

  const edits = syntaxError === undefined ? planEdits(doc, writes(recs), protocolsChanged ? after.join(' ') : null) : [];
  const plannedText = textAfter(doc, edits);
  const planned = edits.length === 0 ? current : check(plannedText, version, fileName, managesieve);
  return {
    input, inputProblems: problems, version, load,
    protocolsBefore: before, protocolsAfter: after,
    recommendations: recs, edits, plannedText, current, planned, managesieve,
    blocked: syntaxError === undefined ? null : `line ${syntaxError.line}, column ${syntaxError.column}: ${syntaxError.message}`,
  };
}

function noteFor(s: PlannedSetting, load: NodeLoad, input: PlanInput): string {
  const p = s.protocol;
  const servers = load.servers > 1 ? ` on each of ${load.servers} ${load.role === 'proxy' ? 'proxies' : 'backends'}` : '';
  switch (s.rule) {
    case 'login-hs-process-limit':
    case 'post-login-process-limit':
      return p === null ? '' : `${load.expected[p]} expected${servers} + ${input.headroomPercent}% = ${load.capacity[p]}`;
    case 'login-hp-client-limit':
      return p === null ? '' : `⌈${load.capacity[p]} / ${input.cores} cores⌉`;
    case 'login-hp-process-limit':
    case 'login-hp-min-avail':
      return `${input.cores} CPU cores`;
    case 'lmtp-process-limit':
      return `${load.deliveries} deliveries in parallel${servers}`;
    case 'min-avail-cap':
      return 'current value is above the planned process_limit';
    default:
      return '';
  }
}
