/**
 * Progress and outcome of the last import: reading (with a real progress
 * bar), checking off the main thread, the detected version and the problem
 * count, or why it failed.
 *
 * @example <ImportStatusBar />
 */
import { useStore } from 'zustand';
import { formatFileSize, plural } from '../../components/format.ts';
import { Icon } from '../../components/icon.tsx';
import { cancelImport, dismissImportStatus, importStatus } from './import-job.ts';

/** The import status strip (renders nothing when idle). */
export function ImportStatusBar() {
  const status = useStore(importStatus, (s) => s.status);
  if (status.phase === 'idle') return null;
  if (status.phase === 'reading' || status.phase === 'checking') {
    const pct = status.phase === 'reading' && status.total > 0 ? Math.round((status.loaded / status.total) * 100) : null;
    return (
      <div className="notice-bar is-busy" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>
          {status.phase === 'reading' ? `Reading ${status.name}` : `Checking ${status.name} (${formatFileSize(status.total)}) in the background`}
          {pct !== null ? ` · ${pct}%` : '…'}
        </span>
        <progress aria-label="Import progress" max={100} {...(pct !== null ? { value: pct } : {})} />
        <button type="button" className="button small ghost" onClick={cancelImport}>Cancel</button>
      </div>
    );
  }
  if (status.phase === 'failed') {
    return (
      <div className="notice-bar is-error" role="alert">
        <Icon name="error" size={14} />
        <span>Could not import {status.name}: {status.message}</span>
        <button type="button" className="icon-button small" aria-label="Dismiss" onClick={dismissImportStatus}><Icon name="x" size={14} /></button>
      </div>
    );
  }
  const problems = status.errors + status.warnings;
  return (
    <div className={`notice-bar${status.errors > 0 ? ' is-error' : ''}`} role="status">
      <Icon name={status.errors > 0 ? 'error' : 'check'} size={14} />
      <span>
        Imported <b>{status.name}</b> ({formatFileSize(status.chars)}) · Dovecot {status.version} {status.detected ? 'detected' : 'chosen'}
        {problems > 0 ? ` · ${plural(status.errors, 'error')}, ${plural(status.warnings, 'warning')}: see Problems` : ' · no problems'}
      </span>
      <button type="button" className="icon-button small" aria-label="Dismiss" onClick={dismissImportStatus}><Icon name="x" size={14} /></button>
    </div>
  );
}
