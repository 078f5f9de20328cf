/**
 * A proxy/backend cluster on paper: the settings of one proxy and one backend,
 * the load each carries, the totals and the assumptions.
 *
 * @example {cluster ? <ClusterView cluster={cluster} editing={input.role} /> : null}
 */
import { PLAN_PROTOCOLS, type ClusterPlan, type ClusterTier, type PlanRole } from '../../core/planner/index.ts';
import { formatBytes, formatCount } from './format.ts';

/** Props of the cluster view. */
export interface ClusterViewProps {
  readonly cluster: ClusterPlan;
  /** The role of the configuration being edited. */
  readonly editing: PlanRole;
}

function Tier({ t, editing }: { t: ClusterTier; editing: boolean }) {
  const load = t.plan.load;
  const loads = PLAN_PROTOCOLS.filter((p) => load.expected[p] > 0).map((p) => `${p} ${formatCount(load.expected[p])}`);
  if (load.deliveries > 0) loads.push(`lmtp ${formatCount(load.deliveries)} deliveries`);
  return (
    <div className={`pl-tier${editing ? ' is-editing' : ''}`} role="group" aria-label={`Each ${t.role}`}>
      <div className="pl-tier-head">
        <strong>Each {t.role}</strong>
        <span className="pl-count">× {t.servers}</span>
        {editing ? <span className="pl-badge">this configuration</span> : null}
      </div>
      <p className="pl-tier-load">{loads.length > 0 ? loads.join(' · ') : 'no load'}</p>
      <table className="pl-mini">
        <tbody>
          {t.plan.recommendations.map((r, i) => (
            <tr key={`${r.service}/${r.key}`} className={t.plan.recommendations[i - 1]?.service === r.service ? 'is-cont' : undefined}>
              <th scope="row"><code>{r.service}</code></th>
              <td><code>{r.key}</code></td>
              <td className="num"><code>{r.value}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="pl-tier-foot">
        auth needs {formatCount(t.assessment.auth.requiredExact)} · anvil {formatCount(t.assessment.anvil.requiredExact)} · Σ process_limit {formatCount(t.assessment.processes.max)}
      </p>
    </div>
  );
}

/** The cluster on paper. */
export function ClusterView({ cluster, editing }: ClusterViewProps) {
  const tot = cluster.totals;
  const protocols = PLAN_PROTOCOLS.filter((p) => cluster.proxy.plan.load.expected[p] > 0);
  return (
    <section className="pl-card" aria-label="Cluster on paper">
      <header className="pl-card-head">
        <h3>Cluster on paper</h3>
        <span className="pl-count">{cluster.proxy.servers} prox{cluster.proxy.servers === 1 ? 'y' : 'ies'} → {cluster.backend.servers} backend{cluster.backend.servers === 1 ? '' : 's'}</span>
      </header>
      <div className="pl-tiers">
        <Tier t={cluster.proxy} editing={editing === 'proxy'} />
        <Tier t={cluster.backend} editing={editing === 'backend'} />
      </div>
      <table className="pl-table pl-totals">
        <caption>Totals over {tot.servers} servers</caption>
        <thead>
          <tr>
            <th scope="col">Protocol</th>
            <th scope="col" className="num">Client connections (proxies)</th>
            <th scope="col" className="num">Sessions (backends)</th>
          </tr>
        </thead>
        <tbody>
          {protocols.map((p) => (
            <tr key={p}>
              <th scope="row">{p}</th>
              <td className="num">{formatCount(tot.clientCapacity[p])}</td>
              <td className="num">{formatCount(tot.backendCapacity[p])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">processes</th>
            <td className="num" colSpan={2}>{formatCount(tot.processes)} Σ process_limit</td>
          </tr>
          <tr>
            <th scope="row">memory</th>
            <td className="num" colSpan={2}>{tot.memoryLimitsBytes === null ? 'unbounded' : formatBytes(tot.memoryLimitsBytes)} worst case · RAM {formatBytes(tot.ramBytes)}</td>
          </tr>
        </tbody>
      </table>
      <details className="pl-assumptions" open>
        <summary>Assumptions</summary>
        <ul>{cluster.assumptions.map((a) => <li key={a}>{a}</li>)}</ul>
      </details>
    </section>
  );
}
