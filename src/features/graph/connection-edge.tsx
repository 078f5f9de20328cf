/**
 * A connection between two services: a bezier into the listener handle,
 * styled by kind (classes set in flow-elements.ts), labelled with the most
 * connections it can hold.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { formatCount, type ConnectionEdge as ConnectionEdgeType } from './flow-elements.ts';

function ConnectionEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd }: EdgeProps<ConnectionEdgeType>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  if (data === undefined) return <BaseEdge id={id} path={path} />;
  return (
    <>
      <BaseEdge id={id} path={path} {...(markerEnd !== undefined ? { markerEnd } : {})} interactionWidth={0} />
      <EdgeLabelRenderer>
        <div
          className={`edge-label edge-label--${data.kind}${data.exceeded !== null ? ` edge-label--exceeded-${data.exceeded}` : ''}${data.focus ? ' edge-label--focus' : ''} nodrag nopan`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          title={data.title}
          data-edge={id}
        >
          {formatCount(data.capacity)}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

/** Memoised connection edge. */
export const ConnectionEdge = memo(ConnectionEdgeView);
