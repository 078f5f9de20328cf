/**
 * The service list: search, a filter (all, built-in, custom, enabled, with
 * problems), and one row per service with its kind, capacity and problems.
 * Selecting a row selects the service for the inspector and the graph.
 *
 * @example <ServiceList />
 */
// oxlint-disable-next-line import/no-unassigned-import -- this feature's stylesheet
import './service-list.css';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EffectiveService } from '../../core/index.ts';
import { Icon } from '../../components/icon.tsx';
import { Segmented } from '../../components/segmented.tsx';
import { selectAnalysis, selectServiceProblems, type ServiceProblems } from '../../store/derived.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { useEditor, useEditorStore } from '../../store/store-context.tsx';
import type { ServiceListFilter } from '../../store/ui-slice.ts';
import { AddServiceForm } from './add-service-form.tsx';
import { ServiceRow } from './service-row.tsx';

const selectServices = (s: EditorState) => selectAnalysis(s).resolved.services;
const selectListState = (s: EditorState) => ({ selected: s.selected, search: s.serviceFilter, kind: s.serviceKind });

const FILTERS: readonly { value: ServiceListFilter; label: string; title: string }[] = [
  { value: 'all', label: 'All', title: 'Every service of this Dovecot version and every service the file adds' },
  { value: 'enabled', label: 'Enabled', title: 'Services that run with the enabled protocols' },
  { value: 'builtin', label: 'Built-in', title: 'Services Dovecot ships' },
  { value: 'custom', label: 'Custom', title: 'Services this file adds' },
  { value: 'problems', label: 'Problems', title: 'Services with problems: named by an error or warning' },
];

function matches(s: EffectiveService, kind: ServiceListFilter, search: string, problems: ReadonlyMap<string, ServiceProblems>): boolean {
  if (search !== '' && !s.name.toLowerCase().includes(search) && !s.protocol.includes(search) && !s.type.includes(search)) return false;
  switch (kind) {
    case 'all': return true;
    case 'builtin': return s.builtin;
    case 'custom': return !s.builtin;
    case 'enabled': return s.enabled;
    case 'problems': return problems.has(s.name);
  }
}

/** The service list pane. */
export function ServiceList() {
  const store = useEditorStore();
  const services = useEditor(selectServices);
  const problems = useEditor(selectServiceProblems);
  const { selected, search, kind } = useEditor(useShallow(selectListState));
  const needle = search.trim().toLowerCase();
  const shown = useMemo(() => services.filter((s) => matches(s, kind, needle, problems)), [services, kind, needle, problems]);
  const problemCount = services.filter((s) => problems.has(s.name)).length;

  return (
    <nav className="service-list" aria-labelledby="service-list-title">
      <div className="pane-head">
        <h2 id="service-list-title" className="pane-title">Services</h2>
        <span className="pane-count">{shown.length === services.length ? services.length : `${shown.length} of ${services.length}`}</span>
      </div>
      <div className="search-box">
        <Icon name="search" size={14} />
        <input
          type="search"
          aria-label="Search services"
          placeholder="Search name, protocol, type"
          value={search}
          onChange={(e) => store.getState().setServiceFilter(e.target.value)}
        />
      </div>
      <Segmented
        className="filter-tabs"
        label="Show services"
        value={kind}
        options={FILTERS.map((f) => ({ ...f, label: f.value === 'problems' && problemCount > 0 ? `${f.label} ${problemCount}` : f.label }))}
        onChange={(v) => store.getState().setServiceKind(v)}
      />
      <ul className="service-rows" aria-label="Services">
        {shown.map((s) => (
          <ServiceRow key={s.name} service={s} selected={s.name === selected} problems={problems.get(s.name)} />
        ))}
        {shown.length === 0 ? <li className="empty-row">No service matches.</li> : null}
      </ul>
      <AddServiceForm existing={services} />
    </nav>
  );
}
