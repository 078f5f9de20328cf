/**
 * Words for where an effective value comes from (the core's `EffectiveValue.source`)
 * and the default an unset field shows, with `$default_*` references expanded
 * and 2.3's "0 means default_*" sentinels spelled out.
 *
 * @example describeSource(service.values.process_limit, def, resolved); // 'from default_process_limit'
 */
import type { EffectiveValue, ResolvedConfig, SettingDef } from '../../core/index.ts';
import { displayValue } from '../../core/model/resolve.ts';

/** An empty default that means "use the global" (2.3 inet_listener address → listen). */
function emptyMeansGlobal(v: EffectiveValue | undefined, def: SettingDef): boolean {
  return v === undefined || (v.source === 'default' && v.text === '' && def.fallbackGlobal !== undefined);
}

/** Where a value comes from, in a few words. */
export function describeSource(v: EffectiveValue | undefined, def: SettingDef, resolved: ResolvedConfig): string {
  if (emptyMeansGlobal(v, def)) {
    const g = def.fallbackGlobal !== undefined ? resolved.globals[def.fallbackGlobal] : undefined;
    if (g === undefined) return 'not set';
    return g.source === 'global' ? `from global ${def.fallbackGlobal}${g.at ? ` · line ${g.at.line}` : ''}` : `from global ${def.fallbackGlobal} (Dovecot default)`;
  }
  if (v === undefined) return 'not set';
  switch (v.source) {
    case 'service':
      return v.at ? `set here · line ${v.at.line}` : 'set here';
    case 'root':
      return `from root ${v.sourceKey ?? 'service_*'}${v.at ? ` · line ${v.at.line}` : ''}`;
    case 'builtin':
      return sentinel(v, def, resolved) ?? 'built-in default of this service';
    case 'global':
      return `from ${v.sourceKey ?? 'a global'}${v.at ? ` · line ${v.at.line}` : ''}`;
    case 'default':
      return sentinel(v, def, resolved) ?? (v.sourceKey ? `from ${v.sourceKey} (Dovecot default)` : 'Dovecot default');
    case 'history':
      return 'default of dovecot_config_version 2.4.0';
  }
}

/** 2.3: `0` (limits, idle_kill) and the huge vsz_limit mean "use default_*". */
function sentinel(v: EffectiveValue, def: SettingDef, resolved: ResolvedConfig): string | null {
  if (resolved.version !== '2.3') return null;
  const global = def.fallbackGlobal ?? (def.key === 'vsz_limit' ? 'default_vsz_limit' : def.key === 'idle_kill' ? 'default_idle_kill' : undefined);
  if (global === undefined) return null;
  const isSentinel = v.text === '0' || (def.key === 'vsz_limit' && v.text.startsWith('18446744073709551615'));
  if (!isSentinel) return null;
  const g = resolved.globals[global];
  const where = g?.source === 'global' ? `set in this file${g.at ? ` · line ${g.at.line}` : ''}` : 'Dovecot default';
  return `${v.text === '0' ? '0' : 'unset'} means ${global} (${where})`;
}

/** The value an unset field shows as its placeholder. */
export function effectivePlaceholder(v: EffectiveValue | undefined, def: SettingDef, resolved: ResolvedConfig): string {
  if (emptyMeansGlobal(v, def)) {
    const g = def.fallbackGlobal !== undefined ? resolved.globals[def.fallbackGlobal] : undefined;
    return g === undefined ? '' : g.text === '' ? '(empty)' : g.text;
  }
  if (v === undefined) return '';
  const shown = displayValue(v.text, resolved);
  if (resolved.version === '2.3' && sentinel(v, def, resolved) !== null) {
    const global = def.fallbackGlobal ?? (def.key === 'vsz_limit' ? 'default_vsz_limit' : 'default_idle_kill');
    return resolved.globals[global]?.text ?? shown;
  }
  if (shown === '') return '(empty)';
  return shown;
}
