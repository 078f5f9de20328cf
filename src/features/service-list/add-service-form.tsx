/**
 * Adds a custom service (one undo step): a `service NAME { }` block with its
 * executable, and optionally a type and a protocol. A service without an
 * executable is never started, so one is asked for.
 *
 * @example <AddServiceForm existing={services} />
 */
import { useState, type FormEvent } from 'react';
import { addBlock, type EffectiveService } from '../../core/index.ts';
import { Icon } from '../../components/icon.tsx';
import { selectDocument } from '../../store/derived.ts';
import { useEditorStore } from '../../store/store-context.tsx';

/** The add-service form (a button until opened). */
export function AddServiceForm({ existing }: { existing: readonly EffectiveService[] }) {
  const store = useEditorStore();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [executable, setExecutable] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    const x = executable.trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(n)) {
      setError('Use letters, digits, ".", "_" or "-" for the name.');
      return;
    }
    if (existing.some((s) => s.name === n)) {
      setError(`Service ${n} already exists: select it in the list to edit it.`);
      return;
    }
    if (x === '') {
      setError('Give the program to run (e.g. quota-status -p postfix): without one the service never starts.');
      return;
    }
    const s = store.getState();
    s.applyEdits(addBlock(selectDocument(s), { service: n }, { executable: x }), `Add service ${n}`);
    s.select(n);
    setOpen(false);
    setName('');
    setExecutable('');
    setError(null);
  };

  if (!open) {
    return (
      <div className="list-foot">
        <button type="button" className="button small ghost add-button" onClick={() => setOpen(true)}>
          <Icon name="plus" size={14} /> Add custom service
        </button>
      </div>
    );
  }
  return (
    <form className="inline-form list-foot" aria-label="Add a custom service" onSubmit={submit}>
      <label>
        <span>name</span>
        <input value={name} spellCheck={false} placeholder="e.g. quota-status" onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      <label>
        <span>executable</span>
        <input value={executable} spellCheck={false} placeholder="e.g. quota-status -p postfix" onChange={(e) => setExecutable(e.target.value)} />
      </label>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="form-actions">
        <button type="button" className="button small ghost" onClick={() => { setOpen(false); setError(null); }}>Cancel</button>
        <button type="submit" className="button small primary">Add service</button>
      </div>
    </form>
  );
}
