/**
 * Head of the inspector: the service name, what kind of service it is and
 * whether it runs, its role, its capacity, the problems that name it as a
 * whole, and the service-level actions (reset a built-in to its defaults,
 * rename or remove a custom service).
 *
 * @example <ServiceHeader service={service} problems={general} />
 */
import { useState } from 'react';
import { removeBlock, renameBlock, type Diagnostic, type EffectiveService } from '../../core/index.ts';
import { formatCount } from '../../components/format.ts';
import { Icon } from '../../components/icon.tsx';
import { selectDocument } from '../../store/derived.ts';
import { useEditorStore } from '../../store/store-context.tsx';

/** The service header. */
export function ServiceHeader({ service, problems }: { service: EffectiveService; problems: readonly Diagnostic[] }) {
  const store = useEditorStore();
  const [renaming, setRenaming] = useState<string | null>(null);
  const name = service.name;
  const written = service.block !== undefined;

  const reset = () => {
    const s = store.getState();
    s.applyEdits(removeBlock(selectDocument(s), { service: name }), service.builtin ? `Reset ${name} to its defaults` : `Remove service ${name}`);
    if (!service.builtin) s.select(null);
  };
  const rename = () => {
    const to = renaming?.trim() ?? '';
    setRenaming(null);
    if (to === '' || to === name) return;
    const s = store.getState();
    s.applyEdits(renameBlock(selectDocument(s), { service: name }, to), `Rename service ${name} to ${to}`);
    s.select(to);
  };

  return (
    <header className="service-header">
      <div className="service-title-row">
        {renaming === null ? (
          <h3 className="service-title">{name}</h3>
        ) : (
          <input
            className="rename-input"
            aria-label={`New name for service ${name}`}
            value={renaming}
            autoFocus
            onChange={(e) => setRenaming(e.target.value)}
            onBlur={rename}
            onKeyDown={(e) => {
              if (e.key === 'Enter') rename();
              if (e.key === 'Escape') setRenaming(null);
            }}
          />
        )}
        <div className="service-actions">
          {!service.builtin && renaming === null ? (
            <button type="button" className="icon-button" aria-label={`Rename service ${name}`} title="Rename" onClick={() => setRenaming(name)}>
              <Icon name="pencil" />
            </button>
          ) : null}
          {service.builtin ? (
            <button type="button" className="button small" disabled={!written} onClick={reset} title={written ? 'Remove every block of this service: all settings back to the built-in defaults' : 'Nothing written for this service'}>
              <Icon name="reset" size={14} /> Reset to defaults
            </button>
          ) : (
            <button type="button" className="button small danger" onClick={reset}>
              <Icon name="trash" size={14} /> Remove service
            </button>
          )}
        </div>
      </div>
      <div className="badges">
        <span className={service.enabled ? 'badge badge-on' : 'badge badge-off'}>{service.enabled ? 'runs' : 'disabled'}</span>
        {service.type !== '' ? <span className="badge">type {service.type}</span> : null}
        {service.protocol !== '' ? <span className="badge">protocol {service.protocol}</span> : null}
        <span className="badge">{service.builtin ? 'built-in' : 'custom'}</span>
        {written ? <span className="badge badge-accent">edited</span> : null}
      </div>
      {!service.enabled ? (
        <p className="service-note">Protocol <code>{service.protocol}</code> is not in <code>protocols</code>: the service is not started, checked or counted.</p>
      ) : null}
      {service.role ? <p className="service-role">{service.role}</p> : null}
      <p className="capacity">
        <span className="metric-key">process_limit</span> {formatCount(service.processLimit)}
        <span className="op">×</span>
        <span className="metric-key">clients per process</span> {formatCount(service.clientsPerProcess)}
        <span className="op">=</span>
        <strong>{formatCount(service.maxConnections)}</strong> <span className="metric-key">max connections</span>
      </p>
      {problems.length > 0 ? (
        <ul className="service-problems">
          {problems.map((d, i) => (
            <li key={i} className={d.severity === 'error' ? 'svc-problem svc-problem-error' : 'svc-problem svc-problem-warning'}>
              <Icon name={d.severity === 'error' ? 'error' : 'warning'} size={14} />
              <span>{d.message}{d.line !== null ? <span className="muted"> · line {d.line}</span> : null}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </header>
  );
}
