/**
 * Asks before a shared link replaces different work kept in this browser.
 *
 * @example {pending && <SharedLinkPrompt shared={pending} onDone={() => setPending(null)} />}
 */
import { Dialog } from '../components/dialog.tsx';
import { formatFileSize } from '../components/format.ts';
import type { SharedConfig } from '../store/share-link.ts';
import { useEditorStore } from '../store/store-context.tsx';
import { clearShareHash, openShared } from './boot.ts';

/** The confirmation dialog for a shared link. */
export function SharedLinkPrompt({ shared, onDone }: { shared: SharedConfig; onDone: () => void }) {
  const store = useEditorStore();
  const local = store.getState();
  const keep = () => {
    clearShareHash();
    onDone();
  };
  const open = () => {
    openShared(store, shared);
    clearShareHash();
    onDone();
  };
  return (
    <Dialog
      title="Open the shared configuration?"
      size="small"
      onClose={keep}
      footer={(
        <>
          <button type="button" className="button" onClick={keep}>Keep my work</button>
          <button type="button" className="button primary" onClick={open}>Open shared configuration</button>
        </>
      )}
    >
      <p>
        The link carries <b>{shared.fileName}</b> (Dovecot {shared.version}, {formatFileSize(shared.text.length)}).
        It would replace <b>{local.fileName}</b> that this browser kept from your last visit. Undo (Ctrl+Z) brings your work back.
      </p>
    </Dialog>
  );
}
