/**
 * Sizes of a service node in px. They match service-graph.css exactly, so the
 * layout and React Flow know every node's size before it is ever rendered
 * (nodes outside the view are never rendered with onlyRenderVisibleElements).
 *
 * @example nodeHeight(1); // 102
 */

/** Node width in px (service-graph.css `.service-node`). */
export const NODE_WIDTH = 264;
/** Height of the header (name, type line, limits) in px. */
export const NODE_HEADER_HEIGHT = 78;
/** Height of one listener row in px. */
export const LISTENER_ROW_HEIGHT = 22;
/**
 * Height of a node with `listeners` listener rows (an empty list still shows one "no listeners" row).
 *
 * @example nodeHeight(2); // 78 + 2 × 22 + 2
 */
export function nodeHeight(listeners: number): number {
  return NODE_HEADER_HEIGHT + Math.max(1, listeners) * LISTENER_ROW_HEIGHT + 2;
}
