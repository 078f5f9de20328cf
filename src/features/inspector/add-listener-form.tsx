/**
 * Adds a listener to the inspected service (one undo step): its kind, its path
 * (unix/fifo) or name (inet), and for inet listeners the port.
 *
 * @example <AddListenerForm service={service} />
 */
import { useState, type FormEvent } from 'react';
import { addBlock, type EffectiveService, type ListenerKind } from '../../core/index.ts';
import { Icon } from '../../components/icon.tsx';
import { selectDocument } from '../../store/derived.ts';
import { useEditorStore } from '../../store/store-context.tsx';

const KINDS: readonly ListenerKind[] = ['unix_listener', 'inet_listener', 'fifo_listener'];

/** The add-listener form (collapsed to a button until used). */
export function AddListenerForm({ service }: { service: EffectiveService }) {
  const store = useEditorStore();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ListenerKind>('unix_listener');
  const [name, setName] = useState('');
  const [port, setPort] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (n === '') {
      setError(kind === 'inet_listener' ? 'Give the listener a name.' : 'Give the socket a path.');
      return;
    }
    if (service.listeners.some((l) => l.kind === kind && l.name === n)) {
      setError(`${service.name} already has ${kind} ${n}.`);
      return;
    }
    const p = port.trim();
    const settings: Record<string, string> = kind === 'inet_listener' && p !== '' ? { port: p } : {};
    const s = store.getState();
    s.applyEdits(addBlock(selectDocument(s), { service: service.name, listener: { kind, name: n } }, settings), `Add ${kind} ${n} to ${service.name}`);
    s.select(service.name, n);
    setOpen(false);
    setName('');
    setPort('');
    setError(null);
  };

  if (!open) {
    return (
      <button type="button" className="button small ghost add-button" onClick={() => setOpen(true)}>
        <Icon name="plus" size={14} /> Add listener
      </button>
    );
  }
  return (
    <form className="inline-form" aria-label={`Add a listener to ${service.name}`} onSubmit={submit}>
      <label>
        <span>kind</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as ListenerKind)}>
          {KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
      </label>
      <label>
        <span>{kind === 'inet_listener' ? 'name' : 'path'}</span>
        <input value={name} spellCheck={false} placeholder={kind === 'inet_listener' ? 'e.g. lmtp' : 'e.g. /var/spool/postfix/private/auth'} onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      {kind === 'inet_listener' ? (
        <label>
          <span>port</span>
          <input value={port} inputMode="numeric" placeholder="e.g. 24" onChange={(e) => setPort(e.target.value)} />
        </label>
      ) : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="form-actions">
        <button type="button" className="button small ghost" onClick={() => { setOpen(false); setError(null); }}>Cancel</button>
        <button type="submit" className="button small primary">Add listener</button>
      </div>
    </form>
  );
}
