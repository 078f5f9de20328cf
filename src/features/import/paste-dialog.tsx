/**
 * Paste a configuration: a textarea, a name for it, and the version to check
 * it with (detected unless chosen). Large pastes are checked off the main
 * thread like large files.
 *
 * @example <PasteButton />
 */
import { useState } from 'react';
import type { DovecotVersion } from '../../core/index.ts';
import { Dialog } from '../../components/dialog.tsx';
import { formatFileSize } from '../../components/format.ts';
import { Icon } from '../../components/icon.tsx';
import { useEditorStore } from '../../store/store-context.tsx';
import { importText } from './import-job.ts';

/** The paste button and its dialog. */
export function PasteButton() {
  const store = useEditorStore();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [name, setName] = useState('pasted.conf');
  const [version, setVersion] = useState<'detect' | DovecotVersion>('detect');

  const submit = () => {
    const n = name.trim() === '' ? 'pasted.conf' : name.trim();
    setOpen(false);
    void importText(store, text, n, version === 'detect' ? undefined : version);
    setText('');
  };

  return (
    <>
      <button type="button" className="button toolbar-button secondary" onClick={() => setOpen(true)} title="Paste a configuration text">
        <Icon name="paste" />
        <span>Paste</span>
      </button>
      {open ? (
        <Dialog
          title="Paste a configuration"
          description="It replaces the current document (undo brings it back) and becomes the baseline of the export diff."
          size="large"
          onClose={() => setOpen(false)}
          footer={(
            <>
              <span className="muted">{formatFileSize(text.length)}</span>
              <button type="button" className="button" onClick={() => setOpen(false)}>Cancel</button>
              <button type="button" className="button primary" disabled={text === ''} onClick={submit}>Import pasted text</button>
            </>
          )}
        >
          <textarea
            className="paste-area"
            aria-label="Configuration text"
            spellCheck={false}
            placeholder={'service imap-login {\n  process_limit = 500\n}'}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="form-row">
            <label>
              <span>Name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} />
            </label>
            <label>
              <span>Check as</span>
              <select value={version} onChange={(e) => setVersion(e.target.value as 'detect' | DovecotVersion)}>
                <option value="detect">Detect from the text</option>
                <option value="2.3">Dovecot 2.3</option>
                <option value="2.4">Dovecot 2.4</option>
              </select>
            </label>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
