import { useMemo } from 'react';
import { analyzeConfig } from '../core/index.ts';
import { DiagnosticList } from '../features/diagnostics/diagnostic-list.tsx';
import { ServiceTable } from '../features/services/service-table.tsx';
import { AppHeader } from './app-header.tsx';
import { DEFAULT_CONFIG_TEXT } from './default-config.ts';

const DEFAULT_FILE_NAME = 'dovecot.conf (embedded default)';

export function App() {
  const analysis = useMemo(
    () => analyzeConfig({ text: DEFAULT_CONFIG_TEXT, fileName: DEFAULT_FILE_NAME }),
    [],
  );
  const enabled = analysis.services.filter((s) => s.enabled).length;

  return (
    <div className="app">
      <AppHeader version={analysis.version} fileName={DEFAULT_FILE_NAME} />
      <main className="app-main">
        <section className="panel">
          <ServiceTable services={analysis.services} />
          <p className="panel-note">
            {analysis.services.length} services, {enabled} enabled. Max connections is
            process_limit × the client_limit a process really accepts, as doveconf computes it.
          </p>
        </section>
        <DiagnosticList errors={analysis.errors} warnings={analysis.warnings} />
      </main>
    </div>
  );
}
