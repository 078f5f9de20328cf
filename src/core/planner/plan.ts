/**
 * Capacity planner: from expected load to service settings.
 *
 * @example
 *   const p = planCapacity(text, { ...DEFAULT_PLAN_INPUT, connections: { ...DEFAULT_PLAN_INPUT.connections, imap: 20000 } }, { version: '2.4' });
 *   p.recommendations.find((r) => r.service === 'imap-login' && r.key === 'client_limit')?.value;
 */
import type { DovecotVersion } from '../data/types.ts';
import { checkConfig, type CheckResult } from '../check/check.ts';
import { applyEdits, setBlockSetting, setGlobal, type TextEdit } from '../syntax/edit.ts';
import { parseConfig } from '../syntax/parse.ts';

/** Login process mode (docs login_processes). */
export type LoginMode = 'high-security' | 'high-performance';
/** Role of the server being planned. */
export type PlanRole = 'single' | 'backend' | 'proxy';
/** Protocols with login + post-login services. */
export type PlanProtocol = 'imap' | 'pop3' | 'submission' | 'managesieve';

/** Planner inputs. */
export interface PlanInput {
  readonly connections: Readonly<Record<PlanProtocol, number>>;
  readonly lmtpParallel: number;
  readonly cores: number;
  readonly ramBytes: number;
  readonly ulimit: number;
  readonly loginMode: LoginMode;
  readonly role: PlanRole;
  readonly backends: number;
  readonly proxies: number;
  readonly headroomPercent: number;
}

/** Sensible starting inputs. */
export const DEFAULT_PLAN_INPUT: PlanInput = {
  connections: { imap: 1000, pop3: 0, submission: 0, managesieve: 0 },
  lmtpParallel: 10, cores: 4, ramBytes: 8 * 1024 ** 3, ulimit: 65536,
  loginMode: 'high-security', role: 'single', backends: 2, proxies: 1, headroomPercent: 20,
};

/** One planned setting. */
export interface Recommendation {
  readonly service: string;
  readonly key: string;
  readonly current: string;
  readonly value: string;
  readonly rule: string;
}

/** Result of planning. */
export interface Plan {
  readonly recommendations: readonly Recommendation[];
  readonly edits: readonly TextEdit[];
  readonly plannedText: string;
  readonly planned: CheckResult;
}

const PROTOCOL_WORD: Record<PlanProtocol, string> = { imap: 'imap', pop3: 'pop3', submission: 'submission', managesieve: 'sieve' };

/**
 * Plans the settings for the load.
 *
 * @example planCapacity('protocols = imap\n', DEFAULT_PLAN_INPUT, { version: '2.3' }).recommendations.length;
 */
export function planCapacity(text: string, input: PlanInput, opts: { version: DovecotVersion }): Plan {
  const version = opts.version;
  const current = checkConfig({ path: 'dovecot.conf', text }, { version, managesieve: true });
  const h = 1 + input.headroomPercent / 100;
  const want: { service: string; key: string; value: string; rule: string }[] = [];
  const countKey = version === '2.3' ? 'service_count' : 'restart_request_count';
  const protocols = [...current.resolved.protocols];
  for (const p of ['imap', 'pop3', 'submission', 'managesieve'] as const) {
    const n = input.connections[p];
    if (n <= 0) continue;
    if (!protocols.includes(PROTOCOL_WORD[p])) protocols.push(PROTOCOL_WORD[p]);
    const expected = Math.ceil(n * h);
    if (input.loginMode === 'high-performance') {
      want.push({ service: `${p}-login`, key: 'process_limit', value: String(input.cores), rule: 'login-hp-processes' });
      want.push({ service: `${p}-login`, key: 'process_min_avail', value: String(input.cores), rule: 'login-hp-processes' });
      want.push({ service: `${p}-login`, key: countKey, value: version === '2.3' ? '0' : 'unlimited', rule: 'login-hp-count' });
      want.push({ service: `${p}-login`, key: 'client_limit', value: String(Math.ceil(expected / input.cores)), rule: 'login-hp-clients' });
      want.push({ service: `${p}-login`, key: 'vsz_limit', value: '1G', rule: 'login-hp-vsz' });
    } else {
      want.push({ service: `${p}-login`, key: 'process_limit', value: String(expected), rule: 'login-hs-processes' });
      want.push({ service: `${p}-login`, key: countKey, value: '1', rule: 'login-hs-count' });
    }
    if (input.role !== 'proxy') {
      want.push({ service: p, key: 'client_limit', value: '1', rule: 'blocking-clients' });
      want.push({ service: p, key: 'process_limit', value: String(expected), rule: 'blocking-processes' });
    }
  }
  if (input.lmtpParallel > 0 && input.role !== 'proxy') {
    if (!protocols.includes('lmtp')) protocols.push('lmtp');
    want.push({ service: 'lmtp', key: 'client_limit', value: '1', rule: 'blocking-clients' });
    want.push({ service: 'lmtp', key: 'process_limit', value: String(input.lmtpParallel), rule: 'lmtp-processes' });
  }
  const doc = parseConfig(text, version).doc;
  const edits: TextEdit[] = [];
  if (protocols.join(' ') !== current.resolved.protocols.join(' ')) edits.push(...setGlobal(doc, 'protocols', protocols.join(' ')));
  // one edit per (service, key): applied to a fresh parse each time so offsets stay right
  let planned = applyEdits(text, edits);
  const apply = (service: string, key: string, value: string) => {
    const d = parseConfig(planned, version).doc;
    planned = applyEdits(planned, setBlockSetting(d, { service }, key, value));
  };
  for (const w of want) apply(w.service, w.key, w.value);
  let check = checkConfig({ path: 'dovecot.conf', text: planned }, { version, managesieve: true });
  apply('auth', 'client_limit', String(Math.max(check.budgets.auth.required, 1)));
  apply('anvil', 'client_limit', String(Math.max(check.budgets.anvil.required, 1)));
  want.push({ service: 'auth', key: 'client_limit', value: String(check.budgets.auth.required), rule: 'auth-budget' });
  want.push({ service: 'anvil', key: 'client_limit', value: String(check.budgets.anvil.required), rule: 'anvil-budget' });
  check = checkConfig({ path: 'dovecot.conf', text: planned }, { version, managesieve: true });
  const recommendations = want.map((w) => ({ ...w, current: current.resolved.services.find((s) => s.name === w.service)?.values[w.key]?.text ?? '' }));
  return { recommendations, edits: [{ start: 0, end: text.length, text: planned }], plannedText: planned, planned: check };
}
