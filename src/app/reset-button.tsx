/**
 * Start over from the embedded default configuration (one undo step; the
 * current text comes back with undo).
 *
 * @example <ResetButton />
 */
import { useState } from 'react';
import { Dialog } from '../components/dialog.tsx';
import { Icon } from '../components/icon.tsx';
import { useEditorStore } from '../store/store-context.tsx';
import { DEFAULT_CONFIG_TEXT, DEFAULT_FILE_NAME } from './default-config.ts';

/** The reset button and its confirmation. */
export function ResetButton() {
  const store = useEditorStore();
  const [asking, setAsking] = useState(false);
  const reset = () => {
    const s = store.getState();
    s.importText(DEFAULT_CONFIG_TEXT, DEFAULT_FILE_NAME);
    s.relayout();
    s.select(null);
    setAsking(false);
  };
  return (
    <>
      <button type="button" className="icon-button bordered" aria-label="Reset to the default configuration" title="Reset to the default configuration" onClick={() => setAsking(true)}>
        <Icon name="reset" />
      </button>
      {asking ? (
        <Dialog
          title="Reset to the default configuration?"
          size="small"
          onClose={() => setAsking(false)}
          footer={(
            <>
              <button type="button" className="button" onClick={() => setAsking(false)}>Cancel</button>
              <button type="button" className="button danger" onClick={reset}>Reset</button>
            </>
          )}
        >
          <p>The document becomes Dovecot 2.4’s defaults with imap, pop3, lmtp and submission. Undo (Ctrl+Z) brings your text back.</p>
        </Dialog>
      ) : null}
    </>
  );
}
