/**
 * One service on the graph: name, type, protocol, whether `protocols` enables
 * it, its limits, badges for the problems it is part of, and one target
 * handle per listener (plus a hidden fallback) and one source handle.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { FALLBACK_HANDLE, SOURCE_HANDLE, formatCount, type ListenerView, type NodeProblem, type ServiceFlowNode } from './flow-elements.ts';


const KIND_SHORT: Readonly<Record<ListenerView['kind'], string>> = {
  unix_listener: 'unix',
  fifo_listener: 'fifo',
  inet_listener: 'inet',
};

const BADGE_ORDER: readonly NodeProblem['kind'][] = ['error', 'warning', 'auth', 'anvil', 'fd', 'stats'];

function badgeLabel(kind: NodeProblem['kind'], count: number): string {
  if (kind === 'error') return count === 1 ? 'error' : `${count} errors`;
  if (kind === 'warning') return count === 1 ? 'warning' : `${count} warnings`;
  return kind;
}

function Badges({ problems }: { problems: readonly NodeProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <span className="service-node__badges">
      {BADGE_ORDER.map((kind) => {
        const list = problems.filter((p) => p.kind === kind);
        if (list.length === 0) return null;
        const advisory = list.every((p) => p.advisory);
        return (
          <span key={kind} className={`node-badge node-badge--${kind}${advisory ? ' node-badge--advisory' : ''}`} title={list.map((p) => p.text).join('\n')}>
            {badgeLabel(kind, list.length)}
          </span>
        );
      })}
    </span>
  );
}

function ListenerRow({ l }: { l: ListenerView }) {
  const title = `${l.kind} ${l.name}${l.kind === 'inet_listener' ? ` port ${l.address.slice(1)}${l.ssl ? ' (ssl)' : ''}` : ` mode ${l.mode}`}, type ${l.connType}${l.disabled ? ' (disabled)' : ''}`;
  return (
    <li className={`listener${l.disabled ? ' is-disabled' : ''}`} title={title}>
      <Handle type="target" id={l.id} position={Position.Left} isConnectable={false} className="listener__handle" aria-label={`listener ${l.name}`} />
      <span className={`listener__kind listener__kind--${KIND_SHORT[l.kind]}`}>{KIND_SHORT[l.kind]}</span>
      <span className="listener__address">{l.kind === 'inet_listener' ? `${l.name} ${l.address}` : l.address}</span>
      <span className="listener__meta">
        {l.kind === 'inet_listener' ? (l.ssl ? 'ssl' : '') : l.mode}
        {l.connType !== '' && l.connType !== l.name ? <span className="listener__type">{l.connType}</span> : null}
      </span>
    </li>
  );
}

function ServiceNodeView({ data, selected }: NodeProps<ServiceFlowNode>) {
  const errors = data.problems.some((p) => p.kind === 'error');
  const budget = data.problems.some((p) => !p.advisory && p.kind !== 'error' && p.kind !== 'warning');
  const classes = ['service-node', `service-node--${data.lane}`];
  if (!data.enabled) classes.push('is-disabled');
  if (errors) classes.push('has-error');
  else if (budget) classes.push('has-budget-problem');
  if (selected) classes.push('is-selected');
  return (
    <div className={classes.join(' ')}>
      <Handle type="target" id={FALLBACK_HANDLE} position={Position.Left} isConnectable={false} className="service-node__fallback" />
      <div className="service-node__head">
        <span className="service-node__name">{data.name}</span>
        <Badges problems={data.problems} />
      </div>
      <div className="service-node__meta">
        <span>{data.type === '' ? 'no type' : data.type}</span>
        <span>{data.protocol === '' ? 'no protocol' : data.protocol}</span>
        <span className={data.enabled ? 'state-on' : 'state-off'}>{data.enabled ? 'enabled' : 'not in protocols'}</span>
        {data.builtin ? null : <span className="service-node__custom">custom</span>}
      </div>
      <div className="service-node__limits" title="process_limit × clients per process = max connections">
        <span className="num">{formatCount(data.processLimit)}</span> ×{' '}
        <span className="num">{formatCount(data.clientsPerProcess)}</span> ={' '}
        <strong className="num">{formatCount(data.maxConnections)}</strong>
        <span className="service-node__unit"> max connections</span>
      </div>
      <ul className="service-node__listeners">
        {data.listeners.length === 0 ? <li className="listener listener--none">no listeners</li> : data.listeners.map((l) => <ListenerRow key={l.id} l={l} />)}
      </ul>
      <Handle type="source" id={SOURCE_HANDLE} position={Position.Right} isConnectable={false} className="service-node__source" />
    </div>
  );
}

/** Memoised service node (React Flow re-renders it only when its node object changes). */
export const ServiceNode = memo(ServiceNodeView);
