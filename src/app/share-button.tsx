/**
 * A link that carries the configuration in its hash (deflated, base64url):
 * opening it restores the text, its name and version. Nothing is uploaded.
 *
 * @example <ShareButton />
 */
import { useState } from 'react';
import { Dialog } from '../components/dialog.tsx';
import { formatFileSize } from '../components/format.ts';
import { Icon } from '../components/icon.tsx';
import { encodeShareHash, MAX_SHARE_URL } from '../store/share-link.ts';
import { useEditorStore } from '../store/store-context.tsx';

/** The share button and its dialog. */
export function ShareButton() {
  const store = useEditorStore();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const open = () => {
    const s = store.getState();
    setCopied(null);
    setLink(`${location.origin}${location.pathname}${encodeShareHash({ text: s.text, version: s.version, fileName: s.fileName })}`);
  };
  const tooLong = link !== null && link.length > MAX_SHARE_URL;
  const copy = async () => {
    if (link === null) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <>
      <button type="button" className="button toolbar-button secondary" onClick={open} title="A link that carries this configuration">
        <Icon name="share" />
        <span>Share</span>
      </button>
      {link !== null ? (
        <Dialog
          title="Share link"
          description="The configuration travels inside the link (after the #), compressed. It is never sent to a server: whoever opens the link gets this text."
          onClose={() => setLink(null)}
          footer={(
            <>
              <span className="muted">{formatFileSize(link.length)} link</span>
              <button type="button" className="button" onClick={() => setLink(null)}>Close</button>
              <button type="button" className="button primary" disabled={tooLong} onClick={() => void copy()}>
                <Icon name="paste" size={14} /> Copy link
              </button>
            </>
          )}
        >
          {tooLong ? (
            <p className="form-error" role="alert">This configuration is too large for a link ({formatFileSize(link.length)}; browsers open at most 2 MB). Share the file instead.</p>
          ) : (
            <textarea className="share-link" aria-label="Share link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          )}
          {copied === 'yes' ? <p className="form-ok" role="status">Copied to the clipboard.</p> : null}
          {copied === 'failed' ? <p className="form-error" role="alert">The browser refused the clipboard: select the link and copy it.</p> : null}
        </Dialog>
      ) : null}
    </>
  );
}
