/**
 * Checks the planner inputs: each field is a whole number within its range.
 * Out-of-range values are brought into range so a plan can always be shown,
 * and each correction is reported with the field it concerns.
 *
 * @example
 *   normalizeInput({ ...DEFAULT_PLAN_INPUT, cores: 0 }).problems[0]?.message; // "CPU cores must be at least 1"
 */
import { PLAN_PROTOCOLS, type PlanInput, type PlanProtocol } from './types.ts';

/** A corrected input field. */
export interface InputProblem {
  /** `connections.imap`, `cores`, `ramBytes`, … */
  readonly field: string;
  readonly message: string;
}

/** Range of one numeric field. */
export interface FieldRange {
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

/** Allowed ranges (inclusive). */
export const INPUT_RANGES = {
  connections: { label: 'connections', min: 0, max: 1_000_000_000 },
  lmtpParallel: { label: 'LMTP deliveries in parallel', min: 0, max: 1_000_000 },
  cores: { label: 'CPU cores', min: 1, max: 4096 },
  ramBytes: { label: 'RAM', min: 64 * 1024 ** 2, max: 1024 ** 5 },
  ulimit: { label: 'ulimit -n', min: 1, max: 2 ** 31 - 1 },
  backends: { label: 'backends', min: 1, max: 100_000 },
  proxies: { label: 'proxies', min: 1, max: 100_000 },
  headroomPercent: { label: 'headroom', min: 0, max: 1000 },
} as const satisfies Record<string, FieldRange>;

function fix(value: number, range: FieldRange, field: string, problems: InputProblem[], label = range.label): number {
  if (!Number.isFinite(value)) {
    problems.push({ field, message: `${label} must be a number` });
    return range.min;
  }
  const whole = Math.round(value);
  if (whole < range.min) {
    problems.push({ field, message: `${label} must be at least ${range.min}` });
    return range.min;
  }
  if (whole > range.max) {
    problems.push({ field, message: `${label} must be at most ${range.max}` });
    return range.max;
  }
  if (whole !== value && field !== 'ramBytes') problems.push({ field, message: `${label} must be a whole number` });
  return whole;
}

/**
 * The inputs in range, and what had to be corrected.
 *
 * @example normalizeInput(DEFAULT_PLAN_INPUT).problems.length; // 0
 */
export function normalizeInput(input: PlanInput): { input: PlanInput; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const connections = {} as Record<PlanProtocol, number>;
  for (const p of PLAN_PROTOCOLS) connections[p] = fix(input.connections[p], INPUT_RANGES.connections, `connections.${p}`, problems, `${p} connections`);
  return {
    input: {
      connections,
      lmtpParallel: fix(input.lmtpParallel, INPUT_RANGES.lmtpParallel, 'lmtpParallel', problems),
      cores: fix(input.cores, INPUT_RANGES.cores, 'cores', problems),
      ramBytes: fix(input.ramBytes, INPUT_RANGES.ramBytes, 'ramBytes', problems),
      ulimit: fix(input.ulimit, INPUT_RANGES.ulimit, 'ulimit', problems),
      loginMode: input.loginMode,
      role: input.role,
      backends: fix(input.backends, INPUT_RANGES.backends, 'backends', problems),
      proxies: fix(input.proxies, INPUT_RANGES.proxies, 'proxies', problems),
      headroomPercent: fix(input.headroomPercent, INPUT_RANGES.headroomPercent, 'headroomPercent', problems),
    },
    problems,
  };
}
