/**
 * Drag and drop a file anywhere on the window to import it; an overlay says so
 * while a file is dragged over the page.
 *
 * @example <DropZone />
 */
// oxlint-disable-next-line import/no-unassigned-import -- this feature's stylesheet
import './import.css';
import { useEffect, useState } from 'react';
import { Icon } from '../../components/icon.tsx';
import { useEditorStore } from '../../store/store-context.tsx';
import { importFile } from './import-job.ts';

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/** The window-wide drop target. */
export function DropZone() {
  const store = useEditorStore();
  const [over, setOver] = useState(false);

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overFn = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) void importFile(store, file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overFn);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [store]);

  if (!over) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <Icon name="upload" size={28} />
        <p>Drop a Dovecot configuration to import it</p>
        <p className="muted">dovecot.conf, 10-master.conf or any conf.d file</p>
      </div>
    </div>
  );
}
