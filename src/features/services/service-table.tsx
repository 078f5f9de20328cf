import type { analyzeConfig } from '../../core/index.ts';

type ServiceRow = ReturnType<typeof analyzeConfig>['services'][number];

/** Dovecot prints `unlimited` for the largest uint (2^32 - 1). */
const UINT_MAX = 4_294_967_295;

function formatCount(value: number): string {
  return value >= UINT_MAX ? 'unlimited' : String(value);
}

function OptionalText({ value }: { value: string }) {
  return value === '' ? <span className="muted" aria-label="none">—</span> : <>{value}</>;
}

/** One row per service, in the order the core reports them. */
export function ServiceTable({ services }: { services: readonly ServiceRow[] }) {
  return (
    <div className="table-scroll">
      <table className="service-table">
        <caption>Services</caption>
        <thead>
          <tr>
            <th scope="col">name</th>
            <th scope="col">type</th>
            <th scope="col">protocol</th>
            <th scope="col">enabled</th>
            <th scope="col" className="num">process_limit</th>
            <th scope="col" className="num">client_limit</th>
            <th scope="col" className="num">max connections</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.name} className={s.enabled ? undefined : 'is-disabled'}>
              <th scope="row">
                <span className="service-name">{s.name}</span>
                {s.builtin ? null : <span className="badge">custom</span>}
              </th>
              <td><OptionalText value={s.type} /></td>
              <td><OptionalText value={s.protocol} /></td>
              <td>
                <span className={s.enabled ? 'state state-on' : 'state state-off'}>
                  {s.enabled ? 'yes' : 'no'}
                </span>
              </td>
              <td className="num">{formatCount(s.processLimit)}</td>
              <td className="num">{formatCount(s.clientLimit)}</td>
              <td className="num">{formatCount(s.maxConnections)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
