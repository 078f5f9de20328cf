/**
 * The load one server carries: the installation's expected peak split over
 * the servers of its role, and the capacity to plan for (expected + headroom).
 *
 * @example
 *   nodeLoad({ ...DEFAULT_PLAN_INPUT, connections: { imap: 20000, pop3: 0, submission: 0, managesieve: 0 }, role: 'backend', backends: 4 }, 'backend').capacity.imap;
 *   // 6000 = ⌈20000 / 4⌉ × 1.2
 */
import { PLAN_PROTOCOLS, type PlanInput, type PlanProtocol, type PlanRole } from './types.ts';

/** What one server of a role carries. */
export interface NodeLoad {
  readonly role: PlanRole;
  /** Servers sharing the installation's load in this role. */
  readonly servers: number;
  /** Expected peak connections on one server. */
  readonly expected: Readonly<Record<PlanProtocol, number>>;
  /** Connections to plan for on one server: ⌈expected × (1 + headroom/100)⌉. */
  readonly capacity: Readonly<Record<PlanProtocol, number>>;
  /** LMTP deliveries in parallel on one server (no headroom: the MTA's concurrency limit caps them). */
  readonly deliveries: number;
}

/**
 * Expected + headroom, in integer arithmetic (no 1.2 × 1000 = 1200.0000001 surprises).
 *
 * @example withHeadroom(1000, 20); // 1200
 */
export function withHeadroom(expected: number, headroomPercent: number): number {
  const h = Math.round(headroomPercent * 100);
  return Math.ceil((expected * (10000 + h)) / 10000);
}

/**
 * Servers in a role: 1 for a single server, the proxy or backend count otherwise.
 *
 * @example serversInRole({ ...DEFAULT_PLAN_INPUT, backends: 3 }, 'backend'); // 3
 */
export function serversInRole(input: PlanInput, role: PlanRole): number {
  if (role === 'proxy') return Math.max(1, Math.floor(input.proxies));
  if (role === 'backend') return Math.max(1, Math.floor(input.backends));
  return 1;
}

/**
 * The load of one server of `role` (loads spread evenly; headroom absorbs imbalance).
 *
 * @example nodeLoad(DEFAULT_PLAN_INPUT, 'single').capacity.imap; // 1200
 */
export function nodeLoad(input: PlanInput, role: PlanRole): NodeLoad {
  const servers = serversInRole(input, role);
  const expected = {} as Record<PlanProtocol, number>;
  const capacity = {} as Record<PlanProtocol, number>;
  for (const p of PLAN_PROTOCOLS) {
    const total = Math.max(0, Math.floor(input.connections[p]));
    expected[p] = Math.ceil(total / servers);
    capacity[p] = withHeadroom(expected[p], input.headroomPercent);
  }
  return { role, servers, expected, capacity, deliveries: Math.ceil(Math.max(0, Math.floor(input.lmtpParallel)) / servers) };
}
