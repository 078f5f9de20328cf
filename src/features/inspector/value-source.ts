/**
 * Words for where an effective value comes from (the core's `EffectiveValue.source`)
 * and the default an unset field shows, with `$default_*` references expanded
 * and 2.3's "0 means default_*" sentinels spelled out.
 *
 * @example describeSource(service.values.process_limit, def, resolved); // 'from default_process_limit'
 */
import type { EffectiveValue, ResolvedConfig, SettingDef } from '../../core/index.ts';
import { displayValue } from '../../core/model/resolve.ts';

/** Where a value comes from, in a few words. */
export function describeSource(v: EffectiveValue | undefined, def: SettingDef, resolved: ResolvedConfig): string {
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
  return `${v.source === 'builtin' ? 'built-in' : 'default'} ${v.text === '0' ? '0' : 'unset'} = ${global}${g?.source === 'global' ? ' (set in this file)' : ''}`;
}

/** The value an unset field shows as its placeholder. */
export function effectivePlaceholder(v: EffectiveValue | undefined, def: SettingDef, resolved: ResolvedConfig): string {
  if (v === undefined) return '';
  const shown = displayValue(v.text, resolved);
  if (resolved.version === '2.3' && sentinel(v, def, resolved) !== null) {
    const global = def.fallbackGlobal ?? (def.key === 'vsz_limit' ? 'default_vsz_limit' : 'default_idle_kill');
    return resolved.globals[global]?.text ?? shown;
  }
  if (shown === '') return '""';
  return shown;
}
