/**
 * The settings one 2.3 filter sees: the root settings with every filter that
 * matches it laid over them, most specific last (config_filter_parsers_get()
 * @ 2.3.19.1). doveconf runs its service check once per filter on this view,
 * so a `protocol imap { service imap-login { process_limit = 5000 } }` block
 * or a `local … { default_client_limit = 10 }` block is checked too.
 *
 * @example
 *   const view = mergedScope(loaded, loaded.filterScopes[0]!);
 *   resolveServices(view).services; // with the filter's values
 */
import type { FilterScope, LoadedConfig, ServiceBlock } from './config.ts';
import { filterMatches, filterSpecificity } from './filters.ts';

function copyService(svc: ServiceBlock): ServiceBlock {
  const listeners = new Map([...svc.listeners].map(([k, l]) => [k, { ...l, settings: new Map(l.settings) }]));
  return { ...svc, inFilter: false, settings: new Map(svc.settings), listeners, scoped: new Map(svc.scoped) };
}

function overlay(into: Map<string, ServiceBlock>, from: ReadonlyMap<string, ServiceBlock>): void {
  for (const [name, svc] of from) {
    const cur = into.get(name);
    if (cur === undefined) {
      into.set(name, copyService(svc));
      continue;
    }
    for (const [k, w] of svc.settings) cur.settings.set(k, w);
    for (const [k, l] of svc.listeners) {
      const cl = cur.listeners.get(k);
      if (cl === undefined) cur.listeners.set(k, { ...l, settings: new Map(l.settings) });
      else for (const [sk, w] of l.settings) cl.settings.set(sk, w);
    }
  }
}

/**
 * The configuration as doveconf 2.3 checks it for one filter.
 *
 * @example mergedScope(loaded, scope).globals.get('default_client_limit')?.value;
 */
export function mergedScope(cfg: LoadedConfig, scope: FilterScope): LoadedConfig {
  const matching = cfg.filterScopes
    .filter((s) => filterMatches(s.filter, scope.filter))
    .sort((a, b) => filterSpecificity(b.filter, a.filter));
  const globals = new Map(cfg.globals);
  const services = new Map<string, ServiceBlock>();
  overlay(services, cfg.services);
  let protocols = cfg.protocols;
  for (const s of matching) {
    for (const [k, w] of s.globals) globals.set(k, w);
    overlay(services, s.services);
    const p = s.globals.get('protocols');
    if (p !== undefined) {
      const words = p.value.split(' ').filter((x) => x !== '');
      protocols = { list: words.length === 1 && words[0] === 'none' ? [] : words, at: p.at, raw: p.value };
    }
  }
  return { ...cfg, globals, services, protocols };
}
