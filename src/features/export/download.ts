/**
 * Saves a text as a file from the page: a Blob behind an `a[download]`
 * click (no server, no request leaves the page).
 *
 * @example downloadText('10-master.conf', text);
 */

/** Starts the browser's download of `text` under `fileName`. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // the click has handed the blob to the download; release it once the event loop moves on
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
