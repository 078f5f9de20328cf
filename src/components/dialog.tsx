/**
 * A modal dialog on the native `<dialog>` element (focus trap, Escape and the
 * backdrop come from the browser). Mount it to open it; `onClose` runs on
 * Escape, the close button, or a footer action that calls it.
 *
 * @example {open && <Dialog title="Paste configuration" onClose={() => setOpen(false)}>…</Dialog>}
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Icon } from './icon.tsx';

/** Props of a dialog. */
export interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly footer?: ReactNode;
  readonly description?: ReactNode;
  readonly size?: 'small' | 'medium' | 'large';
}

/** A modal dialog. */
export function Dialog({ title, onClose, children, footer, description, size = 'medium' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const d = ref.current;
    if (d === null) return undefined;
    if (!d.open) d.showModal();
    const cancel = (e: Event) => {
      e.preventDefault();
      onCloseRef.current();
    };
    d.addEventListener('cancel', cancel);
    return () => {
      d.removeEventListener('cancel', cancel);
      if (d.open) d.close();
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog dialog-${size}`} aria-labelledby={titleId}>
      <header className="dialog-header">
        <div>
          <h2 id={titleId}>{title}</h2>
          {description ? <p className="dialog-description">{description}</p> : null}
        </div>
        <button type="button" className="icon-button" aria-label="Close" onClick={() => onCloseRef.current()}>
          <Icon name="x" />
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </dialog>
  );
}
