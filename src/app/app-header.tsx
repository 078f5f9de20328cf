/** Product bar: name, what the page is about, and the Dovecot version the core detected. */
export function AppHeader({ version, fileName }: { version: string; fileName: string }) {
  return (
    <header className="app-header">
      <div className="brand">
        <img src="/favicon.svg" alt="" width="28" height="28" />
        <h1>Dovecot Service Editor</h1>
      </div>
      <div className="header-meta">
        <span className="file-name">{fileName}</span>
        <span className="version-badge" aria-label={`Detected Dovecot version ${version}`}>
          Dovecot {version}
        </span>
      </div>
    </header>
  );
}
