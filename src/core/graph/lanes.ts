/**
 * The columns the service graph is laid out in, left to right, following the
 * path of a client connection: login front ends, the post-login processes they
 * hand sessions to, the master-side services every process talks to (auth,
 * anvil, stats, log, config, dict, indexer…), and the worker pools those
 * services feed.
 *
 * @example
 *   serviceLane({ name: 'imap-login', type: 'login', protocol: 'imap' }); // 'login'
 *   LANES.indexOf(serviceLane({ name: 'auth-worker', type: 'worker', protocol: '' })); // 3
 */
import { CONNECTION_RULES } from './connections.ts';

/** A column of the graph. */
export type ServiceLane = 'login' | 'post-login' | 'master' | 'worker';

/**
 * The lanes in left-to-right order.
 *
 * @example LANES[0]; // 'login'
 */
export const LANES: readonly ServiceLane[] = ['login', 'post-login', 'master', 'worker'];

/**
 * Column titles for legends and headings.
 *
 * @example LANE_TITLES.master; // 'Master services'
 */
export const LANE_TITLES: Readonly<Record<ServiceLane, string>> = {
  login: 'Login',
  'post-login': 'Post-login',
  master: 'Master services',
  worker: 'Workers',
};

/** Services other services hand work to over a `worker` connection (auth-worker, indexer-worker…). */
const WORKER_TARGETS: ReadonlySet<string> = new Set(
  CONNECTION_RULES.filter((r) => r.kind === 'worker' && r.to !== 'pair').map((r) => r.to),
);

/** The fields the lane depends on (an `EffectiveService` has them). */
export interface LaneInput {
  readonly name: string;
  readonly type: string;
  readonly protocol: string;
}

/**
 * The lane of a service: `type = login` → login; `type = worker` or the target
 * of a worker connection → worker; a service with a protocol → post-login;
 * everything else (auth, anvil, stats, log, config, dict, indexer, custom
 * helpers) → master.
 *
 * @example serviceLane({ name: 'lmtp', type: '', protocol: 'lmtp' }); // 'post-login'
 */
export function serviceLane(s: LaneInput): ServiceLane {
  if (s.type === 'login') return 'login';
  if (s.type === 'worker' || WORKER_TARGETS.has(s.name)) return 'worker';
  if (s.protocol !== '') return 'post-login';
  return 'master';
}
