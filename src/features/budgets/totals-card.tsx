/**
 * Totals over the enabled services at full load: processes, worst-case memory
 * (process_limit × vsz_limit), file descriptors and connections.
 *
 * @example <TotalsCard totals={budgets.totals} />
 */
import type { Budgets } from '../../core/index.ts';
import { formatBytes, formatCount } from '../../components/format.ts';

/** The totals card. */
export function TotalsCard({ totals }: { totals: Budgets['totals'] }) {
  return (
    <div role="group" aria-label="Totals" className="budget-card totals-card">
      <div className="budget-title"><h3>Totals at full load</h3></div>
      <dl className="totals">
        <div><dt>processes</dt><dd>{formatCount(totals.processes)}</dd></div>
        <div>
          <dt title="Σ process_limit × vsz_limit over enabled services: the most address space Dovecot lets its processes take, not resident memory">worst-case memory</dt>
          <dd>{formatBytes(totals.memoryBytes)}</dd>
        </div>
        <div>
          <dt title="Listening sockets plus one descriptor per possible client connection (a floor)">file descriptors</dt>
          <dd>{formatCount(totals.fileDescriptors)}</dd>
        </div>
        <div><dt>connections</dt><dd>{formatCount(totals.connections)}</dd></div>
      </dl>
    </div>
  );
}
