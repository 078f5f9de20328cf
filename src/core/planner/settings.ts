/**
 * Evaluates the setting rules (rules.ts) for one server's load: the planned
 * value of every setting the planner touches, each with the rule that made it.
 *
 * @example
 *   const s = plannedSettings(nodeLoad(input, 'single'), input, '2.4', () => undefined);
 *   s.find((x) => x.service === 'imap-login' && x.key === 'client_limit')?.value;
 */
import type { DovecotVersion } from '../data/types.ts';
import { UINT_MAX } from '../model/values.ts';
import type { NodeLoad } from './load.ts';
import { PROTOCOL_SERVICES, SETTING_RULES, dovecotKey, type Formula, type SettingRule } from './rules.ts';
import { PLAN_PROTOCOLS, type PlanInput, type PlannedKey, type PlanProtocol, type RuleId, type ServiceClass } from './types.ts';

/** One planned setting of one service. */
export interface PlannedSetting {
  readonly service: string;
  readonly serviceClass: ServiceClass;
  /** The protocol whose load decided it (null for lmtp). */
  readonly protocol: PlanProtocol | null;
  readonly plannedKey: PlannedKey;
  /** The Dovecot key (`service_count` / `restart_request_count` for `count`). */
  readonly key: string;
  /** Value as written in the config. */
  readonly value: string;
  readonly rule: RuleId;
  /** The formula's result was above 2³²−1 and was cut to it. */
  readonly clamped: boolean;
}

/** The current process_min_avail of a service, to keep it ≤ the planned process_limit. */
export type CurrentMinAvail = (service: string) => number | undefined;

function evaluate(f: Formula, version: DovecotVersion, input: PlanInput, load: NodeLoad, protocol: PlanProtocol | null): { value: string; clamped: boolean } {
  const n = (x: number) => (x > UINT_MAX ? { value: String(UINT_MAX), clamped: true } : { value: String(x), clamped: false });
  const cores = Math.max(1, Math.floor(input.cores));
  switch (f.kind) {
    case 'const': return { value: f.value, clamped: false };
    case 'count-unlimited': return { value: version === '2.3' ? '0' : 'unlimited', clamped: false };
    case 'cores': return n(cores);
    case 'capacity': return n(protocol === null ? 0 : load.capacity[protocol]);
    case 'capacity-per-core': return n(Math.max(1, Math.ceil((protocol === null ? 0 : load.capacity[protocol]) / cores)));
    case 'deliveries': return n(load.deliveries);
  }
}

function applies(r: SettingRule, input: PlanInput, cls: ServiceClass, role: NodeLoad['role']): boolean {
  return r.service === cls && (r.modes === undefined || r.modes.includes(input.loginMode)) && (r.roles === undefined || r.roles.includes(role));
}

/**
 * Every planned setting for the services the load touches: login and post-login
 * services of protocols with expected connections, lmtp with parallel deliveries.
 *
 * @example plannedSettings(nodeLoad(DEFAULT_PLAN_INPUT, 'single'), DEFAULT_PLAN_INPUT, '2.3', () => 0).length; // 4
 */
export function plannedSettings(load: NodeLoad, input: PlanInput, version: DovecotVersion, currentMinAvail: CurrentMinAvail): PlannedSetting[] {
  const out: PlannedSetting[] = [];
  const targets: { service: string; cls: ServiceClass; protocol: PlanProtocol | null }[] = [];
  for (const p of PLAN_PROTOCOLS) {
    if (load.expected[p] <= 0) continue;
    targets.push({ service: PROTOCOL_SERVICES[p].login, cls: 'login', protocol: p });
    targets.push({ service: PROTOCOL_SERVICES[p].postLogin, cls: 'post-login', protocol: p });
  }
  if (load.deliveries > 0) targets.push({ service: 'lmtp', cls: 'lmtp', protocol: null });

  for (const t of targets) {
    const mine: PlannedSetting[] = [];
    for (const r of SETTING_RULES) {
      if (!applies(r, input, t.cls, load.role)) continue;
      const { value, clamped } = evaluate(r.formula, version, input, load, t.protocol);
      mine.push({ service: t.service, serviceClass: t.cls, protocol: t.protocol, plannedKey: r.key, key: dovecotKey(r.key, version), value, rule: r.rule, clamped });
    }
    const pl = mine.find((s) => s.plannedKey === 'process_limit');
    const min = currentMinAvail(t.service);
    if (pl !== undefined && !mine.some((s) => s.plannedKey === 'process_min_avail') && min !== undefined && min > Number(pl.value)) {
      mine.push({ service: t.service, serviceClass: t.cls, protocol: t.protocol, plannedKey: 'process_min_avail', key: 'process_min_avail', value: pl.value, rule: 'min-avail-cap', clamped: false });
    }
    out.push(...mine);
  }
  return out;
}
