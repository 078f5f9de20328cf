/**
 * One row of the service list: name, kind, whether it runs, its max
 * connections, whether the file edits it, and its problem counts.
 *
 * @example <ServiceRow service={s} selected={false} problems={undefined} />
 */
import { memo, useEffect, useRef } from 'react';
import type { EffectiveService } from '../../core/index.ts';
import { formatCount } from '../../components/format.ts';
import { Icon } from '../../components/icon.tsx';
import type { ServiceProblems } from '../../store/derived.ts';
import { useEditorStore } from '../../store/store-context.tsx';

/** A service row. */
export const ServiceRow = memo(function ServiceRow({ service: s, selected, problems }: { service: EffectiveService; selected: boolean; problems: ServiceProblems | undefined }) {
  const store = useEditorStore();
  const row = useRef<HTMLButtonElement>(null);
  // a service selected on the graph or in a budget comes into view here too
  useEffect(() => {
    if (selected) row.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const errors = problems?.errors.length ?? 0;
  const warnings = problems?.warnings.length ?? 0;
  const kind = [s.type, s.protocol].filter((x) => x !== '').join(' · ') || 'core';
  return (
    <li>
      <button
        ref={row}
        type="button"
        className={`service-row${selected ? ' is-selected' : ''}${s.enabled ? '' : ' is-disabled'}`}
        aria-current={selected ? 'true' : undefined}
        onClick={() => store.getState().select(s.name)}
      >
        <span className={`run-dot${s.enabled ? ' on' : ''}`} aria-hidden="true" title={s.enabled ? 'runs' : 'disabled: its protocol is not enabled'} />
        <span className="row-main">
          <span className="row-name">{s.name}</span>
          <span className="row-meta">
            {kind}
            {!s.enabled ? <span className="mini-tag">off</span> : null}
            {!s.builtin ? <span className="mini-tag">custom</span> : null}
            {s.block !== undefined ? <span className="mini-tag accent">edited</span> : null}
          </span>
        </span>
        <span className="row-side">
          {errors > 0 ? <span className="count-badge error" title={`${errors} error(s)`}><Icon name="error" size={12} />{errors}</span> : null}
          {warnings > 0 ? <span className="count-badge warning" title={`${warnings} warning(s)`}><Icon name="warning" size={12} />{warnings}</span> : null}
          {s.enabled ? <span className="row-num" title="max connections">{formatCount(s.maxConnections)}</span> : null}
        </span>
      </button>
    </li>
  );
});
